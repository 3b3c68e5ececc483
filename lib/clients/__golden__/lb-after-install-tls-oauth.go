// Clients outside the cluster: franz-go
package kafka

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/oauth"
)

// NewClient connects with the settings Bufstream recommends.
func NewClient() (*kgo.Client, error) {
	opts := []kgo.Opt{
		kgo.SeedBrokers("LOAD_BALANCER_ADDRESS:9092"),
		kgo.ClientID("my-app"),
		kgo.ProducerLinger(200 * time.Millisecond),
		// Batches up to 4 MiB; BrokerMaxWriteBytes (default 100 MiB) must stay at least this.
		kgo.ProducerBatchMaxBytes(4 << 20),
		kgo.FetchMaxWait(1000 * time.Millisecond),
	}
	tlsConfig, err := loadTLS()
	if err != nil {
		return nil, err
	}
	opts = append(opts, kgo.DialTLSConfig(tlsConfig))
	// A static token; long-running clients refresh it with oauth.Oauth(func(ctx) ...).
	opts = append(opts, kgo.SASL(oauth.Auth{Token: os.Getenv("KAFKA_OAUTH_TOKEN")}.AsMechanism()))
	return kgo.NewClient(opts...)
}

func loadTLS() (*tls.Config, error) {
	caPEM, err := os.ReadFile(os.Getenv("KAFKA_CA_FILE"))
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("no CA certificate in %s", os.Getenv("KAFKA_CA_FILE"))
	}
	cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return cfg, nil
}

// Clients outside the cluster, zone us-east-1b: franz-go
package kafka

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// NewClient connects with the settings Bufstream recommends.
func NewClient() (*kgo.Client, error) {
	opts := []kgo.Opt{
		kgo.SeedBrokers("kafka.internal.acme.io:9092"),
		kgo.ClientID("my-app,zone=us-east-1b"),
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
	opts = append(opts, kgo.SASL(scram.Auth{User: os.Getenv("KAFKA_USERNAME"), Pass: os.Getenv("KAFKA_PASSWORD")}.AsSha512Mechanism()))
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
	cert, err := tls.LoadX509KeyPair(os.Getenv("KAFKA_CLIENT_CERT_FILE"), os.Getenv("KAFKA_CLIENT_KEY_FILE"))
	if err != nil {
		return nil, err
	}
	cfg.Certificates = []tls.Certificate{cert}
	return cfg, nil
}

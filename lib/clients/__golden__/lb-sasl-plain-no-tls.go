// Clients in the cluster: franz-go
package kafka

import (
	"os"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/plain"
)

// NewClient connects with the settings Bufstream recommends.
func NewClient() (*kgo.Client, error) {
	opts := []kgo.Opt{
		kgo.SeedBrokers("kafka.internal.acme.io:9092"),
		kgo.ClientID("my-app"),
		kgo.ProducerLinger(200 * time.Millisecond),
		// Batches up to 4 MiB; BrokerMaxWriteBytes (default 100 MiB) must stay at least this.
		kgo.ProducerBatchMaxBytes(4 << 20),
		kgo.FetchMaxWait(1000 * time.Millisecond),
	}
	opts = append(opts, kgo.SASL(plain.Auth{User: os.Getenv("KAFKA_USERNAME"), Pass: os.Getenv("KAFKA_PASSWORD")}.AsMechanism()))
	return kgo.NewClient(opts...)
}

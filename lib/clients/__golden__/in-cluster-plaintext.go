// Clients in the cluster: franz-go
package kafka

import (
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// NewClient connects with the settings Bufstream recommends.
func NewClient() (*kgo.Client, error) {
	opts := []kgo.Opt{
		kgo.SeedBrokers("bufstream.bufstream.svc.cluster.local:9092"),
		kgo.ClientID("my-app"),
		kgo.ProducerLinger(200 * time.Millisecond),
		// Batches up to 4 MiB; BrokerMaxWriteBytes (default 100 MiB) must stay at least this.
		kgo.ProducerBatchMaxBytes(4 << 20),
		kgo.FetchMaxWait(1000 * time.Millisecond),
	}
	return kgo.NewClient(opts...)
}

// Package kgo: the subset of github.com/twmb/franz-go/pkg/kgo the client kit
// uses, with franz-go's own signatures (pkg/kgo/config.go, pkg/kgo/client.go).
// Type-checking stand-in only; see ../../README.md.
package kgo

import (
	"crypto/tls"
	"time"

	"github.com/twmb/franz-go/pkg/sasl"
)

// Opt is an option to configure a client.
type Opt interface {
	apply(*cfg)
}

// ProducerOpt is a producer specific option to configure a client.
type ProducerOpt interface {
	Opt
	producerOpt()
}

// ConsumerOpt is a consumer specific option to configure a client.
type ConsumerOpt interface {
	Opt
	consumerOpt()
}

type cfg struct{}

type (
	clientOpt   struct{ fn func(*cfg) }
	producerOpt struct{ fn func(*cfg) }
	consumerOpt struct{ fn func(*cfg) }
)

func (opt clientOpt) apply(c *cfg)   { opt.fn(c) }
func (opt producerOpt) apply(c *cfg) { opt.fn(c) }
func (opt consumerOpt) apply(c *cfg) { opt.fn(c) }
func (producerOpt) producerOpt()     {}
func (consumerOpt) consumerOpt()     {}

func noop(*cfg) {}

// Client issues requests and handles responses to a Kafka cluster.
type Client struct{}

// NewClient returns a new Kafka client with the given options or an error if
// the options are invalid.
func NewClient(opts ...Opt) (*Client, error) { return &Client{}, nil }

// ClientID uses id for all requests sent to Kafka brokers.
func ClientID(id string) Opt { return clientOpt{noop} }

// SeedBrokers sets the seed brokers for the client to use.
func SeedBrokers(seeds ...string) Opt { return clientOpt{noop} }

// DialTLSConfig opts into dialing brokers with the given TLS config.
func DialTLSConfig(c *tls.Config) Opt { return clientOpt{noop} }

// SASL appends sasl authentication options to use for all connections.
func SASL(sasls ...sasl.Mechanism) Opt { return clientOpt{noop} }

// BrokerMaxWriteBytes upper bounds the number of bytes written to a broker
// connection in a single write, overriding the default 100MiB.
func BrokerMaxWriteBytes(v int32) Opt { return clientOpt{noop} }

// ProducerLinger sets how long individual topic partitions will linger.
func ProducerLinger(linger time.Duration) ProducerOpt { return producerOpt{noop} }

// ProducerBatchMaxBytes upper bounds the size of a record batch.
func ProducerBatchMaxBytes(v int32) ProducerOpt { return producerOpt{noop} }

// FetchMaxWait sets the maximum amount of time a broker will wait for a
// fetch response to hit the minimum number of required bytes.
func FetchMaxWait(wait time.Duration) ConsumerOpt { return consumerOpt{noop} }

// Package sasl: github.com/twmb/franz-go/pkg/sasl's interfaces (pkg/sasl/sasl.go).
// Type-checking stand-in only; see ../../README.md.
package sasl

import "context"

// Session is an authentication session.
type Session interface {
	Challenge([]byte) (bool, []byte, error)
}

// Mechanism authenticates with SASL.
type Mechanism interface {
	Name() string
	Authenticate(ctx context.Context, host string) (Session, []byte, error)
}

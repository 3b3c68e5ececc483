// Package plain: github.com/twmb/franz-go/pkg/sasl/plain's API (plain.go).
// Type-checking stand-in only; see ../../../README.md.
package plain

import (
	"context"

	"github.com/twmb/franz-go/pkg/sasl"
)

// Auth contains information for authentication.
type Auth struct {
	Zid  string
	User string
	Pass string

	_ struct{} // require explicit field initialization
}

// AsMechanism returns a sasl mechanism that will use 'a' as credentials.
func (a Auth) AsMechanism() sasl.Mechanism { return nil }

// Plain returns a sasl mechanism that will call authFn whenever sasl
// authentication is needed.
func Plain(authFn func(context.Context) (Auth, error)) sasl.Mechanism { return nil }

// Package scram: github.com/twmb/franz-go/pkg/sasl/scram's API (scram.go).
// Type-checking stand-in only; see ../../../README.md.
package scram

import (
	"context"

	"github.com/twmb/franz-go/pkg/sasl"
)

// Auth contains information for authentication.
type Auth struct {
	Zid     string
	User    string
	Pass    string
	Nonce   []byte
	IsToken bool

	_internal struct{} // require explicit field initialization
}

// AsSha256Mechanism returns a SCRAM-SHA-256 mechanism using 'a' as credentials.
func (a Auth) AsSha256Mechanism() sasl.Mechanism { return nil }

// AsSha512Mechanism returns a SCRAM-SHA-512 mechanism using 'a' as credentials.
func (a Auth) AsSha512Mechanism() sasl.Mechanism { return nil }

// Sha256 returns a SCRAM-SHA-256 sasl mechanism that will call authFn.
func Sha256(authFn func(context.Context) (Auth, error)) sasl.Mechanism { return nil }

// Sha512 returns a SCRAM-SHA-512 sasl mechanism that will call authFn.
func Sha512(authFn func(context.Context) (Auth, error)) sasl.Mechanism { return nil }

// Package oauth: github.com/twmb/franz-go/pkg/sasl/oauth's API (oauth.go).
// Type-checking stand-in only; see ../../../README.md.
package oauth

import (
	"context"

	"github.com/twmb/franz-go/pkg/sasl"
)

// Auth contains information for authentication.
type Auth struct {
	Zid        string
	Token      string
	Extensions map[string]string

	_ struct{} // require explicit field initialization
}

// AsMechanism returns a sasl mechanism that will use 'a' as credentials.
func (a Auth) AsMechanism() sasl.Mechanism { return nil }

// Oauth returns an OAUTHBEARER sasl mechanism that will call authFn whenever
// authentication is needed.
func Oauth(authFn func(context.Context) (Auth, error)) sasl.Mechanism { return nil }

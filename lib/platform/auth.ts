// Kafka authentication (domain 1.3, 2.4). Credentials live in secrets the
// script creates from environment variables; values name the secrets only.
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import { shellQuote } from "../commands/shell-quote";
import type { Values } from "./merge";
import { SECRET_INPUTS, genericSecretLines } from "./secret-inputs";

/** The ConfigMap (key `url`) `oauthBearer.jwks.remote.urlConfig` names (domain 1.3). */
export function oauthJwksConfigMapName(s: Scenario): string {
  return `${s.release.name}-oauth-jwks`;
}
export const JWKS_URL_KEY = "url";

export function buildAuthValues(s: Scenario): Values {
  const a = s.auth;
  const sasl: Values =
    a.sasl === "plain"
      ? { plain: { credentialsSecrets: [a.plainSecret] } }
      : a.sasl === "scram"
        ? {
            scram: {
              adminCredentials: { hash: a.scramHash, plaintextCredentialsSecret: a.scramSecret },
            },
          }
        : a.sasl === "oauthbearer"
          ? {
              oauthBearer: {
                // audience and issuer sit under jwks, as in the Helm values
                // reference (domain 8.6). Buf's SASL page shows them one level
                // up, beside jwks; for Helm values the values reference is the
                // one the chart is documented by, so we follow it.
                jwks: {
                  remote: { urlConfig: oauthJwksConfigMapName(s) },
                  ...(a.oauthAudience !== "" ? { audience: a.oauthAudience } : {}),
                  ...(a.oauthIssuer !== "" ? { issuer: a.oauthIssuer } : {}),
                },
              },
            }
          : {};
  const authentication: Values = {
    ...(Object.keys(sasl).length > 0 ? { sasl } : {}),
    // mTLS is the fallback when a client does not use SASL (domain 1.3).
    ...(a.mtlsPrincipal !== "" ? { mtls: { principalSource: a.mtlsPrincipal } } : {}),
  };
  return Object.keys(authentication).length > 0 ? { kafka: { authentication } } : {};
}

export function buildAuthSteps(s: Scenario): ScriptStep[] {
  const a = s.auth;
  const ns = s.release.namespace;
  switch (a.sasl) {
    case "none":
      return [];
    case "plain": {
      const { saslPlainUsername: user, saslPlainPassword: password } = SECRET_INPUTS;
      return [
        {
          title: `Create the SASL/PLAIN credentials secret ${a.plainSecret}`,
          detail: [`Reads ${user.env} and ${password.env} (keys username, password).`],
          commands: genericSecretLines(a.plainSecret, ns, [
            { key: "username", input: user },
            { key: "password", input: password },
          ]),
        },
      ];
    }
    case "scram": {
      const { scramAdminUsername: user, scramAdminPassword: password } = SECRET_INPUTS;
      return [
        {
          title: `Create the SCRAM admin credentials secret ${a.scramSecret}`,
          detail: [
            `Reads ${user.env} and ${password.env} (keys username, plaintext); hash ${a.scramHash}.`,
            "Clients then use SCRAM-SHA-256 or SCRAM-SHA-512 to match.",
          ],
          commands: genericSecretLines(a.scramSecret, ns, [
            { key: "username", input: user },
            { key: "plaintext", input: password },
          ]),
        },
      ];
    }
    case "oauthbearer": {
      const name = oauthJwksConfigMapName(s);
      return [
        {
          title: `Create the ConfigMap ${name} with the JWKS URL`,
          detail: [
            "The brokers fetch the identity provider's signing keys from this URL (https only) and refresh them every 60 minutes.",
          ],
          commands: [
            [
              "kubectl create configmap",
              shellQuote(name),
              "--namespace",
              shellQuote(ns),
              `--from-literal=${JWKS_URL_KEY}=${shellQuote(a.oauthJwksUrl)}`,
              "--dry-run=client -o yaml | kubectl apply -f -",
            ].join(" "),
          ],
        },
      ];
    }
  }
}

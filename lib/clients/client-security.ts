// The client side of the brokers' TLS and SASL settings (domain 1.1, 1.3 and
// 5 "TLS/SASL"): which security.protocol and mechanism clients use, and the
// environment variables the snippets read secrets from. Snippets never hold a
// secret value, only these placeholders (issue 6, "Secrets never travel").
import type { Scenario } from "../scenario/schema";

export type SaslMechanism = "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512" | "OAUTHBEARER";

export interface ClientSecurity {
  protocol: "PLAINTEXT" | "SSL" | "SASL_PLAINTEXT" | "SASL_SSL";
  tls: boolean;
  /** The broker asks for (or requires) a client certificate. */
  clientCert: boolean;
  sasl: SaslMechanism | null;
}

export interface ClientEnvVar {
  name: string;
  description: string;
}

export const CLIENT_ENV = {
  caFile: {
    name: "KAFKA_CA_FILE",
    description: "Path of the PEM CA bundle that signed the brokers' certificate.",
  },
  certFile: {
    name: "KAFKA_CLIENT_CERT_FILE",
    description: "Path of the client's PEM certificate (librdkafka, franz-go, KafkaJS).",
  },
  keyFile: {
    name: "KAFKA_CLIENT_KEY_FILE",
    description: "Path of the client's PEM private key (librdkafka, franz-go, KafkaJS).",
  },
  keystoreFile: {
    name: "KAFKA_CLIENT_KEYSTORE_FILE",
    description:
      "Path of one PEM file with the client's private key followed by its certificate chain (Java).",
  },
  username: { name: "KAFKA_USERNAME", description: "SASL user name." },
  password: { name: "KAFKA_PASSWORD", description: "SASL password." },
  tokenUrl: {
    name: "KAFKA_OAUTH_TOKEN_URL",
    description: "The identity provider's OAuth token endpoint (client credentials).",
  },
  oauthClientId: { name: "KAFKA_OAUTH_CLIENT_ID", description: "OAuth client id." },
  oauthClientSecret: { name: "KAFKA_OAUTH_CLIENT_SECRET", description: "OAuth client secret." },
  oauthToken: {
    name: "KAFKA_OAUTH_TOKEN",
    description: "A bearer token from the identity provider (franz-go and KafkaJS examples).",
  },
} satisfies Record<string, ClientEnvVar>;

export function clientSecurity(s: Scenario): ClientSecurity {
  const tls = s.tls.enabled;
  const sasl: SaslMechanism | null =
    s.auth.sasl === "plain"
      ? "PLAIN"
      : s.auth.sasl === "scram"
        ? s.auth.scramHash === "SHA256"
          ? "SCRAM-SHA-256"
          : "SCRAM-SHA-512"
        : s.auth.sasl === "oauthbearer"
          ? "OAUTHBEARER"
          : null;
  const protocol =
    sasl === null ? (tls ? "SSL" : "PLAINTEXT") : tls ? "SASL_SSL" : "SASL_PLAINTEXT";
  // Every mode but NO_CERT asks for a certificate; sending one when asked is harmless.
  return { protocol, tls, clientCert: tls && s.tls.clientAuth !== "NO_CERT", sasl };
}

/** The environment variables the snippets for this security setup read. */
export function clientEnvVars(sec: ClientSecurity): ClientEnvVar[] {
  const env: ClientEnvVar[] = [];
  if (sec.tls) env.push(CLIENT_ENV.caFile);
  if (sec.clientCert) env.push(CLIENT_ENV.certFile, CLIENT_ENV.keyFile, CLIENT_ENV.keystoreFile);
  if (sec.sasl === "PLAIN" || sec.sasl === "SCRAM-SHA-256" || sec.sasl === "SCRAM-SHA-512") {
    env.push(CLIENT_ENV.username, CLIENT_ENV.password);
  }
  if (sec.sasl === "OAUTHBEARER") {
    env.push(
      CLIENT_ENV.tokenUrl,
      CLIENT_ENV.oauthClientId,
      CLIENT_ENV.oauthClientSecret,
      CLIENT_ENV.oauthToken,
    );
  }
  return env;
}

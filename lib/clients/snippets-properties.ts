// Java client and librdkafka settings as properties files (domain 5,
// "Recommended client settings" and "TLS/SASL").
import { CLIENT_ENV, type ClientSecurity } from "./client-security";

/** Producer batching that matches the broker's intake window (domain 5). */
export const LINGER_MS = 200;
/** 4 MiB to start (1-8 MiB), below the broker's 15 MB flush (domain 5). */
export const BATCH_SIZE = 4 * 1024 * 1024;
export const FETCH_MAX_WAIT_MS = 1000;

export interface KitTarget {
  title: string;
  bootstrapServers: string;
  /** Empty when neither an application name nor a zone is set. */
  clientId: string;
  security: ClientSecurity;
}

const lines = (...parts: Array<string | false>) => parts.filter((p) => p !== false);

function clientIdLines(t: KitTarget): string[] {
  if (t.clientId === "") return [];
  return [
    t.clientId.includes(",")
      ? "# Options are key=value pairs separated by ',' (or ';', one kind per ID), no spaces; make the name part unique per instance."
      : "# Make it unique per instance (e.g. add the pod or host name).",
    `client.id=${t.clientId}`,
  ];
}

function javaSecurity(sec: ClientSecurity): string[] {
  if (sec.protocol === "PLAINTEXT") return [];
  const env = (v: { name: string }) => `\${env:${v.name}}`;
  const jaas = (module: string, options: string) =>
    `sasl.jaas.config=org.apache.kafka.common.security.${module} required ${options};`;
  const credentials = `username="${env(CLIENT_ENV.username)}" password="${env(CLIENT_ENV.password)}"`;
  return lines(
    "",
    "# Security. Secrets are read from environment variables (EnvVarConfigProvider, Kafka >= 3.5).",
    "config.providers=env",
    "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
    `security.protocol=${sec.protocol}`,
    ...(sec.tls
      ? ["ssl.truststore.type=PEM", `ssl.truststore.location=${env(CLIENT_ENV.caFile)}`]
      : []),
    ...(sec.clientCert
      ? ["ssl.keystore.type=PEM", `ssl.keystore.location=${env(CLIENT_ENV.keystoreFile)}`]
      : []),
    ...(sec.sasl === null ? [] : [`sasl.mechanism=${sec.sasl}`]),
    sec.sasl === "PLAIN" && jaas("plain.PlainLoginModule", credentials),
    (sec.sasl === "SCRAM-SHA-256" || sec.sasl === "SCRAM-SHA-512") &&
      jaas("scram.ScramLoginModule", credentials),
    ...(sec.sasl === "OAUTHBEARER"
      ? [
          "# OAuth client credentials (Kafka >= 3.4). From Kafka 4.0 the JVM property",
          "# org.apache.kafka.sasl.oauthbearer.allowed.urls must list the token URL (3.9 allows any).",
          `sasl.oauthbearer.token.endpoint.url=${env(CLIENT_ENV.tokenUrl)}`,
          "sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
          jaas(
            "oauthbearer.OAuthBearerLoginModule",
            `clientId="${env(CLIENT_ENV.oauthClientId)}" clientSecret="${env(CLIENT_ENV.oauthClientSecret)}"`,
          ),
        ]
      : []),
  );
}

export function renderJavaProperties(t: KitTarget): string {
  return [
    `# ${t.title}: Java client (producer, consumer and admin)`,
    `bootstrap.servers=${t.bootstrapServers}`,
    ...clientIdLines(t),
    "# Kafka >= 3.8 Java client (KIP-899): bootstrap again when every known broker fails.",
    "metadata.recovery.strategy=rebootstrap",
    "",
    "# Producer: Bufstream batches writes to object storage; batch on the client too.",
    `linger.ms=${LINGER_MS}`,
    `batch.size=${BATCH_SIZE}`,
    "# A request carries whole batches: at its 1 MiB default, max.request.size would cap the batch.",
    `max.request.size=${BATCH_SIZE}`,
    "",
    "# Consumer",
    `fetch.max.wait.ms=${FETCH_MAX_WAIT_MS}`,
    ...javaSecurity(t.security),
    "",
  ].join("\n");
}

function librdkafkaSecurity(sec: ClientSecurity): string[] {
  if (sec.protocol === "PLAINTEXT") return [];
  const env = (v: { name: string }) => `\${${v.name}}`;
  const userPass = [
    `sasl.username=${env(CLIENT_ENV.username)}`,
    `sasl.password=${env(CLIENT_ENV.password)}`,
  ];
  return [
    "",
    "# Security. librdkafka does not read environment variables: replace each ${...} when deploying.",
    `security.protocol=${sec.protocol}`,
    ...(sec.tls ? [`ssl.ca.location=${env(CLIENT_ENV.caFile)}`] : []),
    ...(sec.clientCert
      ? [
          `ssl.certificate.location=${env(CLIENT_ENV.certFile)}`,
          `ssl.key.location=${env(CLIENT_ENV.keyFile)}`,
        ]
      : []),
    ...(sec.sasl === null ? [] : [`sasl.mechanisms=${sec.sasl}`]),
    ...(sec.sasl === "OAUTHBEARER"
      ? [
          "sasl.oauthbearer.method=oidc",
          `sasl.oauthbearer.token.endpoint.url=${env(CLIENT_ENV.tokenUrl)}`,
          `sasl.oauthbearer.client.id=${env(CLIENT_ENV.oauthClientId)}`,
          `sasl.oauthbearer.client.secret=${env(CLIENT_ENV.oauthClientSecret)}`,
        ]
      : sec.sasl === null
        ? []
        : userPass),
  ];
}

export function renderLibrdkafkaProperties(t: KitTarget): string {
  return [
    `# ${t.title}: librdkafka (confluent-kafka-python/-go/-dotnet, kcat -F)`,
    `bootstrap.servers=${t.bootstrapServers}`,
    ...clientIdLines(t),
    "",
    "# Producer (librdkafka also caps a batch at batch.num.messages, default 10000)",
    `linger.ms=${LINGER_MS}`,
    `batch.size=${BATCH_SIZE}`,
    "# batch.size is also capped by message.max.bytes (default 1000000): raise it to match.",
    `message.max.bytes=${BATCH_SIZE}`,
    "",
    "# Consumer (librdkafka's name for fetch.max.wait.ms)",
    `fetch.wait.max.ms=${FETCH_MAX_WAIT_MS}`,
    ...librdkafkaSecurity(t.security),
    "",
  ].join("\n");
}

// franz-go (Go) and KafkaJS (JavaScript) client set-up with the recommended
// settings (domain 5). Strings are written as JSON string literals, which are
// valid in both languages; secrets come from environment variables.
import { CLIENT_ENV, type ClientSecurity } from "./client-security";
import { FETCH_MAX_WAIT_MS, LINGER_MS, type KitTarget } from "./snippets-properties";

const str = (value: string) => JSON.stringify(value);
const goEnv = (v: { name: string }) => `os.Getenv(${str(v.name)})`;
const jsEnv = (v: { name: string }) => `process.env.${v.name}`;

const FRANZ = "github.com/twmb/franz-go/pkg";
const GO_SASL: Record<NonNullable<ClientSecurity["sasl"]>, { pkg: string; expr: string }> = {
  PLAIN: {
    pkg: "plain",
    expr: `plain.Auth{User: ${goEnv(CLIENT_ENV.username)}, Pass: ${goEnv(CLIENT_ENV.password)}}.AsMechanism()`,
  },
  "SCRAM-SHA-256": {
    pkg: "scram",
    expr: `scram.Auth{User: ${goEnv(CLIENT_ENV.username)}, Pass: ${goEnv(CLIENT_ENV.password)}}.AsSha256Mechanism()`,
  },
  "SCRAM-SHA-512": {
    pkg: "scram",
    expr: `scram.Auth{User: ${goEnv(CLIENT_ENV.username)}, Pass: ${goEnv(CLIENT_ENV.password)}}.AsSha512Mechanism()`,
  },
  OAUTHBEARER: {
    pkg: "oauth",
    expr: `oauth.Auth{Token: ${goEnv(CLIENT_ENV.oauthToken)}}.AsMechanism()`,
  },
};

function goTlsFunc(sec: ClientSecurity): string[] {
  if (!sec.tls) return [];
  return [
    "",
    "func loadTLS() (*tls.Config, error) {",
    `\tcaPEM, err := os.ReadFile(${goEnv(CLIENT_ENV.caFile)})`,
    "\tif err != nil {",
    "\t\treturn nil, err",
    "\t}",
    "\tpool := x509.NewCertPool()",
    "\tif !pool.AppendCertsFromPEM(caPEM) {",
    `\t\treturn nil, fmt.Errorf("no CA certificate in %s", ${goEnv(CLIENT_ENV.caFile)})`,
    "\t}",
    "\tcfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}",
    ...(sec.clientCert
      ? [
          `\tcert, err := tls.LoadX509KeyPair(${goEnv(CLIENT_ENV.certFile)}, ${goEnv(CLIENT_ENV.keyFile)})`,
          "\tif err != nil {",
          "\t\treturn nil, err",
          "\t}",
          "\tcfg.Certificates = []tls.Certificate{cert}",
        ]
      : []),
    "\treturn cfg, nil",
    "}",
  ];
}

export function renderFranzGo(t: KitTarget): string {
  const sec = t.security;
  const sasl = sec.sasl === null ? null : GO_SASL[sec.sasl];
  const std = [
    ...(sec.tls ? ["crypto/tls", "crypto/x509", "fmt"] : []),
    ...(sec.tls || sasl ? ["os"] : []),
    "time",
  ];
  const external = [`${FRANZ}/kgo`, ...(sasl ? [`${FRANZ}/sasl/${sasl.pkg}`] : [])];
  return [
    `// ${t.title}: franz-go`,
    "package kafka",
    "",
    "import (",
    ...std.map((p) => `\t${str(p)}`),
    "",
    ...external.map((p) => `\t${str(p)}`),
    ")",
    "",
    "// NewClient connects with the settings Bufstream recommends.",
    "func NewClient() (*kgo.Client, error) {",
    "\topts := []kgo.Opt{",
    `\t\tkgo.SeedBrokers(${str(t.bootstrapServers)}),`,
    ...(t.clientId === "" ? [] : [`\t\tkgo.ClientID(${str(t.clientId)}),`]),
    `\t\tkgo.ProducerLinger(${LINGER_MS} * time.Millisecond),`,
    "\t\tkgo.ProducerBatchMaxBytes(4 << 20),",
    `\t\tkgo.FetchMaxWait(${FETCH_MAX_WAIT_MS} * time.Millisecond),`,
    "\t}",
    ...(sec.tls
      ? [
          "\ttlsConfig, err := loadTLS()",
          "\tif err != nil {",
          "\t\treturn nil, err",
          "\t}",
          "\topts = append(opts, kgo.DialTLSConfig(tlsConfig))",
        ]
      : []),
    ...(sasl
      ? [
          ...(sec.sasl === "OAUTHBEARER"
            ? [
                "\t// A static token; long-running clients refresh it with oauth.Oauth(func(ctx) ...).",
              ]
            : []),
          `\topts = append(opts, kgo.SASL(${sasl.expr}))`,
        ]
      : []),
    "\treturn kgo.NewClient(opts...)",
    "}",
    ...goTlsFunc(sec),
    "",
  ].join("\n");
}

function jsSecurity(sec: ClientSecurity): string[] {
  const read = (v: { name: string }) => `readFileSync(${jsEnv(v)}, "utf-8")`;
  const out: string[] = [];
  if (sec.tls) {
    out.push(
      "  ssl: {",
      `    ca: [${read(CLIENT_ENV.caFile)}],`,
      ...(sec.clientCert
        ? [`    cert: ${read(CLIENT_ENV.certFile)},`, `    key: ${read(CLIENT_ENV.keyFile)},`]
        : []),
      "  },",
    );
  }
  if (sec.sasl === "OAUTHBEARER") {
    out.push(
      "  sasl: {",
      '    mechanism: "oauthbearer",',
      `    oauthBearerProvider: async () => ({ value: ${jsEnv(CLIENT_ENV.oauthToken)} }),`,
      "  },",
    );
  } else if (sec.sasl !== null) {
    out.push(
      "  sasl: {",
      `    mechanism: ${str(sec.sasl.toLowerCase())},`,
      `    username: ${jsEnv(CLIENT_ENV.username)},`,
      `    password: ${jsEnv(CLIENT_ENV.password)},`,
      "  },",
    );
  }
  return out;
}

export function renderKafkaJs(t: KitTarget, groupId: string): string {
  return [
    `// ${t.title}: KafkaJS`,
    ...(t.security.tls ? ['import { readFileSync } from "node:fs";'] : []),
    'import { Kafka } from "kafkajs";',
    "",
    "export const kafka = new Kafka({",
    ...(t.clientId === "" ? [] : [`  clientId: ${str(t.clientId)},`]),
    `  brokers: [${str(t.bootstrapServers)}],`,
    ...jsSecurity(t.security),
    "});",
    "",
    "// KafkaJS has no linger.ms or batch.size: send records in batches (producer.sendBatch).",
    "export const producer = kafka.producer();",
    `export const consumer = kafka.consumer({ groupId: ${str(groupId)}, maxWaitTimeInMs: ${FETCH_MAX_WAIT_MS} });`,
    "",
  ].join("\n");
}

// franz-go (Go) and KafkaJS (JavaScript) client set-up with the recommended
// settings (domain 5). Strings are written as JSON string literals, which are
// valid in both languages; secrets come from environment variables.
import { CLIENT_ENV, type ClientSecurity } from "./client-security";
import { BATCH_SIZE, FETCH_MAX_WAIT_MS, LINGER_MS, type KitTarget } from "./snippets-properties";

const MIB = 1024 * 1024;

const str = (value: string) => JSON.stringify(value);
const goEnv = (v: { name: string }) => `os.Getenv(${str(v.name)})`;

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
    // franz-go refuses a BrokerMaxWriteBytes below ProducerBatchMaxBytes; its
    // default (100 MiB) is far above the batch, so it needs no change.
    "\t\t// Batches up to 4 MiB; BrokerMaxWriteBytes (default 100 MiB) must stay at least this.",
    `\t\tkgo.ProducerBatchMaxBytes(${BATCH_SIZE / MIB} << 20),`,
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

/** The environment variables a KafkaJS snippet reads, in the order it uses them. */
function jsEnvVars(sec: ClientSecurity): Array<{ name: string }> {
  return [
    ...(sec.tls ? [CLIENT_ENV.caFile] : []),
    ...(sec.clientCert ? [CLIENT_ENV.certFile, CLIENT_ENV.keyFile] : []),
    ...(sec.sasl === "OAUTHBEARER"
      ? [CLIENT_ENV.oauthToken]
      : sec.sasl !== null
        ? [CLIENT_ENV.username, CLIENT_ENV.password]
        : []),
  ];
}

/**
 * Reads every variable once and stops with their names when one is unset.
 * Destructured constants narrowed by the check are `string` afterwards, so the
 * snippet type-checks under strict TypeScript as it is (KafkaJS wants strings,
 * `process.env` gives `string | undefined`) and stays plain JavaScript.
 */
function jsEnvCheck(vars: Array<{ name: string }>): string[] {
  if (vars.length === 0) return [];
  const names = vars.map((v) => v.name);
  const oneLine = `const { ${names.join(", ")} } = process.env;`;
  const unset = names.map((name) => `${name} === undefined`);
  // Prettier's layout: one line when it fits in 100 columns, else one name per line.
  const fits = oneLine.length <= 100;
  return [
    "",
    "// Secrets and file paths come from the environment; stop early, naming them, if one is unset.",
    ...(fits ? [oneLine] : ["const {", ...names.map((name) => `  ${name},`), "} = process.env;"]),
    ...(fits && `if (${unset.join(" || ")}) {`.length <= 100
      ? [`if (${unset.join(" || ")}) {`]
      : [
          "if (",
          ...unset.map((test, i) => `  ${test}${i < unset.length - 1 ? " ||" : ""}`),
          ") {",
        ]),
    `  throw new Error(${str(`Set ${names.join(", ")}`)});`,
    "}",
  ];
}

function jsSecurity(sec: ClientSecurity): string[] {
  const read = (v: { name: string }) => `readFileSync(${v.name}, "utf-8")`;
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
      "    // A static token; long-running clients fetch a fresh one here.",
      `    oauthBearerProvider: async () => ({ value: ${CLIENT_ENV.oauthToken.name} }),`,
      "  },",
    );
  } else if (sec.sasl !== null) {
    out.push(
      "  sasl: {",
      `    mechanism: ${str(sec.sasl.toLowerCase())},`,
      `    username: ${CLIENT_ENV.username.name},`,
      `    password: ${CLIENT_ENV.password.name},`,
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
    ...jsEnvCheck(jsEnvVars(t.security)),
    "",
    "export const kafka = new Kafka({",
    ...(t.clientId === "" ? [] : [`  clientId: ${str(t.clientId)},`]),
    `  brokers: [${str(t.bootstrapServers)}],`,
    ...jsSecurity(t.security),
    "});",
    "",
    "// KafkaJS does not batch on its own (no linger.ms or batch.size, and no request-size limit",
    "// to raise to match): group records yourself with producer.sendBatch.",
    "export const producer = kafka.producer();",
    `export const consumer = kafka.consumer({ groupId: ${str(groupId)}, maxWaitTimeInMs: ${FETCH_MAX_WAIT_MS} });`,
    "",
  ].join("\n");
}

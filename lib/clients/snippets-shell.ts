// Command lines that show what the cluster tells a client (domain 2.4, "Ways
// to verify the install"): kcat's metadata listing and Bufstream's own
// `client metadata`. Values are quoted by the project's one shell quoter;
// secrets stay in environment variables.
import { shellQuote } from "../commands/shell-quote";
import { CLIENT_ENV, type ClientSecurity } from "./client-security";
import type { KitTarget } from "./snippets-properties";

function kcatSecurity(sec: ClientSecurity): string[] {
  if (sec.protocol === "PLAINTEXT") return [];
  const fromEnv = (key: string, v: { name: string }) => `-X ${key}="$${v.name}"`;
  const opts = [`-X security.protocol=${sec.protocol}`];
  if (sec.tls) opts.push(fromEnv("ssl.ca.location", CLIENT_ENV.caFile));
  if (sec.clientCert) {
    opts.push(fromEnv("ssl.certificate.location", CLIENT_ENV.certFile));
    opts.push(fromEnv("ssl.key.location", CLIENT_ENV.keyFile));
  }
  if (sec.sasl !== null) opts.push(`-X sasl.mechanisms=${sec.sasl}`);
  if (sec.sasl === "OAUTHBEARER") {
    opts.push("-X sasl.oauthbearer.method=oidc");
    opts.push(fromEnv("sasl.oauthbearer.token.endpoint.url", CLIENT_ENV.tokenUrl));
    opts.push(fromEnv("sasl.oauthbearer.client.id", CLIENT_ENV.oauthClientId));
    opts.push(fromEnv("sasl.oauthbearer.client.secret", CLIENT_ENV.oauthClientSecret));
  } else if (sec.sasl !== null) {
    opts.push(fromEnv("sasl.username", CLIENT_ENV.username));
    opts.push(fromEnv("sasl.password", CLIENT_ENV.password));
  }
  return opts;
}

/** `kcat -L` with this client's id: lists the brokers the metadata response hands it. */
export function renderKcatCommand(t: KitTarget): string {
  const args = [
    `-b ${shellQuote(t.bootstrapServers)}`,
    ...(t.clientId === "" ? [] : [`-X ${shellQuote(`client.id=${t.clientId}`)}`]),
    ...kcatSecurity(t.security),
    "-L",
  ];
  return [
    `# ${t.title}: the brokers this client is told about`,
    `kcat ${args.join(" \\\n  ")}`,
    "",
  ].join("\n");
}

/** Bufstream's CLI answer to "what would this client id be told?" (domain 2.4). */
export function renderMetadataCommand(t: KitTarget): string {
  const args = [
    `--bootstrap-address ${shellQuote(t.bootstrapServers)}`,
    ...(t.clientId === "" ? [] : [`--client-id ${shellQuote(t.clientId)}`]),
  ];
  return [
    `# ${t.title}: ask Bufstream what this client id is told`,
    ...(t.security.protocol === "PLAINTEXT"
      ? []
      : ["# The listener uses TLS or SASL: see `bufstream client metadata --help` for its flags."]),
    `bufstream client metadata ${args.join(" ")}`,
    "",
  ].join("\n");
}

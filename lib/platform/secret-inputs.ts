// Secrets never travel (issue 6): the scenario holds secret NAMES only, and
// install.sh reads secret VALUES from environment variables the user sets (a
// value, or the path of a file) at install time. This module names those
// variables and writes the idempotent `kubectl create secret` lines that read
// them; no function here ever takes a secret value as an argument.
//
// Re-runs: `install.sh` is re-run to upgrade. When a variable is unset and the
// secret already exists, the step keeps the existing secret instead of failing,
// so an upgrade does not require every credential again; when it is unset and
// the secret is missing, the script stops with a message naming the variable.
import { CALLER_PATH_FN } from "../commands/render-script";
import { shellQuote } from "../commands/shell-quote";

/** One value install.sh needs from its environment. */
export interface SecretInput {
  /** Environment variable name, e.g. `BUFSTREAM_POSTGRES_DSN`. */
  env: string;
  /** `value`: the variable holds the secret; `file`: it holds the path of a file with it. */
  kind: "value" | "file";
  /** Plain words: what to put there (no secret examples). */
  description: string;
}

export const SECRET_INPUTS = {
  storageSecretAccessKey: {
    env: "BUFSTREAM_STORAGE_SECRET_ACCESS_KEY",
    kind: "value",
    description: "the S3 secret access key, or the Azure storage account key",
  },
  gcsCredentialsFile: {
    env: "BUFSTREAM_GCS_CREDENTIALS_FILE",
    kind: "file",
    description: "path of the Google service-account key file (credentials.json)",
  },
  postgresDsn: {
    env: "BUFSTREAM_POSTGRES_DSN",
    kind: "value",
    description:
      "the PostgreSQL DSN, e.g. postgresql://USER:PASSWORD@HOST:5432/bufstream?sslmode=require",
  },
  tlsCertFile: {
    env: "BUFSTREAM_TLS_CERT_FILE",
    kind: "file",
    description: "path of the PEM certificate (chain) that covers every name clients use",
  },
  tlsKeyFile: {
    env: "BUFSTREAM_TLS_KEY_FILE",
    kind: "file",
    description: "path of the PEM private key of that certificate",
  },
  tlsClientCaFile: {
    env: "BUFSTREAM_TLS_CLIENT_CA_FILE",
    kind: "file",
    description: "path of the PEM CA certificate(s) that sign client certificates",
  },
  saslPlainUsername: {
    env: "BUFSTREAM_SASL_PLAIN_USERNAME",
    kind: "value",
    description: "the SASL/PLAIN user name",
  },
  saslPlainPassword: {
    env: "BUFSTREAM_SASL_PLAIN_PASSWORD",
    kind: "value",
    description: "the SASL/PLAIN password",
  },
  scramAdminUsername: {
    env: "BUFSTREAM_SCRAM_ADMIN_USERNAME",
    kind: "value",
    description: "the SCRAM admin user name",
  },
  scramAdminPassword: {
    env: "BUFSTREAM_SCRAM_ADMIN_PASSWORD",
    kind: "value",
    description: "the SCRAM admin password (plaintext; Bufstream salts it)",
  },
} as const satisfies Record<string, SecretInput>;

/** Not a secret, but only known once the AKS cluster exists (domain 2.3, Azure binding). */
export const AKS_OIDC_ISSUER_ENV = "AKS_OIDC_ISSUER";

/** One key of a generic secret and where its value comes from. */
export interface SecretKeySource {
  key: string;
  input: SecretInput;
}

/**
 * The shell word that reads an input: `"${ENV}"` for a value; for a file, its
 * path taken from where the user ran the script (install.sh moves to its own
 * folder first, so a relative path would otherwise miss).
 */
export function inputWord(input: SecretInput): string {
  return input.kind === "value"
    ? `"\${${input.env}}"`
    : `"$(${CALLER_PATH_FN} "\${${input.env}}")"`;
}

/** `--from-literal=key="${ENV}"` or `--from-file=key=<path>`: the value is never in the script. */
function fromFlag({ key, input }: SecretKeySource): string {
  const flag = input.kind === "value" ? "--from-literal" : "--from-file";
  return `${flag}=${key}=${inputWord(input)}`;
}

function inputsSet(inputs: SecretInput[]): string {
  return inputs.map((input) => `[ -n "\${${input.env}:-}" ]`).join(" && ");
}

function missingMessage(name: string, inputs: SecretInput[]): string {
  const names = inputs.map((input) => input.env).join(" and ");
  return `Secret ${name} does not exist yet: set ${names} and run this script again.`;
}

/**
 * Lines that create or update a secret when its inputs are set, keep an
 * existing one when they are not, and stop when neither holds.
 */
function createOrKeep(name: string, namespace: string, inputs: SecretInput[], create: string) {
  const ns = shellQuote(namespace);
  const quotedName = shellQuote(name);
  return [
    `if ${inputsSet(inputs)}; then`,
    `  ${create} --dry-run=client -o yaml | kubectl apply -f -`,
    `elif ! kubectl get secret ${quotedName} --namespace ${ns} >/dev/null 2>&1; then`,
    `  echo ${shellQuote(missingMessage(name, inputs))} >&2`,
    "  exit 1",
    "fi",
  ];
}

export function genericSecretLines(
  name: string,
  namespace: string,
  sources: SecretKeySource[],
): string[] {
  const create = [
    "kubectl create secret generic",
    shellQuote(name),
    "--namespace",
    shellQuote(namespace),
    ...sources.map(fromFlag),
  ].join(" ");
  return createOrKeep(
    name,
    namespace,
    sources.map((source) => source.input),
    create,
  );
}

/** A `kubernetes.io/tls` secret (keys `tls.crt`, `tls.key`), as `kafka.tlsCertificateSecrets` expects (domain 1.1). */
export function tlsSecretLines(
  name: string,
  namespace: string,
  cert: SecretInput,
  key: SecretInput,
): string[] {
  const create = [
    "kubectl create secret tls",
    shellQuote(name),
    "--namespace",
    shellQuote(namespace),
    `--cert=${inputWord(cert)}`,
    `--key=${inputWord(key)}`,
  ].join(" ");
  return createOrKeep(name, namespace, [cert, key], create);
}

// Secrets never travel (issue 6). The scenario has no field for a secret
// value (only secret names and identifiers), the generated commands read every
// secret value from an environment variable or a file named by one, and the
// install steps really do carry the values from the environment into kubectl
// (checked by running them under bash against stub CLIs) while the script, the
// values and the share link never contain them.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "../bundle/build-bundle";
import { buildCommands } from "../commands/build-commands";
import { renderScript } from "../commands/render-script";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { ScenarioSchema, type Scenario } from "../scenario/schema";
import { buildShareLink, decodeScenario, encodeScenario } from "../share/codec";
import { restoreScenario } from "../share/restore";
import { buildValues } from "../values/build-values";
import { renderYaml } from "../values/render-yaml";
import { buildPlatformSteps, platformSecretInputs } from "./index";
import { SECRET_INPUTS } from "./secret-inputs";
import { assertValid, completeScenario, zoned } from "./testing/scenarios";

/** Every string field of the platform sections, reviewed: each is a name or an identifier, never a secret. */
const REVIEWED_PLATFORM_STRINGS = [
  "storage.use",
  "storage.bucket",
  "storage.prefix",
  "storage.region",
  "storage.endpoint",
  "storage.credentials",
  "storage.accessKeyId", // S3 access key id / Azure account name: identifiers (domain 1.1)
  "storage.secretName",
  "identity.method",
  "identity.awsRoleArn",
  "identity.awsClusterName",
  "identity.gcpServiceAccount",
  "identity.azureClientId",
  "identity.azureIdentityName",
  "identity.azureResourceGroup",
  "metadata.use",
  "metadata.etcd.source", // where etcd runs: "", "install" or "existing"
  "metadata.etcd.addresses.0.host",
  "metadata.postgres.secretName",
  "metadata.postgres.cloudsqlInstance",
  "metadata.spanner.projectId",
  "metadata.spanner.instanceId",
  "metadata.spanner.databaseName",
  "tls.certificateSecret",
  "tls.clientAuth",
  "tls.clientCasSecret",
  "auth.sasl",
  "auth.plainSecret",
  "auth.scramHash",
  "auth.scramSecret",
  "auth.oauthIssuer",
  "auth.oauthAudience",
  "auth.oauthJwksUrl", // public: the brokers fetch public keys from it
  "auth.mtlsPrincipal",
  "observability.metrics",
  "observability.otlpAddress",
  "observability.logLevel",
  "resources.cpu",
  "resources.memory",
];
const PLATFORM_SECTIONS = [
  "storage",
  "identity",
  "metadata",
  "tls",
  "auth",
  "observability",
  "resources",
];

function stringLeaves(value: unknown, path = ""): string[] {
  if (typeof value === "string") return [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringLeaves(child, path === "" ? key : `${path}.${key}`),
  );
}

/** Field names that would mean a secret value is stored. */
const SECRET_LIKE =
  /password|passwd|token|dsn|private|secretKey|secretAccess|apiKey|plaintext|salt|keyFile|credentialsJson/i;

describe("the scenario holds no secret values", () => {
  it("has exactly the reviewed string fields in its platform sections", () => {
    const leaves = stringLeaves(DEFAULT_SCENARIO).filter((path) =>
      PLATFORM_SECTIONS.includes(path.split(".")[0] ?? ""),
    );
    expect(leaves.sort()).toEqual([...REVIEWED_PLATFORM_STRINGS].sort());
  });

  it("has no field, anywhere, named like a secret value", () => {
    const named = stringLeaves(DEFAULT_SCENARIO).filter((path) =>
      SECRET_LIKE.test(path.split(".").pop() ?? ""),
    );
    expect(named).toEqual([]);
  });

  it("drops a secret smuggled in as an unknown field, so no link can carry it", () => {
    const smuggled = {
      ...structuredClone(DEFAULT_SCENARIO),
      auth: { ...DEFAULT_SCENARIO.auth, password: "hunter2-smuggled" },
      metadata: { ...DEFAULT_SCENARIO.metadata, postgres: { dsn: "postgres://u:hunter2@db/x" } },
    };
    const restored = restoreScenario(smuggled);
    expect(JSON.stringify(restored.scenario)).not.toContain("hunter2");
    expect(JSON.stringify(ScenarioSchema.parse(restored.scenario))).not.toContain("hunter2");
  });
});

/** A complete scenario with every secret-bearing feature on, and text typed into every field. */
const typed: Scenario = assertValid(
  zoned(
    completeScenario((s) => {
      s.storage.credentials = "secret";
      s.storage.accessKeyId = "AKIAIOSFODNN7EXAMPLE";
      s.storage.prefix = "typed prefix/'quoted' $HOME";
      s.storage.secretName = "typed-storage";
      s.identity.method = "eks-pod-identity";
      s.identity.awsClusterName = "typed-cluster";
      s.metadata.use = "postgres";
      s.metadata.postgres.secretName = "typed-postgres";
      s.tls.enabled = true;
      s.tls.certificateSecret = "typed-tls";
      s.tls.clientAuth = "REQUIRE_AND_VERIFY_CERT";
      s.tls.clientCasSecret = "typed-ca";
      s.auth.sasl = "plain";
      s.auth.plainSecret = "typed-plain";
      s.auth.oauthIssuer = "https://typed.example.com/issuer";
      s.auth.oauthAudience = "typed-audience";
      s.auth.oauthJwksUrl = "https://typed.example.com/jwks.json";
      s.auth.mtlsPrincipal = "SUBJECT_COMMON_NAME";
      s.observability.otlpAddress = "typed-collector:4317";
      s.clientKit.appName = "typed-app";
    }),
    ["us-east-1a", "us-east-1b"],
  ),
);

/** What the user exports before running install.sh: the secret material. */
const SECRET_ENV: Record<string, string> = {
  [SECRET_INPUTS.storageSecretAccessKey.env]: "wJalrXUtnFEMI-SECRET-storage-key",
  [SECRET_INPUTS.postgresDsn.env]: "postgresql://app:SECRET-pg-password@db:5432/bufstream",
  [SECRET_INPUTS.saslPlainUsername.env]: "SECRET-plain-user",
  [SECRET_INPUTS.saslPlainPassword.env]: "SECRET-plain-password",
};
const SECRET_FILES = {
  [SECRET_INPUTS.tlsCertFile.env]: "SECRET-cert.pem",
  [SECRET_INPUTS.tlsKeyFile.env]: "SECRET-key.pem",
  [SECRET_INPUTS.tlsClientCaFile.env]: "SECRET-ca.pem",
};

describe("generated commands read secret values only from the environment", () => {
  const steps = buildPlatformSteps(typed);
  const lines = steps.flatMap((step) => step.commands);

  it("passes every secret key as a reference to an environment variable", () => {
    // A value as "${VAR}"; a file path as "$(from_caller "${VAR}")" (taken from where
    // the user ran the script). Either way the value itself is never in the script.
    const sources = lines.flatMap((line) =>
      [
        ...line.matchAll(
          /--(from-literal|from-file|cert|key)=(?:[a-z._]+=)?("\$\(from_caller "[^"]*"\)"|\S+)/g,
        ),
      ].map((m) => m[2]),
    );
    expect(sources.length).toBeGreaterThanOrEqual(7);
    for (const source of sources) {
      expect(source).toMatch(
        /^("\$\{BUFSTREAM_[A-Z_]+\}"|"\$\(from_caller "\$\{BUFSTREAM_[A-Z_]+\}"\)")$/,
      );
    }
  });

  it("lists exactly the variables the commands read", () => {
    expect(platformSecretInputs(typed).map((input) => input.env)).toEqual([
      ...Object.keys(SECRET_ENV).slice(0, 2),
      ...Object.keys(SECRET_FILES),
      ...Object.keys(SECRET_ENV).slice(2),
    ]);
  });

  it("keeps secret material out of the bundle, the values, install.sh and the share link", () => {
    const files = buildValues(typed);
    const link = buildShareLink("https://wizard.example/", typed);
    const bundle = buildBundle(typed, { generatorVersion: "0.0.0-test", shareLink: link });
    expect(bundle.map((file) => file.name)).toContain("install.sh");
    const text = [
      ...bundle.map((file) => file.content),
      ...[files.shared, ...files.zones].map((file) => renderYaml(file.values, "")),
      renderScript(buildCommands(typed), ""),
      encodeScenario(typed),
      JSON.stringify(decodeScenario(encodeScenario(typed))),
    ].join("\n");
    for (const secret of [...Object.values(SECRET_ENV), ...Object.values(SECRET_FILES)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("SECRET-");
  });
});

describe("the secret steps under bash, with stub kubectl/aws", () => {
  let dir = "";
  const STUB = `#!/usr/bin/env bash
# Logs each call; 'kubectl get' exits with STUB_GET_STATUS; 'kubectl apply -f -' logs stdin.
printf '%s %s\\n' "$(basename "$0")" "$*" >> "$STUB_LOG"
if [ "$(basename "$0")" = kubectl ] && [ "$1" = get ]; then exit "\${STUB_GET_STATUS:-1}"; fi
if [ "$(basename "$0")" = kubectl ] && [ "$1" = apply ]; then cat >> "$STUB_LOG"; fi
exit 0
`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "platform-secrets-"));
    for (const tool of ["kubectl", "aws"]) {
      writeFileSync(join(dir, tool), STUB);
      chmodSync(join(dir, tool), 0o755);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(env: Record<string, string>, getStatus: number) {
    const log = join(dir, `log-${Object.keys(env).length}-${getStatus}`);
    writeFileSync(log, "");
    const script = renderScript(buildPlatformSteps(typed), "test");
    // --norc: Node's stdio are sockets, which makes bash read ~/.bashrc as under rshd.
    const result = spawnSync(
      "bash",
      ["--norc", "--noprofile", "-c", script.replace(/^cd .*$/m, "")],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          NODE_ENV: "test",
          PATH: `${dir}:/usr/bin:/bin`,
          STUB_LOG: log,
          STUB_GET_STATUS: String(getStatus),
          ...env,
        },
      },
    );
    return { status: result.status, stderr: result.stderr, log: readFileSync(log, "utf8"), script };
  }

  it("hands each value from the environment to kubectl, never writing it into the script", () => {
    const files = Object.fromEntries(
      Object.entries(SECRET_FILES).map(([env, name]) => [env, join(dir, name)]),
    );
    const { status, stderr, log, script } = run({ ...SECRET_ENV, ...files }, 1);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const [key, dsn, user, password] = Object.values(SECRET_ENV);
    expect(log).toContain(`--from-literal=secret_access_key=${key}`);
    expect(log).toContain(`--from-literal=dsn=${dsn}`);
    expect(log).toContain(`--from-literal=username=${user} --from-literal=password=${password}`);
    expect(log).toContain(`--cert=${files[SECRET_INPUTS.tlsCertFile.env]}`);
    expect(log).toContain(`--from-file=tls.crt=${files[SECRET_INPUTS.tlsClientCaFile.env]}`);
    // One Pod Identity association per zonal ServiceAccount.
    expect(log.match(/aws eks create-pod-identity-association/g)).toHaveLength(2);
    for (const secret of Object.values(SECRET_ENV)) expect(script).not.toContain(secret);
  });

  it("keeps existing secrets when the variables are unset (re-runs for upgrades)", () => {
    const { status, log } = run({}, 0);
    expect(status).toBe(0);
    expect(log).not.toContain("kubectl create secret");
  });

  it("stops and names the variable when a secret is missing and its variable unset", () => {
    const { status, stderr, log } = run({}, 1);
    expect(status).toBe(1);
    expect(stderr).toContain(SECRET_INPUTS.storageSecretAccessKey.env);
    expect(log).not.toContain("create secret");
  });
});

import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import {
  buildPlatformSteps,
  buildPlatformValues,
  isCompleteInstall,
  platformSecretInputs,
} from "./index";
import { completeScenario, scenarioWith } from "./testing/scenarios";

/** A scenario with every platform feature on, in the given scope. */
const everything = (scope: "networking" | "complete") =>
  completeScenario((s) => {
    s.valuesScope = scope;
    s.storage.credentials = "secret";
    s.storage.accessKeyId = "AKIAIOSFODNN7EXAMPLE";
    s.metadata.use = "postgres";
    s.tls.enabled = true;
    s.tls.clientAuth = "REQUIRE_AND_VERIFY_CERT";
    s.tls.clientCasSecret = "client-ca";
    s.auth.sasl = "scram";
    s.auth.mtlsPrincipal = "SUBJECT_COMMON_NAME";
    s.observability.metrics = "PROMETHEUS";
    s.resources.autoscaling.enabled = true;
  });

describe("scope", () => {
  it("writes everything for a complete install", () => {
    const values = buildPlatformValues(everything("complete"));
    expect(Object.keys(values).sort()).toEqual([
      "bufstream",
      "kafka",
      "metadata",
      "observability",
      "storage",
    ]);
    expect(undocumentedKeys(values)).toEqual([]);
  });

  it("writes only TLS and authentication for networking-only values", () => {
    const s = everything("networking");
    expect(isCompleteInstall(s)).toBe(false);
    const values = buildPlatformValues(s);
    expect(Object.keys(values)).toEqual(["kafka"]);
    expect(Object.keys(values.kafka as object).sort()).toEqual([
      "authentication",
      "tlsCertificateSecrets",
      "tlsClientAuth",
      "tlsClientCasSecret",
    ]);
  });

  it("writes nothing for the default networking scenario", () => {
    expect(buildPlatformValues(scenarioWith(() => {}))).toEqual({});
    expect(buildPlatformSteps(scenarioWith(() => {}))).toEqual([]);
  });

  it("runs storage, metadata and identity steps only for a complete install", () => {
    const titles = (scope: "networking" | "complete") =>
      buildPlatformSteps(everything(scope)).map((step) => step.title);
    expect(titles("networking")).toEqual([
      "Create the Kafka TLS certificate secret bufstream-tls",
      "Create the client CA secret client-ca",
      "Create the SCRAM admin credentials secret bufstream-scram-admin",
    ]);
    expect(titles("complete")).toEqual([
      "Create the object-storage credentials secret bufstream-storage",
      "Create the PostgreSQL DSN secret bufstream-postgres",
      "Check that IAM role BufstreamRole trusts every broker ServiceAccount (IRSA)",
      ...titles("networking"),
    ]);
  });

  it("never leaves empty maps in the fragment", () => {
    const s = completeScenario((d) => {
      d.resources.cpu = "";
      d.resources.memory = "";
      d.identity.method = "eks-pod-identity";
    });
    const values = buildPlatformValues(s);
    expect(JSON.stringify(values)).not.toContain("{}");
    expect(values.bufstream).toBeUndefined();
  });
});

describe("platformSecretInputs", () => {
  it("names every environment variable the steps read", () => {
    const s = everything("complete");
    const inputs = platformSecretInputs(s).map((input) => input.env);
    const script = buildPlatformSteps(s)
      .flatMap((step) => step.commands)
      .join("\n");
    const read = [...script.matchAll(/\$\{(BUFSTREAM_[A-Z_]+|AKS_OIDC_ISSUER)[:}]/g)].map(
      (m) => m[1],
    );
    expect(new Set(read)).toEqual(new Set(inputs));
    expect(inputs).toEqual([
      "BUFSTREAM_STORAGE_SECRET_ACCESS_KEY",
      "BUFSTREAM_POSTGRES_DSN",
      "BUFSTREAM_TLS_CERT_FILE",
      "BUFSTREAM_TLS_KEY_FILE",
      "BUFSTREAM_TLS_CLIENT_CA_FILE",
      "BUFSTREAM_SCRAM_ADMIN_USERNAME",
      "BUFSTREAM_SCRAM_ADMIN_PASSWORD",
    ]);
  });
});

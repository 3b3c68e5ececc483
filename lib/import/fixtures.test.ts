// Real-world inputs (issue 15): values files written here with the keys and
// shapes of Buf's own Terraform (terraform-modules-bufstream aws|gcp|azure/
// bufstream.yaml.tpl) and of Bufstream's deploy guides, each naming the source it
// follows in its header. Each imports with the expected scenario and findings.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { parseYaml } from "../values/render-yaml";
import { checkImportedValues } from "./check-values";
import { buildCorrectedValues } from "./corrected-values";
import { buildValuesDiff, keptKeys } from "./diff-values";
import { importValues, reanswer, type ImportedValues } from "./import-values";
import type { Scenario } from "../scenario/schema";
import { SECRET_MARKER } from "./secrets";
import { FIXTURES_DIR, fixtureSources } from "./testing/fixtures";

const DIR = FIXTURES_DIR;

function load(name: string): ImportedValues {
  const result = importValues(fixtureSources(name));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.imported;
}

interface Expected {
  scenario: Record<string, unknown>;
  /** Ids of the findings about the values (all of them, any severity). */
  values: string[];
  /** Ids of the topology check's errors for the scenario as read. */
  errors: string[];
  kept: string[];
}

const EXPECTED: Record<string, Expected> = {
  "terraform-aws-nlb-postgres.yaml": {
    scenario: {
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: {
        provider: "aws",
        scheme: "internal",
        host: "bufstream-0a1b2c3d4e5f6a7b.elb.us-east-1.amazonaws.com",
        hostSource: "known",
        staticIp: "",
      },
      valuesScope: "complete",
      storage: {
        use: "s3",
        bucket: "acme-bufstream-prod",
        region: "us-east-1",
        credentials: "workload-identity",
      },
      identity: { method: "irsa", awsRoleArn: "arn:aws:iam::123456789012:role/acme-bufstream" },
      metadata: { use: "postgres", postgres: { secretName: "bufstream-postgres" } },
    },
    values: [],
    errors: [],
    kept: [],
  },
  "terraform-aws-etcd-in-cluster.yaml": {
    scenario: {
      clients: "in-cluster",
      exposure: "cluster-ip",
      valuesScope: "complete",
      storage: { use: "s3", region: "eu-west-1" },
      metadata: { use: "etcd" },
    },
    // The template's `bufstream:` with nothing under it when neither hostname nor role is set.
    values: ["values-null-key"],
    errors: [],
    kept: [],
  },
  "terraform-gcp-ilb-spanner.yaml": {
    scenario: {
      exposure: "load-balancer",
      loadBalancer: {
        provider: "gcp",
        scheme: "internal",
        host: "10.20.0.40",
        staticIp: "10.20.0.40",
      },
      valuesScope: "complete",
      storage: { use: "gcs", bucket: "acme-bufstream-gcs" },
      identity: {
        method: "gke-workload-identity",
        gcpServiceAccount: "bufstream-sa@acme-streaming.iam.gserviceaccount.com",
      },
      metadata: {
        use: "spanner",
        spanner: {
          projectId: "acme-streaming",
          instanceId: "bufstream",
          databaseName: "bufstream",
        },
      },
    },
    values: ["values-spanner-snake-case"],
    errors: [],
    kept: [],
  },
  "terraform-gcp-cloudsql.yaml": {
    scenario: {
      exposure: "cluster-ip",
      valuesScope: "complete",
      metadata: {
        use: "postgres",
        postgres: {
          cloudsqlInstance: "acme-streaming:us-central1:bufstream",
          cloudsqlIam: true,
          cloudsqlPrivateIp: true,
        },
      },
    },
    values: ["values-dsn-in-values"],
    errors: [],
    kept: [],
  },
  "terraform-azure-ilb.yaml": {
    scenario: {
      exposure: "load-balancer",
      loadBalancer: {
        provider: "azure",
        scheme: "internal",
        host: "10.224.10.20",
        staticIp: "10.224.10.20",
      },
      // The managed identity's name and resource group are not in values: until answered,
      // the wizard leaves the platform part as written.
      valuesScope: "networking",
      identity: {
        method: "azure-workload-identity",
        azureClientId: "11111111-2222-3333-4444-555555555555",
      },
      storage: {
        use: "azure",
        bucket: "bufstream",
        endpoint: "https://acmebufstream.blob.core.windows.net",
      },
    },
    values: ["values-platform-kept"],
    errors: [],
    kept: [
      "storage.use",
      "storage.azure.bucket",
      "storage.azure.endpoint",
      'bufstream.deployment.podLabels["azure.workload.identity/use"]',
      'bufstream.serviceAccount.annotations["azure.workload.identity/client-id"]',
      "metadata.use",
      "metadata.etcd.addresses",
    ],
  },
  "docs-aws-postgres-irsa.yaml": {
    scenario: {
      exposure: "cluster-ip",
      clients: "in-cluster",
      valuesScope: "complete",
      observability: { metrics: "PROMETHEUS" },
      identity: { method: "irsa" },
    },
    values: ["values-deprecated-key"],
    errors: [],
    kept: [],
  },
  "docs-aws-nlb.yaml": {
    scenario: {
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", scheme: "internal", hostSource: "known" },
    },
    values: [],
    errors: [],
    kept: [],
  },
  "docs-gcp-spanner-credentials.yaml": {
    scenario: {
      storage: {
        use: "gcs",
        credentials: "secret",
        secretName: "bufstream-service-account-credentials",
      },
      metadata: {
        use: "spanner",
        spanner: { projectId: "acme-streaming", instanceId: "bufstream", databaseName: "" },
      },
    },
    values: ["values-spanner-snake-case", "values-spanner-snake-case", "values-spanner-typo"],
    errors: [],
    kept: [],
  },
  "docs-aws-zonal": {
    scenario: {
      release: { name: "bufstream", namespace: "bufstream" },
      zones: {
        enabled: true,
        names: ["us-east-1a", "us-east-1b", "us-east-1c"],
        replicasPerZone: 2,
      },
      exposure: "cluster-ip",
      observability: { metrics: "PROMETHEUS" },
    },
    values: [
      "values-deprecated-key",
      "values-docs-name-key",
      "values-docs-name-key",
      "values-docs-name-key",
    ],
    errors: [],
    kept: [],
  },
  "docs-gcp-zonal": {
    scenario: {
      zones: { enabled: true, names: ["us-central1-a", "us-central1-b"], replicasPerZone: 2 },
      identity: { method: "gke-workload-identity" },
    },
    values: [
      "values-zone-key-missing",
      "values-zone-key-missing",
      "values-docs-name-key",
      "values-docs-name-key",
    ],
    errors: [],
    kept: [],
  },
  "broken-gcp-neg-cluster-ip.yaml": {
    scenario: { clients: "outside-cluster", exposure: "cluster-ip" },
    values: ["values-neg-advertises-cluster-name"],
    errors: ["outside-clients-cluster-ip"],
    kept: ['bufstream.service.annotations["cloud.google.com/neg"]'],
  },
  "broken-nlb-without-public-address.yaml": {
    scenario: {
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", hostSource: "after-install" },
      valuesScope: "networking",
    },
    values: ["values-lb-advertises-cluster-name"],
    errors: [],
    kept: [],
  },
  "secrets.yaml": {
    scenario: {
      metadata: { use: "postgres" },
      storage: { credentials: "secret", accessKeyId: "AKIAIOSFODNN7EXAMPLE" },
    },
    values: ["values-dsn-in-values", "values-secrets-masked"],
    errors: [],
    kept: ["bufstream.deployment.extraEnv", "configOverrides", "extraObjects"],
  },
};

describe("every fixture has its expectations, and every expectation its fixture", () => {
  it("lists the same fixtures as the folder", () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.keys(EXPECTED))("%s names the source it follows", (name) => {
    for (const { text } of fixtureSources(name))
      expect(text).toMatch(/^# (Shape of|Follows|Values holding)/);
  });
});

describe.each(Object.entries(EXPECTED))("%s", (name, expected) => {
  const imported = load(name);
  const s = imported.read.scenario;

  it("reads into the expected, valid scenario", () => {
    expect(imported.read.problems).toEqual([]);
    expect(s).toMatchObject(expected.scenario);
  });

  it("finds what is wrong with the values", () => {
    expect(
      checkImportedValues(imported, s)
        .map((f) => f.id)
        .sort(),
    ).toEqual([...expected.values].sort());
  });

  it("gives the expected topology errors", () => {
    expect(
      checkTopology(s)
        .filter((f) => f.severity === "error")
        .map((f) => f.id),
    ).toEqual(expected.errors);
  });

  it("keeps the keys the wizard does not own, and lists them", () => {
    expect(keptKeys(imported, s).map((k) => k.key)).toEqual(expected.kept);
  });

  it("writes corrected files that parse back and hold every kept key", () => {
    for (const file of buildCorrectedValues(imported, s)) {
      expect(parseYaml(JSON.stringify(file.forDownload))).toEqual(file.forDownload);
    }
  });

  it("names a file and a line for every finding about a key", () => {
    for (const finding of checkImportedValues(imported, s)) {
      if (finding.key !== null) {
        expect(finding.source, finding.id).not.toBeNull();
        expect(finding.line, finding.id).toBeGreaterThan(0);
      }
    }
  });
});

describe("the classic advertised-listener failure (GKE NEGs on a ClusterIP Service)", () => {
  const imported = load("broken-gcp-neg-cluster-ip.yaml");
  const s = imported.read.scenario;

  it("guesses outside clients from the NEG annotation, and says it is a guess", () => {
    const clients = imported.read.questions.find((q) => q.id === "clients");
    expect(clients).toMatchObject({ value: "outside-cluster", answered: false });
    expect(clients?.why).toMatch(/network endpoint groups/);
  });

  it("reports that clients are handed the in-cluster name, with the fix", () => {
    const error = checkTopology(s).find((f) => f.id === "outside-clients-cluster-ip");
    expect(error?.message).toMatch(
      /handed bufstream\.bufstream\.svc\.cluster\.local, which does not resolve outside the cluster/,
    );
    expect(error?.fix).toMatch(/load balancer/);
    const neg = checkImportedValues(imported, s).find(
      (f) => f.id === "values-neg-advertises-cluster-name",
    );
    expect(neg).toMatchObject({ severity: "error", source: "broken-gcp-neg-cluster-ip.yaml" });
    expect(neg?.fix).toMatch(/kafka\.publicAddress\.host/);
  });

  it("answered 'in the cluster', it has no error", () => {
    const inCluster = reanswer(imported, { clients: "in-cluster" });
    expect(checkTopology(inCluster.read.scenario).filter((f) => f.severity === "error")).toEqual(
      [],
    );
  });

  it("with the fix applied (a GKE internal load balancer), the check passes and the corrected file keeps the user's keys", () => {
    const fixed: Scenario = {
      ...s,
      exposure: "load-balancer",
      loadBalancer: {
        ...s.loadBalancer,
        provider: "gcp",
        scheme: "internal",
        host: "10.20.0.50",
        staticIp: "10.20.0.50",
        hostSource: "known",
      },
    };
    expect(checkTopology(fixed).filter((f) => f.severity === "error")).toEqual([]);
    const values = checkImportedValues(imported, fixed).filter((f) => f.severity === "error");
    // The finding stands for the file as given, and says the corrected files fix it.
    expect(values.map((f) => [f.id, f.resolved])).toEqual([
      ["values-neg-advertises-cluster-name", true],
    ]);
    const [file] = buildCorrectedValues(imported, fixed);
    expect(file?.values).toMatchObject({
      storage: { use: "gcs", gcs: { bucket: "acme-bufstream-gcs" } },
      bufstream: {
        service: {
          type: "LoadBalancer",
          loadBalancerIP: "10.20.0.50",
          annotations: {
            "cloud.google.com/neg": '{"exposed_ports": {"9089":{}, "9092":{}}}',
            "networking.gke.io/load-balancer-type": "Internal",
          },
        },
      },
      kafka: { publicAddress: { host: "10.20.0.50", port: 9092 } },
    });
    // The user's keys come first, in their order.
    expect(Object.keys(file?.values ?? {}).slice(0, 4)).toEqual([
      "storage",
      "bufstream",
      "metadata",
      "kafka",
    ]);
    const diff = buildValuesDiff(imported, fixed, buildCorrectedValues(imported, fixed));
    const type = diff.find((d) => d.key === "bufstream.service.type");
    expect(type).toMatchObject({ change: "changed", before: "ClusterIP", after: "LoadBalancer" });
    expect(type?.reason).toMatch(/load balancer/);
    const host = diff.find((d) => d.key === "kafka.publicAddress.host");
    expect(host).toMatchObject({
      before: "bufstream.bufstream.svc.cluster.local",
      after: "10.20.0.50",
    });
    expect(host?.reason).toMatch(/Every broker advertises this address/);
  });
});

describe("zone files from Bufstream's guides", () => {
  it("map back to one zone-aware scenario, with a corrected file per zone", () => {
    const imported = load("docs-aws-zonal");
    const files = buildCorrectedValues(imported, imported.read.scenario);
    expect(files.map((f) => f.name)).toEqual([
      "bufstream-values.yaml",
      "bufstream-us-east-1a-values.yaml",
      "bufstream-us-east-1b-values.yaml",
      "bufstream-us-east-1c-values.yaml",
    ]);
    // The docs' `name:` goes; nameOverride, zone, the per-zone ServiceAccount and pin stay.
    expect(files[1]?.values).not.toHaveProperty("name");
    expect(files[1]?.values).toMatchObject({
      nameOverride: "bufstream-us-east-1a",
      zone: "us-east-1a",
      bufstream: {
        serviceAccount: { name: "bufstream-service-account-us-east-1a" },
        deployment: { replicaCount: 2 },
      },
      kafka: {
        publicAddress: { host: "bufstream-us-east-1a.bufstream.svc.cluster.local", port: 9092 },
      },
    });
  });

  it("GCP's zone files, without zone:, get it added", () => {
    const imported = load("docs-gcp-zonal");
    const files = buildCorrectedValues(imported, imported.read.scenario);
    expect(files[1]?.values).toMatchObject({ zone: "us-central1-a" });
  });
});

describe("secrets in values", () => {
  const imported = load("secrets.yaml");
  const s = imported.read.scenario;
  const SECRETS = ["Hunter2-db-pass", "Sup3r-s3cret-admin", "tok-5b1c0ffee-77", "key-9f8e7d6c5b4a"];

  it("never enter the scenario", () => {
    const text = JSON.stringify(s);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("are replaced in downloads and masked for display, everything else kept", () => {
    for (const file of buildCorrectedValues(imported, s)) {
      const download = JSON.stringify(file.forDownload);
      const display = JSON.stringify(file.forDisplay);
      for (const secret of SECRETS) {
        expect(download).not.toContain(secret);
        expect(display).not.toContain(secret);
      }
      expect(download).toContain(SECRET_MARKER);
      expect(download).toContain("LOG_FORMAT");
      expect(download).toContain("AKIAIOSFODNN7EXAMPLE");
      expect(file.notes.join("\n")).toContain("bufstream.deployment.extraEnv[0].value");
    }
  });

  it("never appear in findings, the difference or the kept list", () => {
    const corrected = buildCorrectedValues(imported, s);
    const text = JSON.stringify([
      checkImportedValues(imported, s),
      buildValuesDiff(imported, s, corrected),
      keptKeys(imported, s),
      imported.read.questions,
    ]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

/** The same pattern as lib/bundle/user-text.test.ts: text for users never cites internal notes. */
const INTERNAL_REFERENCE =
  /\bdomain( reference)? (section )?\d|\bgotchas? \d|\bopen questions? \d|\[inferred\]/i;

describe("text for users carries no internal research references", () => {
  it.each(Object.keys(EXPECTED))("%s", (name) => {
    const imported = load(name);
    const s = imported.read.scenario;
    const corrected = buildCorrectedValues(imported, s);
    const text = JSON.stringify([
      checkImportedValues(imported, s, { "dns-record": "no" }),
      buildValuesDiff(imported, s, corrected),
      keptKeys(imported, s),
      imported.read.questions,
      corrected.map((file) => file.notes),
    ]);
    expect(text.split("\\n").filter((line) => INTERNAL_REFERENCE.test(line))).toEqual([]);
    expect(INTERNAL_REFERENCE.test(text)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { checkTopology, countBySeverity, hasErrors } from "./check-topology";
import { FINDING } from "./finding-ids";
import { SINGLE_LB, ZONAL_LB, scenario, type ScenarioPatch } from "./test-scenarios";
import type { Finding, Severity } from "./types";

interface RuleCase {
  id: string;
  severity: Severity;
  /** A scenario that triggers the rule, and the fields the finding must name. */
  triggers: Scenario;
  fields: string[];
  /** A close scenario that does not. */
  passes: Scenario;
}

const zonal = (patch: ScenarioPatch = {}) => scenario(ZONAL_LB, patch);

/** A complete install on AWS that validates (S3 bucket and region, IRSA role). */
const COMPLETE_AWS: ScenarioPatch = {
  valuesScope: "complete",
  install: "new",
  metadata: { etcd: { source: "install" } },
  storage: { bucket: "acme-bufstream", region: "us-east-1" },
  identity: { method: "irsa", awsRoleArn: "arn:aws:iam::123456789012:role/BufstreamRole" },
};

/** COMPLETE_AWS with the HPA on; the totals the docs recommend (min 6 across 3 AZs, domain 1.1). */
const autoscaled = (minReplicas = 6, maxReplicas = 18): ScenarioPatch => ({
  ...COMPLETE_AWS,
  resources: { autoscaling: { enabled: true, minReplicas, maxReplicas } },
});

const peer = (namespace: string) => ({ namespace, namespaceLabels: "", podLabels: "" });

/** A NetworkPolicy over clients in two namespaces of the cluster. */
const TWO_NAMESPACES: ScenarioPatch = {
  access: { networkPolicy: true, clientGroups: [peer("orders"), peer("analytics")] },
};

/** An internal GKE load balancer on a reserved IP, outside clients. */
const GKE_LB: ScenarioPatch = {
  clients: "outside-cluster",
  exposure: "load-balancer",
  loadBalancer: { provider: "gcp", host: "10.0.0.50", staticIp: "10.0.0.50" },
};

const CASES: RuleCase[] = [
  {
    id: FINDING.outsideClientsClusterIp,
    severity: "error",
    triggers: scenario({ clients: "outside-cluster" }),
    fields: ["exposure", "clients"],
    passes: scenario({ clients: "in-cluster" }),
  },
  {
    id: FINDING.mixedClientsClusterIp,
    severity: "error",
    triggers: scenario({ clients: "both" }),
    fields: ["exposure", "clients"],
    passes: scenario(SINGLE_LB, { clients: "both" }),
  },
  {
    id: FINDING.outsideClientsHeadless,
    severity: "warning",
    triggers: scenario({ clients: "outside-cluster", exposure: "headless" }),
    fields: ["exposure", "clients"],
    passes: scenario({ clients: "in-cluster", exposure: "headless" }),
  },
  {
    id: FINDING.lbHostAfterInstall,
    severity: "info",
    triggers: scenario(SINGLE_LB, { loadBalancer: { host: "", hostSource: "after-install" } }),
    fields: ["loadBalancer.hostSource"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.lbHostPlaceholder,
    severity: "error",
    triggers: scenario(SINGLE_LB, { loadBalancer: { host: "kafka.example.com" } }),
    fields: ["loadBalancer.host"],
    passes: scenario(SINGLE_LB, { loadBalancer: { host: "kafka.examples.io" } }),
  },
  {
    id: FINDING.lbHostInClusterName,
    severity: "error",
    triggers: scenario(SINGLE_LB, {
      loadBalancer: { host: "bufstream.bufstream.svc.cluster.local" },
    }),
    fields: ["loadBalancer.host"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.lbHostNotStaticIp,
    severity: "error",
    triggers: scenario(SINGLE_LB, {
      loadBalancer: { provider: "gcp", host: "10.0.0.7", staticIp: "10.0.0.8" },
    }),
    fields: ["loadBalancer.host", "loadBalancer.staticIp"],
    passes: scenario(SINGLE_LB, {
      loadBalancer: { provider: "gcp", host: "10.0.0.8", staticIp: "10.0.0.8" },
    }),
  },
  {
    id: FINDING.lbInternalOutsideClients,
    severity: "info",
    triggers: scenario(SINGLE_LB),
    fields: ["loadBalancer.scheme"],
    passes: scenario(SINGLE_LB, { loadBalancer: { scheme: "internet-facing" } }),
  },
  {
    id: FINDING.lbInternetFacing,
    severity: "warning",
    triggers: scenario(SINGLE_LB, { loadBalancer: { scheme: "internet-facing" } }),
    fields: ["loadBalancer.scheme"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.lbHairpin,
    severity: "info",
    triggers: scenario(SINGLE_LB, { clients: "both" }),
    fields: ["clients", "exposure"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.lbPortAdvertised,
    severity: "error",
    triggers: scenario(SINGLE_LB, { loadBalancer: { port: 19092 } }),
    fields: ["loadBalancer.port"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.zonesSingle,
    severity: "warning",
    triggers: zonal({ zones: { names: ["us-east-1a"] } }),
    fields: ["zones.names"],
    passes: zonal(),
  },
  {
    id: FINDING.zonesDuplicateHost,
    severity: "error",
    triggers: zonal({
      zones: {
        hosts: {
          "us-east-1a": "kafka-a.internal.acme.io",
          "us-east-1b": "KAFKA-A.internal.acme.io",
          "us-east-1c": "kafka-c.internal.acme.io",
        },
      },
    }),
    fields: ["zones.hosts.us-east-1a", "zones.hosts.us-east-1b"],
    passes: zonal(),
  },
  {
    id: FINDING.zonesNameFormat,
    severity: "warning",
    triggers: zonal({
      zones: {
        names: ["us-east-1a", "us-central1-b"],
        hosts: {
          "us-east-1a": "kafka-a.internal.acme.io",
          "us-central1-b": "kafka-b.internal.acme.io",
        },
      },
    }),
    fields: ["zones.names.1", "loadBalancer.provider"],
    passes: zonal(),
  },
  {
    id: FINDING.zoneHostsAfterInstall,
    severity: "info",
    triggers: zonal({ loadBalancer: { hostSource: "after-install" }, zones: { hosts: {} } }),
    fields: [
      "loadBalancer.hostSource",
      "zones.hosts.us-east-1a",
      "zones.hosts.us-east-1b",
      "zones.hosts.us-east-1c",
    ],
    passes: zonal(),
  },
  {
    id: FINDING.zonesBootstrapOneZone,
    severity: "warning",
    triggers: zonal({ zones: { bootstrapHost: "" } }),
    fields: ["zones.bootstrapHost"],
    passes: zonal(),
  },
  {
    id: FINDING.tooFewBrokers,
    severity: "warning",
    triggers: zonal({ zones: { replicasPerZone: 1 } }),
    fields: ["zones.replicasPerZone"],
    passes: zonal(),
  },
  {
    id: FINDING.belowRecommendedSize,
    severity: "info",
    triggers: scenario({ replicas: 5 }),
    fields: ["replicas", "resources.autoscaling.enabled"],
    passes: scenario({ replicas: 6 }),
  },
  {
    id: FINDING.zonesAutoscalingPerZone,
    severity: "info",
    triggers: zonal(autoscaled()),
    fields: ["resources.autoscaling.minReplicas", "resources.autoscaling.maxReplicas"],
    passes: scenario(SINGLE_LB, autoscaled()),
  },
  {
    id: FINDING.statefulSetNameTooLong,
    severity: "error",
    triggers: scenario({ release: { name: `b${"x".repeat(52)}` } }),
    fields: ["release.name"],
    passes: scenario({ release: { name: `b${"x".repeat(51)}` } }),
  },
  {
    id: FINDING.systemNamespace,
    severity: "warning",
    triggers: scenario({ release: { namespace: "kube-system" } }),
    fields: ["release.namespace"],
    passes: scenario({ release: { namespace: "kafka" } }),
  },
  {
    id: FINDING.regionalServiceCollision,
    severity: "info",
    // In-cluster clients bootstrap from the regional Service, so it exists.
    triggers: zonal({ clients: "both" }),
    fields: ["release.name"],
    passes: scenario(SINGLE_LB),
  },
  {
    id: FINDING.clusterLabelSelector,
    severity: "info",
    triggers: zonal({ cluster: "orders", clients: "both" }),
    fields: ["cluster"],
    passes: zonal(),
  },
  {
    id: FINDING.tlsNamesToCover,
    severity: "info",
    triggers: zonal({ tls: { enabled: true } }),
    fields: ["tls.certificateSecret"],
    passes: zonal(),
  },
  {
    id: FINDING.tlsNamesAfterInstall,
    severity: "warning",
    triggers: scenario(SINGLE_LB, {
      loadBalancer: { host: "", hostSource: "after-install" },
      tls: { enabled: true },
    }),
    fields: ["tls.certificateSecret", "loadBalancer.hostSource"],
    passes: scenario(SINGLE_LB, { tls: { enabled: true } }),
  },
  {
    id: FINDING.saslWithoutTls,
    severity: "warning",
    triggers: scenario({ auth: { sasl: "plain" } }),
    fields: ["auth.sasl", "tls.enabled"],
    passes: scenario({ auth: { sasl: "plain" }, tls: { enabled: true } }),
  },
  {
    id: FINDING.identityZonalBindings,
    severity: "warning",
    triggers: zonal(COMPLETE_AWS),
    fields: ["identity.method", "zones.names"],
    passes: scenario(SINGLE_LB, COMPLETE_AWS),
  },
  {
    id: FINDING.newInstallNeedsPlatform,
    severity: "error",
    triggers: scenario({ install: "new" }),
    fields: ["install", "valuesScope"],
    passes: scenario({ install: "existing" }),
  },
  {
    id: FINDING.etcdSourceUnconfirmed,
    severity: "error",
    triggers: scenario(COMPLETE_AWS, { metadata: { etcd: { source: "" } } }),
    fields: ["metadata.etcd.source"],
    passes: scenario(COMPLETE_AWS, {
      metadata: {
        etcd: {
          source: "existing",
          addresses: [{ host: "etcd.platform.svc.cluster.local", port: 2379 }],
        },
      },
    }),
  },
  {
    id: FINDING.etcdInstallOnExistingRelease,
    severity: "warning",
    triggers: scenario(COMPLETE_AWS, { install: "existing" }),
    fields: ["metadata.etcd.source", "install"],
    passes: scenario(COMPLETE_AWS),
  },
  // ── Who may connect (issue 16) ──
  {
    id: FINDING.policyBlocksClientNamespace,
    severity: "error",
    triggers: scenario(TWO_NAMESPACES, {
      access: { kafkaFrom: "listed", kafkaPeers: [peer("orders")] },
    }),
    fields: ["access.kafkaPeers"],
    passes: scenario(TWO_NAMESPACES, {
      access: { kafkaFrom: "listed", kafkaPeers: [peer("orders"), peer("analytics")] },
    }),
  },
  {
    id: FINDING.policyBlocksLoadBalancer,
    severity: "error",
    triggers: scenario(SINGLE_LB, { access: { networkPolicy: true } }),
    fields: ["access.lbTrafficCidrs"],
    passes: scenario(SINGLE_LB, {
      access: { networkPolicy: true, lbTrafficCidrs: ["10.0.0.0/16"] },
    }),
  },
  {
    id: FINDING.policyBlocksClientNetwork,
    severity: "error",
    triggers: scenario(GKE_LB, {
      access: { networkPolicy: true, lbTrafficCidrs: ["10.0.0.0/20"] },
    }),
    fields: ["access.outsideClientCidrs"],
    passes: scenario(GKE_LB, {
      access: {
        networkPolicy: true,
        lbTrafficCidrs: ["10.0.0.0/20"],
        outsideClientCidrs: ["10.10.0.0/16"],
      },
    }),
  },
  {
    id: FINDING.policyNeedsCni,
    severity: "info",
    triggers: scenario({ access: { networkPolicy: true } }),
    fields: ["access.networkPolicy"],
    passes: scenario({ access: { networkPolicy: false } }),
  },
  {
    id: FINDING.sourceRangesExcludeClients,
    severity: "error",
    triggers: scenario(SINGLE_LB, {
      access: { outsideClientCidrs: ["10.1.0.0/16"], loadBalancerSourceRanges: ["10.2.0.0/16"] },
    }),
    fields: ["access.loadBalancerSourceRanges"],
    passes: scenario(SINGLE_LB, {
      access: { outsideClientCidrs: ["10.1.0.0/16"], loadBalancerSourceRanges: ["10.0.0.0/8"] },
    }),
  },
  {
    id: FINDING.sourceRangesOpen,
    severity: "warning",
    triggers: scenario(SINGLE_LB, { loadBalancer: { scheme: "internet-facing" } }),
    fields: ["access.loadBalancerSourceRanges"],
    passes: scenario(SINGLE_LB, {
      loadBalancer: { scheme: "internet-facing" },
      access: { loadBalancerSourceRanges: ["203.0.113.0/24"] },
    }),
  },
  {
    id: FINDING.sourceRangesHairpin,
    severity: "warning",
    triggers: scenario(SINGLE_LB, {
      clients: "both",
      access: { loadBalancerSourceRanges: ["10.1.0.0/16"] },
    }),
    fields: ["access.loadBalancerSourceRanges"],
    passes: scenario(SINGLE_LB, {
      clients: "both",
      access: {
        loadBalancerSourceRanges: ["10.0.0.0/16", "10.1.0.0/16"],
        lbTrafficCidrs: ["10.0.0.0/16"],
      },
    }),
  },
  {
    id: FINDING.sourceRangesPatched,
    severity: "info",
    triggers: scenario(GKE_LB, { access: { loadBalancerSourceRanges: ["10.10.0.0/16"] } }),
    fields: ["access.loadBalancerSourceRanges"],
    passes: scenario(SINGLE_LB, { access: { loadBalancerSourceRanges: ["10.10.0.0/16"] } }),
  },
  {
    id: FINDING.monitorWithoutMetrics,
    severity: "warning",
    triggers: scenario(COMPLETE_AWS, { monitoring: { prometheusOperator: "service-monitor" } }),
    fields: ["monitoring.prometheusOperator", "observability.metrics"],
    passes: scenario(COMPLETE_AWS, {
      monitoring: { prometheusOperator: "service-monitor" },
      observability: { metrics: "PROMETHEUS" },
    }),
  },
];

const byId = (findings: Finding[], id: string) => findings.filter((f) => f.id === id);

describe("checkTopology rules", () => {
  it("covers every finding id", () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(Object.values(FINDING)));
  });

  it.each(CASES)("$id: triggers with severity $severity on its fields", (c) => {
    const found = byId(checkTopology(c.triggers), c.id);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.severity).toBe(c.severity);
    expect(f?.fields).toEqual(c.fields);
    for (const text of [f?.message, f?.why, f?.fix]) expect(text?.length).toBeGreaterThan(10);
  });

  it.each(CASES)("$id: does not trigger on the close passing scenario", (c) => {
    expect(byId(checkTopology(c.passes), c.id)).toEqual([]);
  });
});

describe("rule edges: scenarios close to a rule that must not trigger it", () => {
  it.each([
    [
      "AWS ignores the static IP, so a different host IP is no mistake",
      FINDING.lbHostNotStaticIp,
      scenario(SINGLE_LB, {
        loadBalancer: { provider: "aws", host: "10.0.0.7", staticIp: "10.0.0.8" },
      }),
    ],
    [
      "autoscaling with a per-zone minimum of 2 is enough brokers per zone",
      FINDING.tooFewBrokers,
      zonal(autoscaled(6, 18)),
    ],
    [
      "autoscaling across 3 zones with a minimum of 6 meets the recommendation",
      FINDING.belowRecommendedSize,
      zonal(autoscaled(6, 18)),
    ],
    [
      "in-cluster clients bootstrap from the regional Service, not one zone's load balancer",
      FINDING.zonesBootstrapOneZone,
      zonal({ clients: "in-cluster", zones: { bootstrapHost: "" } }),
    ],
    [
      "per-zone load balancers with only outside clients write no regional Service to collide",
      FINDING.regionalServiceCollision,
      zonal(),
    ],
  ] as Array<[string, string, Scenario]>)("%s", (_name, id, s) => {
    expect(byId(checkTopology(s), id)).toEqual([]);
  });
});

describe("zones-bootstrap-one-zone concerns outside clients only", () => {
  it("names only the outside clients when both kinds run", () => {
    const s = zonal({ clients: "both", zones: { bootstrapHost: "" } });
    const [f] = byId(checkTopology(s), FINDING.zonesBootstrapOneZone);
    expect(f?.clients).toEqual(["outside-cluster"]);
  });
});

describe("zone-aware autoscaling: one HPA per zonal release (domain 1.1)", () => {
  // [min, max, zones] -> per-zone and total ranges the finding states.
  it.each([
    [6, 18, 3, "2 and 6 brokers: 6 to 18 in total"],
    [7, 20, 3, "3 and 7 brokers: 9 to 21 in total"],
    [4, 10, 2, "2 and 5 brokers: 4 to 10 in total"],
  ] as Array<[number, number, number, string]>)(
    "min %i, max %i over %i zones",
    (min, max, count, range) => {
      const names = ["us-east-1a", "us-east-1b", "us-east-1c"].slice(0, count);
      const hosts = Object.fromEntries(names.map((z, i) => [z, `kafka-${i}.internal.acme.io`]));
      const s = zonal({ ...autoscaled(min, max), zones: { names, hosts } });
      const [f] = byId(checkTopology(s), FINDING.zonesAutoscalingPerZone);
      expect(f?.message).toBe(`Each of the ${count} zonal releases autoscales between ${range}.`);
    },
  );

  it("judges broker counts by the per-zone HPA minimum, not silently", () => {
    const s = zonal(autoscaled(3, 9));
    const [few] = byId(checkTopology(s), FINDING.tooFewBrokers);
    expect(few?.fields).toEqual(["resources.autoscaling.minReplicas"]);
    expect(few?.fix).toContain("at least 6 across 3 zones");
    const [size] = byId(checkTopology(s), FINDING.belowRecommendedSize);
    expect(size?.message).toMatch(/^3 brokers in 3 zones/);
  });
});

describe("mistakes the schema rejects before the check runs", () => {
  // lib/platform/refine.ts owns these as field errors; the check relies on it.
  it.each([
    [
      "a verifying client-auth mode without a client CA",
      { tls: { enabled: true, clientAuth: "REQUIRE_AND_VERIFY_CERT" } },
      "tls.clientCasSecret",
    ],
    [
      "an mTLS principal without TLS",
      { auth: { mtlsPrincipal: "SUBJECT_COMMON_NAME" } },
      "auth.mtlsPrincipal",
    ],
    [
      "a certificate principal without a client certificate",
      { auth: { mtlsPrincipal: "SAN_DNS" }, tls: { enabled: true } },
      "auth.mtlsPrincipal",
    ],
  ] as Array<[string, ScenarioPatch, string]>)("%s", (_, patch, field) => {
    expect(() => scenario(patch)).toThrow(field.split(".")[1]);
  });
});

describe("system namespaces", () => {
  it.each(["default", "kube-system", "kube-public", "kube-node-lease", "gke-managed-system"])(
    "warns about %s",
    (namespace) => {
      const [f] = byId(
        checkTopology(scenario({ release: { namespace } })),
        FINDING.systemNamespace,
      );
      expect(f?.severity).toBe("warning");
      expect(f?.message).toContain(namespace);
    },
  );

  it.each(["bufstream", "kafka", "team-kube", "defaults", "kubernetes-apps"])(
    "leaves %s alone",
    (namespace) => {
      expect(
        byId(checkTopology(scenario({ release: { namespace } })), FINDING.systemNamespace),
      ).toEqual([]);
    },
  );
});

describe("checkTopology messages and order", () => {
  it("names the in-cluster host outside clients are handed", () => {
    const [f] = byId(
      checkTopology(scenario({ clients: "outside-cluster" })),
      FINDING.outsideClientsClusterIp,
    );
    expect(f?.message).toContain("bufstream.bufstream.svc.cluster.local");
    expect(f?.clients).toEqual(["outside-cluster"]);
  });

  it("points zonal name checks at the zone field the release came from", () => {
    const long = `b${"x".repeat(41)}`;
    const s = zonal({
      release: { name: long },
      zones: { names: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    });
    const [f] = byId(checkTopology(s), FINDING.statefulSetNameTooLong);
    expect(f?.fields).toEqual(["release.name", "zones.names.0", "zones.names.1", "zones.names.2"]);
  });

  it("tells which cloud mismatched zone names belong to", () => {
    const s = zonal({
      loadBalancer: { provider: "azure" },
      zones: {
        names: ["us-central1-a", "us-central1-b"],
        hosts: { "us-central1-a": "10.0.0.10", "us-central1-b": "10.0.0.11" },
      },
    });
    const [f] = byId(checkTopology(s), FINDING.zonesNameFormat);
    expect(f?.message).toContain("AKS");
    expect(f?.message).toContain("look like GKE zones");
  });

  it("accepts each cloud's own zone names", () => {
    const cases: Array<[Scenario["loadBalancer"]["provider"], string[]]> = [
      ["aws", ["us-east-1a", "us-gov-west-1b"]],
      ["gcp", ["us-central1-a", "europe-west4-b"]],
      ["azure", ["eastus2-1", "centralus-3"]],
    ];
    for (const [provider, names] of cases) {
      const hosts = Object.fromEntries(names.map((n, i) => [n, `10.0.0.${i + 1}`]));
      const s = zonal({ loadBalancer: { provider }, zones: { names, hosts } });
      expect(byId(checkTopology(s), FINDING.zonesNameFormat)).toEqual([]);
    }
  });

  it("lists every advertised and bootstrap name for the certificate", () => {
    const [f] = byId(checkTopology(zonal({ tls: { enabled: true } })), FINDING.tlsNamesToCover);
    for (const host of ["kafka-a", "kafka-b", "kafka-c", "kafka"]) {
      expect(f?.message).toContain(`${host}.internal.acme.io`);
    }
  });

  it("puts errors first, then warnings, then notes, deterministically", () => {
    const s = scenario({ clients: "both", auth: { sasl: "plain" }, replicas: 1 });
    const findings = checkTopology(s);
    const ranks = findings.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(checkTopology(s)).toEqual(findings);
    expect(hasErrors(findings)).toBe(true);
    const counts = countBySeverity(findings);
    expect(counts.error + counts.warning + counts.info).toBe(findings.length);
    expect(counts.error).toBe(findings.filter((f) => f.severity === "error").length);
  });

  it("finds no errors in the default scenario", () => {
    expect(hasErrors(checkTopology(scenario()))).toBe(false);
  });
});

describe("the broker-count note on the defaults and presets", () => {
  it("says the defaults keep the chart's 3 brokers on purpose, not that they fall short", () => {
    const [f] = byId(checkTopology(scenario()), FINDING.belowRecommendedSize);
    expect(f?.message).toMatch(/^3 brokers, the chart's default: enough to start with/);
    expect(f?.message).not.toMatch(/below the docs' recommendation/);
  });

  it("no preset draws the 'below the docs' recommendation' wording", () => {
    for (const preset of PRESETS) {
      for (const f of checkTopology(preset.scenario)) {
        expect(f.message, preset.id).not.toMatch(/below the docs' recommendation/);
      }
    }
  });

  it("keeps the plain wording for a count the user chose", () => {
    const [f] = byId(checkTopology(scenario({ replicas: 4 })), FINDING.belowRecommendedSize);
    expect(f?.message).toMatch(/^4 brokers, below the docs' recommendation/);
  });
});

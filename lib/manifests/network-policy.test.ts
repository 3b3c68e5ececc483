// The generated NetworkPolicies and monitors: valid Kubernetes and Prometheus
// Operator objects (offline, with kubernetes-models and its prometheus-operator
// models), and, through the evaluator of Kubernetes' NetworkPolicy semantics
// (testing/policy-evaluator.ts), exactly who they let in and out, per client
// group of each scenario. The check's verdicts must agree with the evaluator's.
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Service } from "kubernetes-models/v1/Service";
import { PodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { FINDING } from "../check/finding-ids";
import { groupBlock, groupUsesLb } from "../check/rules-access";
import { scenario, type ScenarioPatch } from "../check/test-scenarios";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { inClusterGroups, outsideGroups, type InClusterGroup } from "../topology/access";
import { CLUSTER_LABEL } from "../topology/plan";
import { renderYamlDocuments } from "../values/render-yaml";
import { buildMonitorManifests } from "./monitor";
import { buildNetworkPolicies, type NetworkPolicyManifest } from "./network-policy";
import {
  connectionAllowed,
  type Endpoint,
  type ExternalEndpoint,
  type PodEndpoint,
} from "./testing/policy-evaluator";

const validatePolicy = (o: unknown) =>
  new NetworkPolicy(o as ConstructorParameters<typeof NetworkPolicy>[0]).validate();

const POLICY_PRESETS = PRESETS.filter((p) => p.scenario.access.networkPolicy);

const peer = (namespace: string, podLabels = "", namespaceLabels = "") => ({
  namespace,
  namespaceLabels,
  podLabels,
});

/** Variants beyond the presets: every way a peer can be written, zones, headless, etcd, other clouds. */
const VARIANTS: Array<[string, ScenarioPatch]> = [
  ["in-cluster default, policy on", { access: { networkPolicy: true } }],
  [
    "listed peers: a namespace by label, pods by label, both in one peer",
    {
      access: {
        networkPolicy: true,
        clientGroups: [
          peer("orders", "app=api"),
          peer("orders", "app=web"),
          peer("payments", "", "team=payments"),
          peer("batch"),
        ],
        kafkaFrom: "listed",
        kafkaPeers: [
          peer("orders", "app=api"),
          peer("", "", "team=payments"),
          peer("", "app=tool"),
        ],
        adminPeers: [],
      },
    },
  ],
  [
    "zone-aware in the cluster, headless",
    {
      exposure: "headless",
      zones: { enabled: true, names: ["us-east-1a", "us-east-1b"] },
      access: { networkPolicy: true, clientGroups: [peer("orders")] },
    },
  ],
  [
    "headless with outside clients on a routable network",
    {
      clients: "both",
      exposure: "headless",
      access: { networkPolicy: true, outsideClientCidrs: ["10.20.0.0/16"] },
    },
  ],
  [
    "complete install with etcd from the bundle and OTLP",
    {
      valuesScope: "complete",
      install: "new",
      storage: { bucket: "acme-bufstream", region: "us-east-1" },
      metadata: { etcd: { source: "install" } },
      observability: { metrics: "OTLP_GRPC", otlpAddress: "otel.observability:4317" },
      access: { networkPolicy: true },
    },
  ],
  [
    "any Kubernetes load balancer, restricted",
    {
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { provider: "other", host: "192.0.2.10", staticIp: "192.0.2.10" },
      access: {
        networkPolicy: true,
        outsideClientCidrs: ["198.51.100.0/24"],
        lbTrafficCidrs: ["192.168.0.0/16"],
        loadBalancerSourceRanges: ["198.51.100.0/24"],
      },
    },
  ],
];

const SCENARIOS: Array<[string, Scenario]> = [
  ...POLICY_PRESETS.map((p) => [p.id, p.scenario] as [string, Scenario]),
  ...VARIANTS.map(([name, patch]) => [name, scenario(patch)] as [string, Scenario]),
];

/** A broker pod of the scenario (any zone: every policy selects on the cluster label). */
const brokerPod = (s: Scenario): PodEndpoint => ({
  kind: "pod",
  namespace: s.release.namespace,
  labels: { [CLUSTER_LABEL]: s.cluster, "app.kubernetes.io/name": "bufstream" },
  ip: "10.99.0.10",
});

const groupPod = (g: InClusterGroup): PodEndpoint => ({
  kind: "pod",
  namespace: g.namespace,
  namespaceLabels: g.namespaceLabels,
  labels: g.podLabels,
  ip: "10.99.1.10",
});

/** The first address of a CIDR plus `offset`: an address inside it. */
function inside(cidr: string, offset = 7): string {
  const [ip = ""] = cidr.split("/");
  if (ip.includes(":")) return ip.replace(/::$/, `::${offset.toString(16)}`);
  const n = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0) + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

const ext = (ip: string): ExternalEndpoint => ({ kind: "external", ip });
const stranger: PodEndpoint = {
  kind: "pod",
  namespace: "stranger",
  labels: { app: "x" },
  ip: "10.99.2.2",
};

function allowed(
  policies: NetworkPolicyManifest[],
  from: Endpoint,
  to: Endpoint,
  port: number,
  protocol: "TCP" | "UDP" = "TCP",
) {
  return connectionAllowed(policies, { from, to, port, protocol });
}

describe.each(SCENARIOS)("NetworkPolicies of %s", (_name, s) => {
  const policies = buildNetworkPolicies(s);
  const broker = brokerPod(s);
  const findings = checkTopology(s);
  const findingIds = new Set(findings.map((f) => f.id));

  it("are valid Kubernetes NetworkPolicies, written without YAML aliases", () => {
    expect(policies.length).toBeGreaterThanOrEqual(3);
    for (const p of policies) expect(() => validatePolicy(p)).not.toThrow();
    expect(renderYamlDocuments(policies, "")).not.toMatch(/[&*]a\d/);
  });

  it("let in exactly the client groups the check says are not blocked, on Kafka only", () => {
    // Straight to the pods (Services, headless, or a load balancer IP that
    // kube-proxy answers inside the cluster): the group's own pod address.
    for (const g of inClusterGroups(s)) {
      const viaNlb = groupUsesLb(s, g) && s.loadBalancer.provider === "aws";
      if (viaNlb) continue; // judged as load-balancer traffic below
      const expected = groupBlock(s, g, false) === null;
      expect(allowed(policies, groupPod(g), broker, 9092), `${g.namespace} → 9092`).toBe(expected);
      expect(expected || findingIds.has(FINDING.policyBlocksClientNamespace)).toBe(true);
      // The Kafka rule opens nothing else.
      expect(allowed(policies, groupPod(g), broker, 9093)).toBe(false);
      expect(allowed(policies, groupPod(g), broker, 9090)).toBe(
        g.namespace === s.monitoring.prometheusNamespace &&
          policies.some((p) => p.metadata.name.endsWith("-metrics")),
      );
    }
    expect(allowed(policies, stranger, broker, 9092)).toBe(false);
    expect(allowed(policies, ext("203.0.113.50"), broker, 9092)).toBe(false);
  });

  it("let the load balancer's traffic in from where it comes from, and the clients' networks where it keeps their address", () => {
    if (s.exposure !== "load-balancer") return;
    for (const cidr of s.access.lbTrafficCidrs) {
      expect(allowed(policies, ext(inside(cidr)), broker, 9092), cidr).toBe(true);
      expect(allowed(policies, ext(inside(cidr)), broker, 9089), cidr).toBe(false);
    }
    for (const g of outsideGroups(s)) {
      if (g.cidr === null) continue;
      const block = groupBlock(s, g, true);
      const preserved = allowed(policies, ext(inside(g.cidr)), broker, 9092);
      if (s.loadBalancer.provider === "aws") {
        // The NLB reaches the pods from the VPC, never with the client's address.
        expect(preserved, g.cidr).toBe(s.access.lbTrafficCidrs.some((c) => c === g.cidr));
      } else {
        expect(preserved, g.cidr).toBe(
          block === null || block.findingId !== FINDING.policyBlocksClientNetwork,
        );
      }
      if (block !== null) expect(findingIds.has(block.findingId)).toBe(true);
    }
  });

  it("keep the admin and Connect ports to the peers named, and broker to broker traffic open", () => {
    const adminFromOwnNamespace = s.access.adminPeers.some(
      (p) => p.namespace === "" && p.namespaceLabels === "" && p.podLabels === "",
    );
    const neighbour: PodEndpoint = {
      kind: "pod",
      namespace: s.release.namespace,
      labels: { app: "tool" },
    };
    for (const port of [9089, 8080]) {
      expect(allowed(policies, neighbour, broker, port), `neighbour ${port}`).toBe(
        adminFromOwnNamespace,
      );
      expect(allowed(policies, stranger, broker, port)).toBe(false);
      expect(allowed(policies, broker, broker, port), `broker ${port}`).toBe(true);
    }
    expect(allowed(policies, broker, broker, 9092)).toBe(true);
  });

  it("let the brokers out to DNS and HTTPS, and nowhere else they do not need", () => {
    const dns: PodEndpoint = {
      kind: "pod",
      namespace: "kube-system",
      labels: { "k8s-app": "kube-dns" },
    };
    expect(allowed(policies, broker, dns, 53, "UDP")).toBe(true);
    expect(allowed(policies, broker, dns, 53, "TCP")).toBe(true);
    expect(allowed(policies, broker, { ...dns, labels: { app: "other" } }, 53, "UDP")).toBe(false);
    const storage = ext(
      s.access.httpsCidrs[0] === undefined ? "52.216.8.1" : inside(s.access.httpsCidrs[0]),
    );
    expect(allowed(policies, broker, storage, 443)).toBe(true);
    expect(allowed(policies, broker, ext("52.216.8.1"), 22)).toBe(false);
    expect(allowed(policies, broker, stranger, 9092)).toBe(false);
    // Instance metadata stays closed unless workload identity needs it.
    const gkeMetadata =
      s.valuesScope === "complete" && s.identity.method === "gke-workload-identity";
    expect(allowed(policies, broker, ext("169.254.169.254"), 80)).toBe(gkeMetadata);
    expect(allowed(policies, broker, ext("169.254.169.254"), 443)).toBe(false);
    const podIdentity = s.valuesScope === "complete" && s.identity.method === "eks-pod-identity";
    expect(allowed(policies, broker, ext("169.254.170.23"), 80)).toBe(podIdentity);
  });

  it("let the brokers reach their metadata store", () => {
    if (s.valuesScope !== "complete") return;
    if (s.metadata.use === "postgres") {
      const target =
        s.access.metadataCidrs[0] === undefined ? "10.50.0.5" : inside(s.access.metadataCidrs[0]);
      expect(allowed(policies, broker, ext(target), 5432)).toBe(true);
      if (s.access.metadataCidrs.length > 0)
        expect(allowed(policies, broker, ext("203.0.113.1"), 5432)).toBe(false);
    }
    if (s.metadata.use === "etcd" && s.metadata.etcd.source === "install") {
      const etcd: PodEndpoint = {
        kind: "pod",
        namespace: s.release.namespace,
        labels: {
          "app.kubernetes.io/name": "etcd",
          "app.kubernetes.io/instance": `${s.release.name}-etcd`,
        },
      };
      expect(allowed(policies, broker, etcd, 2379)).toBe(true);
      expect(allowed(policies, broker, { ...etcd, namespace: "elsewhere" }, 2379)).toBe(false);
    }
    if (s.metadata.use === "spanner")
      expect(allowed(policies, broker, ext("142.250.1.1"), 443)).toBe(true);
  });
});

describe("exactly who is allowed: one scenario spelled out", () => {
  // Clients in three namespaces; the policy lists two of them (one narrowed to
  // pods labelled app=api, so orders' app=web pods are out; one chosen by a
  // namespace label).
  const s = scenario({
    access: {
      networkPolicy: true,
      clientGroups: [
        peer("orders", "app=api"),
        peer("orders", "app=web"),
        peer("payments", "", "team=payments"),
        peer("batch"),
      ],
      kafkaFrom: "listed",
      kafkaPeers: [peer("orders", "app=api"), peer("", "", "team=payments")],
    },
  });
  const policies = buildNetworkPolicies(s);
  const broker = brokerPod(s);
  const pod = (
    namespace: string,
    labels: Record<string, string>,
    namespaceLabels: Record<string, string> = {},
  ): PodEndpoint => ({
    kind: "pod",
    namespace,
    labels,
    namespaceLabels,
  });

  it.each([
    ["orders, app=api", pod("orders", { app: "api" }), true],
    ["orders, app=web (label missing)", pod("orders", { app: "web" }), false],
    ["payments (team=payments namespace)", pod("payments", {}, { team: "payments" }), true],
    [
      "another team=payments namespace",
      pod("payments-2", { any: "pod" }, { team: "payments" }),
      true,
    ],
    ["batch (not listed)", pod("batch", {}), false],
    ["Bufstream's own namespace, not a broker", pod("bufstream", { app: "tool" }), false],
    ["a broker", broker, true],
  ])("%s → Kafka: %s", (_name, from, expected) => {
    expect(allowed(policies, from, broker, 9092)).toBe(expected);
  });

  it("the check blocks exactly the batch group and orders' app=web pods, on the Kafka peers field", () => {
    const blocked = checkTopology(s).filter((f) => f.id === FINDING.policyBlocksClientNamespace);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.message).toContain("namespace orders, pods app=web and namespace batch");
    expect(blocked[0]?.message).not.toMatch(/app=api|payments/);
    expect(blocked[0]?.fields).toEqual(["access.kafkaPeers"]);
  });
});

describe("the evaluator would catch a broken generator", () => {
  it("a policy whose namespace and pod selectors were split into two peers admits too much", () => {
    const s = scenario({
      access: { networkPolicy: true, clientGroups: [peer("orders", "app=api")] },
    });
    const [kafka, ...rest] = buildNetworkPolicies(s);
    if (kafka === undefined) throw new Error("no Kafka policy");
    const rule = kafka.spec.ingress?.[0];
    const first = rule?.from?.[0];
    if (rule === undefined || first === undefined) throw new Error("no rule");
    const split: NetworkPolicyManifest = {
      ...kafka,
      spec: {
        ...kafka.spec,
        ingress: [
          {
            ...rule,
            from: [
              { namespaceSelector: first.namespaceSelector },
              { podSelector: first.podSelector },
              ...(rule.from ?? []).slice(1),
            ],
          },
        ],
      },
    };
    const web: PodEndpoint = { kind: "pod", namespace: "orders", labels: { app: "web" } };
    expect(allowed([kafka, ...rest], web, brokerPod(s), 9092)).toBe(false);
    expect(allowed([split, ...rest], web, brokerPod(s), 9092)).toBe(true);
  });
});

describe("Prometheus Operator monitors", () => {
  const monitored = PRESETS.filter((p) => buildMonitorManifests(p.scenario).length > 0);

  it("exist for the policy presets, both kinds", () => {
    expect(monitored.map((p) => p.id).sort()).toEqual(POLICY_PRESETS.map((p) => p.id).sort());
    const kinds = new Set(
      monitored.flatMap((p) => buildMonitorManifests(p.scenario).map((o) => o.kind)),
    );
    expect([...kinds].sort()).toEqual(["PodMonitor", "Service", "ServiceMonitor"]);
  });

  it.each(monitored.map((p) => [p.id, p.scenario] as const))(
    "%s: valid against the Prometheus Operator CRD schema (v0.65.1) and Kubernetes",
    (_id, s) => {
      const objects = buildMonitorManifests(s);
      for (const o of objects) {
        if (o.kind === "ServiceMonitor") new ServiceMonitor(o).validate();
        else if (o.kind === "PodMonitor") new PodMonitor(o).validate();
        else new Service(o as ConstructorParameters<typeof Service>[0]).validate();
      }
      expect(renderYamlDocuments(objects, "")).not.toMatch(/[&*]a\d/);
      const sm = objects.find((o) => o.kind === "ServiceMonitor");
      const svc = objects.find((o) => o.kind === "Service");
      if (
        sm !== undefined &&
        svc !== undefined &&
        sm.kind === "ServiceMonitor" &&
        svc.kind === "Service"
      ) {
        // The ServiceMonitor selects the metrics Service, whose port it names, over the brokers.
        expect(
          Object.entries(sm.spec.selector.matchLabels).every(
            ([k, v]) => svc.metadata.labels[k] === v,
          ),
        ).toBe(true);
        expect(svc.spec.ports.map((p) => [p.name, p.port])).toEqual([["metrics", 9090]]);
        expect(svc.spec.selector).toEqual({ [CLUSTER_LABEL]: s.cluster });
      }
    },
  );

  it("the validator really checks (a broken monitor is rejected)", () => {
    expect(() =>
      new ServiceMonitor({
        metadata: { name: "x" },
        spec: { selector: {}, endpoints: [{ port: 9090 as unknown as string }] },
      }).validate(),
    ).toThrow();
    expect(() =>
      validatePolicy({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "x" },
        spec: {
          podSelector: {},
          ingress: [{ ports: [{ port: "not a port!", protocol: "TCP" }] }],
          policyTypes: ["Sideways"],
        },
      }),
    ).toThrow();
  });
});

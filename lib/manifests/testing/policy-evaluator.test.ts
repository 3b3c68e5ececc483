// The evaluator against the NetworkPolicy rules it models, one row per rule,
// with hand-written policies (not the generator's), so the generator's tests
// rest on semantics that are themselves tested.
import { describe, expect, it } from "vitest";
import type { NetworkPolicyManifest, PolicyPeer, PolicyPort } from "../network-policy";
import {
  connectionAllowed,
  type Connection,
  type Endpoint,
  type PodEndpoint,
} from "./policy-evaluator";

const policy = (
  name: string,
  spec: Partial<NetworkPolicyManifest["spec"]>,
  namespace = "kafka",
): NetworkPolicyManifest => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace, labels: {} },
  spec: { podSelector: { matchLabels: { app: "broker" } }, policyTypes: ["Ingress"], ...spec },
});

const pod = (
  namespace: string,
  labels: Record<string, string> = {},
  extra: Partial<PodEndpoint> = {},
): PodEndpoint => ({
  kind: "pod",
  namespace,
  labels,
  ...extra,
});
const broker = pod("kafka", { app: "broker" }, { ip: "10.1.0.5" });
const other = pod("kafka", { app: "other" });
const ext = (ip: string): Endpoint => ({ kind: "external", ip });
const ns = (name: string): PolicyPeer => ({
  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } },
});
const tcp = (...ports: number[]): PolicyPort[] => ports.map((port) => ({ protocol: "TCP", port }));
const to = (
  target: Endpoint,
  from: Endpoint,
  port = 9092,
  protocol: "TCP" | "UDP" = "TCP",
): Connection => ({
  from,
  to: target,
  port,
  protocol,
});

interface Row {
  rule: string;
  policies: NetworkPolicyManifest[];
  allowed: Connection[];
  denied: Connection[];
}

const ROWS: Row[] = [
  {
    rule: "no policy selects the pod: everything is allowed",
    policies: [],
    allowed: [to(broker, pod("x")), to(broker, ext("203.0.113.9"), 1)],
    denied: [],
  },
  {
    rule: "a selecting ingress policy without rules denies all ingress (isolation)",
    policies: [policy("deny", { ingress: [] })],
    allowed: [to(other, pod("x"))],
    denied: [to(broker, pod("kafka")), to(broker, pod("x"))],
  },
  {
    rule: "a policy in another namespace does not isolate the pod",
    policies: [policy("elsewhere", { ingress: [] }, "other-ns")],
    allowed: [to(broker, pod("x"))],
    denied: [],
  },
  {
    rule: "policies are additive: allowed if any policy allows",
    policies: [
      policy("a", { ingress: [{ from: [ns("orders")] }] }),
      policy("b", { ingress: [{ from: [ns("billing")] }] }),
    ],
    allowed: [to(broker, pod("orders")), to(broker, pod("billing"))],
    denied: [to(broker, pod("analytics"))],
  },
  {
    rule: "peers of one rule are ORed",
    policies: [policy("or", { ingress: [{ from: [ns("orders"), ns("billing")] }] })],
    allowed: [to(broker, pod("orders")), to(broker, pod("billing"))],
    denied: [to(broker, pod("analytics"))],
  },
  {
    rule: "ports are ANDed with the peers",
    policies: [policy("and", { ingress: [{ from: [ns("orders")], ports: tcp(9092) }] })],
    allowed: [to(broker, pod("orders"), 9092)],
    denied: [
      to(broker, pod("orders"), 9089),
      to(broker, pod("billing"), 9092),
      to(broker, pod("orders"), 9092, "UDP"),
    ],
  },
  {
    rule: "a rule without peers admits everyone on its ports",
    policies: [policy("ports-only", { ingress: [{ ports: tcp(9092) }] })],
    allowed: [to(broker, pod("x"), 9092), to(broker, ext("198.51.100.1"), 9092)],
    denied: [to(broker, pod("x"), 9089)],
  },
  {
    rule: "an empty podSelector peer means every pod of the policy's namespace, and only those",
    policies: [policy("same-ns", { ingress: [{ from: [{ podSelector: {} }] }] })],
    allowed: [to(broker, pod("kafka", { any: "thing" })), to(broker, pod("kafka"))],
    denied: [to(broker, pod("orders")), to(broker, ext("10.1.0.9"))],
  },
  {
    rule: "an empty policy podSelector selects every pod of the namespace",
    policies: [policy("all", { podSelector: {}, ingress: [] })],
    allowed: [],
    denied: [to(other, pod("x")), to(broker, pod("x"))],
  },
  {
    rule: "namespaceSelector and podSelector in ONE peer: both must match (AND)",
    policies: [
      policy("and-peer", {
        ingress: [{ from: [{ ...ns("orders"), podSelector: { matchLabels: { app: "web" } } }] }],
      }),
    ],
    allowed: [to(broker, pod("orders", { app: "web" }))],
    denied: [
      to(broker, pod("orders", { app: "batch" })),
      to(broker, pod("billing", { app: "web" })),
      to(broker, pod("kafka", { app: "web" })),
    ],
  },
  {
    rule: "namespaceSelector and podSelector in TWO peers: either matches (OR)",
    policies: [
      policy("or-peers", {
        ingress: [{ from: [ns("orders"), { podSelector: { matchLabels: { app: "web" } } }] }],
      }),
    ],
    allowed: [
      to(broker, pod("orders", { app: "batch" })),
      to(broker, pod("kafka", { app: "web" })),
    ],
    denied: [
      to(broker, pod("billing", { app: "web" })),
      to(broker, pod("kafka", { app: "batch" })),
    ],
  },
  {
    rule: "a namespaceSelector by label matches namespaces carrying it",
    policies: [
      policy("labelled", {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "payments" } } }] }],
      }),
    ],
    allowed: [to(broker, pod("pay", {}, { namespaceLabels: { team: "payments", env: "prod" } }))],
    denied: [
      to(broker, pod("pay")),
      to(broker, pod("ops", {}, { namespaceLabels: { team: "ops" } })),
    ],
  },
  {
    rule: "ipBlock with except",
    policies: [
      policy("cidr", {
        ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/16", except: ["10.0.5.0/24"] } }] }],
      }),
    ],
    allowed: [to(broker, ext("10.0.0.1")), to(broker, ext("10.0.255.254"))],
    denied: [to(broker, ext("10.0.5.7")), to(broker, ext("10.1.0.1")), to(broker, pod("orders"))],
  },
  {
    rule: "IPv6 ipBlock",
    policies: [policy("v6", { ingress: [{ from: [{ ipBlock: { cidr: "2600:1f18::/40" } }] }] })],
    allowed: [to(broker, ext("2600:1f18:ab::1"))],
    denied: [
      to(broker, ext("2600:1f18:abcd::1")),
      to(broker, ext("2600:1f19::1")),
      to(broker, ext("10.0.0.1")),
    ],
  },
  {
    rule: "an ingress-only policy does not isolate egress",
    policies: [policy("in", { ingress: [] })],
    allowed: [to(ext("203.0.113.5"), broker, 443)],
    denied: [],
  },
  {
    rule: "egress isolation: only what an egress rule allows leaves the pod",
    policies: [
      policy("out", {
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [{ protocol: "UDP", port: 53 }],
          },
        ],
      }),
    ],
    allowed: [
      to(pod("kube-system", { "k8s-app": "kube-dns" }), broker, 53, "UDP"),
      to(broker, pod("x"), 9092),
    ],
    denied: [
      to(pod("kube-system", { "k8s-app": "kube-dns" }), broker, 53, "TCP"),
      to(ext("203.0.113.5"), broker, 443),
      to(pod("kube-system", { "k8s-app": "other" }), broker, 53, "UDP"),
    ],
  },
  {
    rule: "a connection needs egress at its source and ingress at its destination",
    policies: [
      policy("broker-out", {
        policyTypes: ["Egress"],
        egress: [{ to: [{ podSelector: { matchLabels: { app: "broker" } } }], ports: tcp(8080) }],
      }),
      policy("broker-in", {
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: "broker" } } }], ports: tcp(8080) },
        ],
      }),
    ],
    allowed: [to(broker, broker, 8080)],
    denied: [to(broker, broker, 9092), to(other, broker, 8080)],
  },
];

describe("NetworkPolicy evaluator (test helper) follows Kubernetes' semantics", () => {
  it.each(ROWS)("$rule", ({ policies, allowed, denied }) => {
    for (const c of allowed) expect(connectionAllowed(policies, c), JSON.stringify(c)).toBe(true);
    for (const c of denied) expect(connectionAllowed(policies, c), JSON.stringify(c)).toBe(false);
  });

  it("refuses shapes it does not model instead of guessing", () => {
    const bad = policy("expr", {
      ingress: [{ from: [{ podSelector: { matchExpressions: [] } as never }] }],
    });
    expect(() => connectionAllowed([bad], to(broker, pod("kafka")))).toThrow(/matchExpressions/);
    const empty = policy("empty-peer", { ingress: [{ from: [{}] }] });
    expect(() => connectionAllowed([empty], to(broker, pod("kafka")))).toThrow(/needs ipBlock/);
  });
});

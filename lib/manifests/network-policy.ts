// The brokers' NetworkPolicies (issue 16): who may reach Kafka (9092), the
// admin (9089) and Connect (8080) ports and the metrics port (9090), broker to
// broker traffic, and where the brokers may connect out to (DNS, the metadata
// store, object storage and cloud APIs). Plain objects, as the Services in
// service.ts: render-yaml writes them, a test validates each with
// kubernetes-models and evaluates it with Kubernetes' NetworkPolicy semantics.
//
// Every policy selects the brokers by the cluster label, which every zonal
// release's pods share (the regional Service selects on it too, domain 2.3);
// the chart's other pod labels are not documented, so none is relied on.
// Policies add up: a pod selected by any policy for a direction accepts only
// what some policy allows, so each concern is a policy of its own, readable
// with `kubectl describe networkpolicy`.
import { installsEtcd, etcdReleaseName } from "../platform/metadata";
import { isIP } from "../scenario/names";
import type { Scenario } from "../scenario/schema";
import {
  adminPeers,
  kafkaPeers,
  lbClientSources,
  lbKeepsClientAddress,
  NAMESPACE_NAME_LABEL,
  type ResolvedPeer,
} from "../topology/access";
import {
  ADMIN_PORT,
  CLUSTER_DNS_SUFFIX,
  CLUSTER_LABEL,
  CONNECT_PORT,
  KAFKA_CONTAINER_PORT,
} from "../topology/plan";

export const METRICS_PORT = 9090;
const DNS_PORT = 53;
const HTTPS_PORT = 443;
const POSTGRES_PORT = 5432;
/** The Cloud SQL connectors' server-side proxy port (Cloud SQL Auth Proxy docs). */
const CLOUDSQL_PORT = 3307;

export interface LabelSelector {
  matchLabels?: Record<string, string>;
}

export interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface PolicyPort {
  protocol: "TCP" | "UDP";
  port: number;
}

export interface IngressRule {
  from?: PolicyPeer[];
  ports?: PolicyPort[];
}

export interface EgressRule {
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}

export interface NetworkPolicyManifest {
  apiVersion: "networking.k8s.io/v1";
  kind: "NetworkPolicy";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    podSelector: LabelSelector;
    policyTypes: Array<"Ingress" | "Egress">;
    ingress?: IngressRule[];
    egress?: EgressRule[];
  };
}

const tcp = (...ports: number[]): PolicyPort[] => ports.map((port) => ({ protocol: "TCP", port }));

const brokers = (s: Scenario): PolicyPeer => ({
  podSelector: { matchLabels: { [CLUSTER_LABEL]: s.cluster } },
});

const block = (cidr: string, except?: string[]): PolicyPeer => ({
  ipBlock: except === undefined ? { cidr } : { cidr, except },
});

/** A resolved peer as Kubernetes writes it: namespace and pod selector in ONE peer (ANDed). */
function policyPeer(p: ResolvedPeer): PolicyPeer {
  const peer: PolicyPeer = {};
  if (p.namespaceLabels !== null) peer.namespaceSelector = { matchLabels: p.namespaceLabels };
  // Without a namespace selector the pod selector is what makes the peer mean
  // "pods of this namespace", so it is always written then, empty ({}) for all of them.
  if (Object.keys(p.podLabels).length > 0) peer.podSelector = { matchLabels: p.podLabels };
  else if (p.namespaceLabels === null) peer.podSelector = {};
  return peer;
}

function policy(
  s: Scenario,
  suffix: string,
  types: Array<"Ingress" | "Egress">,
  rules: { ingress?: IngressRule[]; egress?: EgressRule[] },
): NetworkPolicyManifest {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: {
      name: `${s.release.name}-${suffix}`,
      namespace: s.release.namespace,
      labels: { [CLUSTER_LABEL]: s.cluster },
    },
    spec: {
      podSelector: { matchLabels: { [CLUSTER_LABEL]: s.cluster } },
      policyTypes: types,
      ...rules,
    },
  };
}

/**
 * Kafka from outside the cluster, as the brokers see it. Through a load
 * balancer: its own addresses (AWS) or the nodes' and, where the client's
 * address is kept, the clients' networks (lib/topology/access.ts). Headless:
 * clients reach pod IPs directly, from their own networks.
 */
function outsideSources(s: Scenario): string[] {
  if (s.clients === "in-cluster" && s.exposure !== "load-balancer") return [];
  if (s.exposure === "headless") return [...s.access.outsideClientCidrs];
  if (s.exposure !== "load-balancer") return [];
  const sources = [...s.access.lbTrafficCidrs];
  if (lbKeepsClientAddress(s.loadBalancer.provider) && s.clients !== "in-cluster") {
    for (const cidr of lbClientSources(s)) if (!sources.includes(cidr)) sources.push(cidr);
  }
  return sources;
}

function kafkaPolicy(s: Scenario): NetworkPolicyManifest {
  const ingress: IngressRule[] = [
    { from: [...kafkaPeers(s).map(policyPeer), brokers(s)], ports: tcp(KAFKA_CONTAINER_PORT) },
  ];
  const lb = outsideSources(s);
  if (lb.length > 0)
    ingress.push({ from: lb.map((cidr) => block(cidr)), ports: tcp(KAFKA_CONTAINER_PORT) });
  return policy(s, "kafka", ["Ingress"], { ingress });
}

function adminPolicy(s: Scenario): NetworkPolicyManifest | null {
  const peers = adminPeers(s);
  if (peers.length === 0) return null;
  return policy(s, "admin", ["Ingress"], {
    ingress: [{ from: peers.map(policyPeer), ports: tcp(ADMIN_PORT, CONNECT_PORT) }],
  });
}

/** Broker to broker, both ways: the Connect RPC server, Kafka and admin among the cluster's own pods. */
function brokersPolicy(s: Scenario): NetworkPolicyManifest {
  // A fresh list each time: one object in two places would be written as a YAML alias.
  const ports = () => tcp(CONNECT_PORT, ADMIN_PORT, KAFKA_CONTAINER_PORT);
  return policy(s, "brokers", ["Ingress", "Egress"], {
    ingress: [{ from: [brokers(s)], ports: ports() }],
    egress: [{ to: [brokers(s)], ports: ports() }],
  });
}

/**
 * Whether the brokers serve /metrics on 9090: a complete install says so
 * itself; networking-only values leave observability to the release, so a
 * monitor asked for (or Prometheus chosen) stands for it.
 */
export function servesMetrics(s: Scenario): boolean {
  if (s.observability.metrics === "PROMETHEUS") return true;
  return s.valuesScope === "networking" && s.monitoring.prometheusOperator !== "none";
}

function metricsPolicy(s: Scenario): NetworkPolicyManifest | null {
  if (!servesMetrics(s)) return null;
  return policy(s, "metrics", ["Ingress"], {
    ingress: [
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { [NAMESPACE_NAME_LABEL]: s.monitoring.prometheusNamespace },
            },
          },
        ],
        ports: tcp(METRICS_PORT),
      },
    ],
  });
}

/** `host.<namespace>.svc.cluster.local` → the namespace, else null. */
function clusterNamespace(host: string): string | null {
  const parts = host.replace(/\.$/, "").split(".");
  const suffix = CLUSTER_DNS_SUFFIX.split(".");
  const tail = parts.slice(-suffix.length).join(".");
  return parts.length >= suffix.length + 2 && tail === CLUSTER_DNS_SUFFIX
    ? (parts[parts.length - suffix.length - 1] ?? null)
    : null;
}

/** Where a TCP port may go: the CIDRs given, else anywhere (the port alone limits it). */
const toCidrs = (cidrs: readonly string[], ports: PolicyPort[]): EgressRule =>
  cidrs.length > 0 ? { to: cidrs.map((c) => block(c)), ports } : { ports };

function metadataEgress(s: Scenario): EgressRule[] {
  if (s.valuesScope !== "complete") {
    // Networking-only values: the store is the release's own, unknown here.
    return s.access.metadataCidrs.length > 0
      ? [toCidrs(s.access.metadataCidrs, tcp(2379, POSTGRES_PORT))]
      : [];
  }
  const cidrs = s.access.metadataCidrs;
  switch (s.metadata.use) {
    case "etcd": {
      if (installsEtcd(s)) {
        // Bitnami's chart labels its pods with the app.kubernetes.io set (name, instance).
        return [
          {
            to: [
              {
                podSelector: {
                  matchLabels: {
                    "app.kubernetes.io/name": "etcd",
                    "app.kubernetes.io/instance": etcdReleaseName(s),
                  },
                },
              },
            ],
            ports: tcp(2379),
          },
        ];
      }
      return s.metadata.etcd.addresses.flatMap((a): EgressRule[] => {
        if (a.host === "") return [];
        const ns = clusterNamespace(a.host);
        if (ns !== null) {
          return [
            {
              to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } }],
              ports: tcp(a.port),
            },
          ];
        }
        if (isIP(a.host))
          return [
            {
              to: [block(a.host.includes(":") ? `${a.host}/128` : `${a.host}/32`)],
              ports: tcp(a.port),
            },
          ];
        return [toCidrs(cidrs, tcp(a.port))];
      });
    }
    case "postgres":
      return [
        toCidrs(
          cidrs,
          s.metadata.postgres.cloudsqlInstance !== ""
            ? tcp(POSTGRES_PORT, CLOUDSQL_PORT)
            : tcp(POSTGRES_PORT),
        ),
      ];
    case "spanner":
      // Spanner is a Google API over HTTPS: the HTTPS rule covers it.
      return [];
  }
}

/**
 * The cloud's credential endpoints the brokers' workload identity needs
 * (link-local, so the HTTPS rule's `except` keeps them out of it):
 * - EKS Pod Identity: the agent on every node at 169.254.170.23 (IPv6
 *   fd00:ec2::23), port 80 (EKS Pod Identity docs).
 * - GKE Workload Identity: the GKE metadata server, 169.254.169.254 port 80,
 *   and 169.254.169.252 port 988, which GKE's Workload Identity docs name for
 *   clusters with network policy (which of the two answers depends on the GKE
 *   version and dataplane; both are the metadata server only).
 * IRSA and Azure Workload ID fetch tokens over HTTPS from public endpoints.
 */
function identityEgress(s: Scenario): EgressRule[] {
  if (s.valuesScope !== "complete") return [];
  switch (s.identity.method) {
    case "eks-pod-identity":
      return [{ to: [block("169.254.170.23/32"), block("fd00:ec2::23/128")], ports: tcp(80) }];
    case "gke-workload-identity":
      return [
        { to: [block("169.254.169.254/32")], ports: tcp(80) },
        { to: [block("169.254.169.252/32")], ports: tcp(988) },
      ];
    default:
      return [];
  }
}

/** The OTLP collector's port (host:port), when metrics are pushed. */
function otlpEgress(s: Scenario): EgressRule[] {
  if (s.valuesScope !== "complete") return [];
  if (s.observability.metrics !== "OTLP_GRPC" && s.observability.metrics !== "OTLP_HTTP") return [];
  const match = /:(\d{1,5})$/.exec(s.observability.otlpAddress);
  const port =
    match === null ? (s.observability.metrics === "OTLP_GRPC" ? 4317 : 4318) : Number(match[1]);
  return [{ ports: tcp(port) }];
}

function egressPolicy(s: Scenario): NetworkPolicyManifest {
  const https: EgressRule =
    s.access.httpsCidrs.length > 0
      ? toCidrs(s.access.httpsCidrs, tcp(HTTPS_PORT))
      : {
          // Object storage (S3, GCS, Azure Blob) and cloud APIs (STS, Entra ID,
          // Spanner) have public, changing addresses: HTTPS anywhere, except
          // link-local (instance metadata), which only the identity rule opens.
          to: [block("0.0.0.0/0", ["169.254.0.0/16"]), block("::/0", ["fe80::/10"])],
          ports: tcp(HTTPS_PORT),
        };
  return policy(s, "egress", ["Egress"], {
    egress: [
      {
        // The cluster DNS (CoreDNS on EKS and AKS, kube-dns on GKE; all carry k8s-app=kube-dns).
        to: [
          {
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: DNS_PORT },
          { protocol: "TCP", port: DNS_PORT },
        ],
      },
      https,
      ...metadataEgress(s),
      ...identityEgress(s),
      ...otlpEgress(s),
    ],
  });
}

/** Every NetworkPolicy of the scenario, or none when it does not ask for them. */
export function buildNetworkPolicies(s: Scenario): NetworkPolicyManifest[] {
  if (!s.access.networkPolicy) return [];
  return [
    kafkaPolicy(s),
    adminPolicy(s),
    brokersPolicy(s),
    metricsPolicy(s),
    egressPolicy(s),
  ].filter((p): p is NetworkPolicyManifest => p !== null);
}

export function networkPolicyFileName(release: string): string {
  return `${release}-network-policies.yaml`;
}

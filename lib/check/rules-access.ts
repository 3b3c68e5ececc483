// Rules about who may connect (issue 16): client groups the NetworkPolicy or
// the load balancer's source ranges would block, an internet-facing load
// balancer open to everyone, what the policy needs from the cluster, and a
// monitor for metrics nothing serves. groupBlock is also what the client views
// mark blocked addresses with, so the two never disagree.
import { servesMetrics } from "../manifests/network-policy";
import { sourceRangesVia } from "../values/load-balancer";
import type { LbProvider, Scenario } from "../scenario/schema";
import {
  coveredBy,
  groupTitle,
  inClusterGroups,
  kafkaPeers,
  kafkaPeersField,
  lbClientSources,
  lbKeepsClientAddress,
  outsideGroups,
  peerAdmits,
  type ClientGroup,
} from "../topology/access";
import { ADMIN_PORT, CONNECT_PORT, KAFKA_CONTAINER_PORT } from "../topology/plan";
import { hasInsideClients, hasOutsideClients, isLoadBalancer, listWords } from "./context";
import { FINDING } from "./finding-ids";
import type { Finding } from "./types";

/** Why one client group cannot reach the brokers over one path, or null when it can. */
export interface GroupBlock {
  findingId: string;
  /** Plain words for the client views. */
  note: string;
}

/**
 * Whether in-cluster clients reaching a load-balancer address come back
 * through the load balancer. On AWS the NLB is outside the cluster, so yes;
 * elsewhere kube-proxy (or the eBPF dataplane) answers a load-balancer IP from
 * inside the cluster itself, so the packets go straight to a pod with the
 * client pod's own address.
 */
function inClusterViaLb(provider: LbProvider): boolean {
  return provider === "aws";
}

/**
 * What blocks a group on its way to Kafka. `viaLb` says whether the address it
 * connects to is the load balancer's (else a Service or pod address).
 */
export function groupBlock(s: Scenario, g: ClientGroup, viaLb: boolean): GroupBlock | null {
  const lbPath = viaLb && (g.kind === "outside-cluster" || inClusterViaLb(s.loadBalancer.provider));
  if (g.kind === "outside-cluster" && viaLb) {
    const ranges = s.access.loadBalancerSourceRanges;
    if (ranges.length > 0 && g.cidr !== null && !coveredBy(ranges, g.cidr)) {
      return {
        findingId: FINDING.sourceRangesExcludeClients,
        note: `Refused by the load balancer: ${g.cidr} is outside its source ranges (${ranges.join(", ")}).`,
      };
    }
  }
  if (!s.access.networkPolicy) return null;
  if (lbPath) {
    if (s.access.lbTrafficCidrs.length === 0) {
      return {
        findingId: FINDING.policyBlocksLoadBalancer,
        note: "Blocked by the NetworkPolicy: it admits no traffic from the load balancer (no load-balancer source range is set).",
      };
    }
    if (g.kind === "outside-cluster" && lbKeepsClientAddress(s.loadBalancer.provider)) {
      const sources = lbClientSources(s);
      if (g.cidr === null || !coveredBy(sources, g.cidr)) {
        return {
          findingId: FINDING.policyBlocksClientNetwork,
          note: `Blocked by the NetworkPolicy (part of the time): the load balancer keeps the client's address when the broker runs on the node that received it, and the policy does not admit ${g.cidr ?? "the clients' network"}.`,
        };
      }
    }
    return null;
  }
  if (g.kind === "outside-cluster") {
    // Straight to pod IPs (headless): the policy admits the outside networks named.
    if (g.cidr === null || !coveredBy(s.access.outsideClientCidrs, g.cidr)) {
      return {
        findingId: FINDING.policyBlocksClientNetwork,
        note: "Blocked by the NetworkPolicy: it admits no network outside the cluster for these clients.",
      };
    }
    return null;
  }
  const ns = s.release.namespace;
  if (!kafkaPeers(s).some((p) => peerAdmits(p, g, ns))) {
    return {
      findingId: FINDING.policyBlocksClientNamespace,
      note: `Blocked by the NetworkPolicy: Kafka (${KAFKA_CONTAINER_PORT}) is not allowed from ${groupTitle(g)}.`,
    };
  }
  return null;
}

/** Whether a group's Kafka connections go to the load balancer (as the plan hands them out). */
export function groupUsesLb(s: Scenario, g: ClientGroup): boolean {
  if (!isLoadBalancer(s)) return false;
  // Zone-aware in-cluster clients bootstrap from the regional Service, then
  // are handed the load balancers; both paths are judged (client views).
  return g.kind === "outside-cluster" || !s.zones.enabled;
}

function locationsOf(groups: ClientGroup[]): Finding["clients"] {
  return (["in-cluster", "outside-cluster"] as const).filter((l) =>
    groups.some((g) => g.kind === l),
  );
}

function blockedFindings(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  const groups: ClientGroup[] = [
    ...(hasInsideClients(s) ? inClusterGroups(s) : []),
    ...(hasOutsideClients(s) && s.exposure !== "cluster-ip" ? outsideGroups(s) : []),
  ];
  const byId = new Map<string, ClientGroup[]>();
  for (const g of groups) {
    const paths = [groupUsesLb(s, g)];
    if (g.kind === "in-cluster" && isLoadBalancer(s) && s.zones.enabled) paths.push(true);
    for (const viaLb of paths) {
      const block = groupBlock(s, g, viaLb);
      if (block === null) continue;
      const list = byId.get(block.findingId) ?? [];
      if (!list.includes(g)) list.push(g);
      byId.set(block.findingId, list);
    }
  }
  const zonal = s.zones.enabled;
  const namespaces = byId.get(FINDING.policyBlocksClientNamespace) ?? [];
  if (namespaces.length > 0) {
    const names = namespaces.map(groupTitle);
    findings.push({
      id: FINDING.policyBlocksClientNamespace,
      severity: "error",
      message: `The NetworkPolicy blocks Kafka from ${listWords(names)}, where clients run${zonal ? ": in every zone, not even their bootstrap through the regional Service gets through" : ""}.`,
      why: "Once a NetworkPolicy selects the brokers, they accept only what some policy allows; the Kafka rule admits only the namespaces and pods listed, so these clients' connections time out.",
      fix: `Add ${listWords(names)} to the namespaces allowed to reach Kafka, or allow Kafka from every client group.`,
      fields: [kafkaPeersField(s)],
      clients: ["in-cluster"],
    });
  }
  if (byId.has(FINDING.policyBlocksLoadBalancer)) {
    const aws = s.loadBalancer.provider === "aws";
    findings.push({
      id: FINDING.policyBlocksLoadBalancer,
      severity: "error",
      message: "The NetworkPolicy blocks everything that comes through the load balancer.",
      why: aws
        ? "An AWS NLB with ip targets connects to the pods from its own private addresses in its subnets (client IP preservation is off for TCP ip targets), and its health checks come from there too; the policy admits none of them."
        : "The nodes forward load-balancer traffic to the pods and rewrite its source to the node's address (externalTrafficPolicy Cluster, which the chart does not change); the policy admits no node address.",
      fix: aws
        ? "Enter the NLB's subnets (or the VPC's CIDR) as where the load balancer's traffic comes from."
        : "Enter the nodes' CIDR as where the load balancer's traffic comes from.",
      fields: ["access.lbTrafficCidrs"],
      clients: locationsOf(byId.get(FINDING.policyBlocksLoadBalancer) ?? []),
    });
  }
  const networks = byId.get(FINDING.policyBlocksClientNetwork) ?? [];
  if (networks.length > 0) {
    const named = networks.flatMap((g) =>
      g.kind === "outside-cluster" && g.cidr !== null ? [g.cidr] : [],
    );
    findings.push({
      id: FINDING.policyBlocksClientNetwork,
      severity: "error",
      message:
        named.length > 0
          ? `The NetworkPolicy does not admit the client network${named.length === 1 ? "" : "s"} ${listWords(named)}.`
          : "The NetworkPolicy admits no network outside the cluster, so outside clients are blocked.",
      why:
        s.exposure === "headless"
          ? "Outside clients reach the pod IPs directly, with their own addresses; the policy admits only the networks named."
          : "The load balancer keeps the client's address when the broker runs on the node that received the packet, so the policy must admit the clients' own networks as well as the nodes'.",
      fix: "Enter the networks your outside clients connect from (or the load balancer's source ranges); the policy admits them.",
      fields: ["access.outsideClientCidrs"],
      clients: ["outside-cluster"],
    });
  }
  const excluded = byId.get(FINDING.sourceRangesExcludeClients) ?? [];
  if (excluded.length > 0) {
    const cidrs = excluded.flatMap((g) =>
      g.kind === "outside-cluster" && g.cidr !== null ? [g.cidr] : [],
    );
    findings.push({
      id: FINDING.sourceRangesExcludeClients,
      severity: "error",
      message: `The load balancer's source ranges leave out ${listWords(cidrs)}, where clients connect from.`,
      why: "The load balancer (or the cloud firewall in front of it) drops connections from any address outside its source ranges, so these clients' bootstrap and every later connection time out.",
      fix: `Add ${listWords(cidrs)} (or a range holding ${cidrs.length === 1 ? "it" : "them"}) to the source ranges.`,
      fields: ["access.loadBalancerSourceRanges"],
      clients: ["outside-cluster"],
    });
  }
  return findings;
}

const CNI_NOTES: Record<LbProvider, string> = {
  aws: "On EKS: the Amazon VPC CNI with network policy turned on (enableNetworkPolicy in the add-on's configuration, VPC CNI 1.14 or newer), or Calico or Cilium.",
  gcp: "On GKE: GKE Dataplane V2 (it enforces policies itself) or network policy enforcement turned on (--enable-network-policy).",
  azure:
    "On AKS: a network policy engine chosen at cluster creation (--network-policy azure, calico or cilium).",
  other: "Calico, Cilium or another CNI that enforces NetworkPolicy, including egress rules.",
};

export function checkAccess(s: Scenario): Finding[] {
  const findings = blockedFindings(s);
  const outsideLb = isLoadBalancer(s) && hasOutsideClients(s);
  if (
    outsideLb &&
    s.loadBalancer.scheme === "internet-facing" &&
    s.access.loadBalancerSourceRanges.length === 0
  ) {
    findings.push({
      id: FINDING.sourceRangesOpen,
      severity: "warning",
      message:
        "The internet-facing load balancer accepts connections from any address on the internet.",
      why: `No source ranges are set, so the cloud allows 0.0.0.0/0: anyone can reach Kafka and, through the chart's Service, the admin (${ADMIN_PORT}) and Connect (${CONNECT_PORT}) ports.`,
      fix: "Enter the networks your clients connect from as the load balancer's source ranges.",
      fields: ["access.loadBalancerSourceRanges"],
      clients: ["outside-cluster"],
    });
  }
  if (
    isLoadBalancer(s) &&
    hasInsideClients(s) &&
    !s.zones.enabled &&
    inClusterViaLb(s.loadBalancer.provider) &&
    s.access.loadBalancerSourceRanges.length > 0 &&
    // Where the NLB's traffic comes from (its subnets, or the VPC) stands for
    // the pods' VPC addresses: the wizard is not told the pod CIDRs, so this
    // is a warning, not an error.
    !s.access.lbTrafficCidrs.some((vpc) => coveredBy(s.access.loadBalancerSourceRanges, vpc))
  ) {
    findings.push({
      id: FINDING.sourceRangesHairpin,
      severity: "warning",
      message:
        "Clients in the cluster also connect through the load balancer, so its source ranges must include the cluster's pod addresses.",
      why: "Every broker advertises the load balancer's address; pods in the cluster reach it from their own (VPC) addresses, which the source ranges may not hold.",
      fix: "Add the VPC's CIDR (where the pods' addresses come from) to the source ranges, and enter it as where the load balancer's traffic comes from.",
      fields: ["access.loadBalancerSourceRanges"],
      clients: ["in-cluster"],
    });
  }
  if (s.access.networkPolicy) {
    findings.push({
      id: FINDING.policyNeedsCni,
      severity: "info",
      message: "NetworkPolicies do nothing unless the cluster's network plugin enforces them.",
      why: "Kubernetes stores NetworkPolicy objects, but only the CNI enforces them; these policies use ingress and egress rules, namespace and pod selectors, and ipBlock with except.",
      fix: `${CNI_NOTES[s.exposure === "load-balancer" ? s.loadBalancer.provider : "other"]} install.sh lists the policies after applying them.`,
      fields: ["access.networkPolicy"],
      clients: [],
    });
  }
  if (
    s.access.loadBalancerSourceRanges.length > 0 &&
    isLoadBalancer(s) &&
    sourceRangesVia(s.loadBalancer.provider) === "patch"
  ) {
    findings.push({
      id: FINDING.sourceRangesPatched,
      severity: "info",
      message:
        "install.sh sets the load balancer's source ranges with kubectl patch after the release.",
      why: "The chart has no key for spec.loadBalancerSourceRanges, and this load balancer controller is not documented to read the source-ranges annotation.",
      fix: "Nothing to fix; keep install.sh's patch step (Helm leaves the field alone on upgrades).",
      fields: ["access.loadBalancerSourceRanges"],
      clients: [],
    });
  }
  if (
    s.monitoring.prometheusOperator !== "none" &&
    s.valuesScope === "complete" &&
    !servesMetrics(s)
  ) {
    findings.push({
      id: FINDING.monitorWithoutMetrics,
      severity: "warning",
      message:
        "A Prometheus Operator monitor is asked for, but the brokers do not serve Prometheus metrics.",
      why: "Only observability.metrics.exporterType PROMETHEUS serves /metrics on port 9090; the monitor would scrape nothing.",
      fix: "Choose Prometheus metrics, or no monitor.",
      fields: ["monitoring.prometheusOperator", "observability.metrics"],
      clients: [],
    });
  }
  return findings;
}

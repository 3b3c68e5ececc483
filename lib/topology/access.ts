// Who may connect (issue 16), read from a scenario: the client groups (where
// clients run), the peers the NetworkPolicy admits on each port, and where a
// load balancer's packets come from. The NetworkPolicy manifests, the check,
// the client views and the diagram all read these, so they cannot disagree.
import { cidrContains, parseCidr, type Cidr } from "../scenario/cidr";
import { parseLabels } from "../scenario/labels";
import type { LbProvider, PodGroup, Scenario } from "../scenario/schema";

/** Kubernetes sets this label on every namespace (v1.22+): a namespace selector by name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** A client group in the cluster, with its namespace resolved ("" is Bufstream's own). */
export interface InClusterGroup {
  kind: "in-cluster";
  /** Index in `access.clientGroups`: the form field the group sits in. */
  index: number;
  namespace: string;
  namespaceLabels: Record<string, string>;
  podLabels: Record<string, string>;
}

/** Clients outside the cluster, connecting from one network (or from an unknown one). */
export interface OutsideGroup {
  kind: "outside-cluster";
  /** Index in `access.outsideClientCidrs`, or null when the scenario names no network. */
  index: number | null;
  cidr: string | null;
}

export type ClientGroup = InClusterGroup | OutsideGroup;

const labels = (text: string) => parseLabels(text) ?? {};

export function inClusterGroups(s: Scenario): InClusterGroup[] {
  return s.access.clientGroups.map((g, index) => ({
    kind: "in-cluster",
    index,
    namespace: g.namespace === "" ? s.release.namespace : g.namespace,
    namespaceLabels: labels(g.namespaceLabels),
    podLabels: labels(g.podLabels),
  }));
}

export function outsideGroups(s: Scenario): OutsideGroup[] {
  const cidrs = s.access.outsideClientCidrs;
  if (cidrs.length === 0) return [{ kind: "outside-cluster", index: null, cidr: null }];
  return cidrs.map((cidr, index) => ({ kind: "outside-cluster", index, cidr }));
}

export function groupTitle(g: ClientGroup): string {
  if (g.kind === "outside-cluster") return g.cidr === null ? "" : `from ${g.cidr}`;
  const pods = Object.entries(g.podLabels).map(([k, v]) => `${k}=${v}`);
  return `namespace ${g.namespace}${pods.length > 0 ? `, pods ${pods.join(",")}` : ""}`;
}

/** A peer of the policy, resolved: what its namespace and pod selectors match. */
export interface ResolvedPeer {
  /** Index in the list it came from. */
  index: number;
  /** Namespace labels a matching namespace must carry (the name is `kubernetes.io/metadata.name`); null: the policy's own namespace only. */
  namespaceLabels: Record<string, string> | null;
  podLabels: Record<string, string>;
}

/**
 * Kubernetes' own reading of a peer: a namespace name or labels select
 * namespaces (ANDed in one selector); with neither, the peer means pods in the
 * policy's own namespace; pod labels then narrow to pods carrying them.
 */
export function resolvePeer(p: PodGroup, index: number): ResolvedPeer {
  const nsLabels = labels(p.namespaceLabels);
  if (p.namespace !== "") nsLabels[NAMESPACE_NAME_LABEL] = p.namespace;
  return {
    index,
    namespaceLabels: Object.keys(nsLabels).length === 0 ? null : nsLabels,
    podLabels: labels(p.podLabels),
  };
}

/**
 * The peers admitted to Kafka (9092): each client group exactly (its namespace
 * by name, its pods' labels if given), or the peers the user listed.
 */
export function kafkaPeers(s: Scenario): ResolvedPeer[] {
  if (s.access.kafkaFrom === "listed") return s.access.kafkaPeers.map(resolvePeer);
  return s.access.clientGroups.map((g, i) =>
    resolvePeer({ namespace: g.namespace, namespaceLabels: "", podLabels: g.podLabels }, i),
  );
}

/** The form list a Kafka peer comes from, for findings' fields. */
export function kafkaPeersField(s: Scenario): string {
  return s.access.kafkaFrom === "listed" ? "access.kafkaPeers" : "access.clientGroups";
}

export function adminPeers(s: Scenario): ResolvedPeer[] {
  return s.access.adminPeers.map(resolvePeer);
}

const subset = (wanted: Record<string, string>, have: Record<string, string>) =>
  Object.entries(wanted).every(([k, v]) => have[k] === v);

/** Whether a peer admits a client group's pods (the scenario-level twin of the policy test's evaluator). */
export function peerAdmits(peer: ResolvedPeer, g: InClusterGroup, ownNamespace: string): boolean {
  const nsLabels = { ...g.namespaceLabels, [NAMESPACE_NAME_LABEL]: g.namespace };
  const nsOk =
    peer.namespaceLabels === null
      ? g.namespace === ownNamespace
      : subset(peer.namespaceLabels, nsLabels);
  return nsOk && subset(peer.podLabels, g.podLabels);
}

/**
 * Where a load balancer's packets reach the broker pods from (issue 16):
 * - AWS NLB with `ip` targets (what the wizard writes): the NLB's own private
 *   addresses in the VPC's subnets, because client IP preservation is off by
 *   default for TCP `ip` target groups (AWS NLB target group attributes); its
 *   health checks come from there too. So: the NLB's subnets (the VPC CIDR
 *   holds them too, but with the VPC CNI also every pod's address).
 * - GKE, AKS and other controllers: the packets reach a node and kube-proxy
 *   (or the eBPF dataplane) forwards them; with the default
 *   `externalTrafficPolicy: Cluster` (the chart has no key for it) the source
 *   is rewritten to the node's address, except when the pod runs on the node
 *   that received them, where the client's own address stays. So: the node
 *   CIDR, and the client networks themselves.
 */
export function lbKeepsClientAddress(provider: LbProvider): boolean {
  return provider !== "aws";
}

/** The client networks the load balancer accepts: its source ranges, or every outside network named. */
export function lbClientSources(s: Scenario): string[] {
  return s.access.loadBalancerSourceRanges.length > 0
    ? s.access.loadBalancerSourceRanges
    : s.access.outsideClientCidrs;
}

export function parseCidrs(list: readonly string[]): Cidr[] {
  return list.flatMap((text) => {
    const c = parseCidr(text);
    return c === null ? [] : [c];
  });
}

/** True when some block of `outer` holds all of `inner`. */
export function coveredBy(outer: readonly string[], inner: string): boolean {
  const block = parseCidr(inner);
  return block !== null && parseCidrs(outer).some((o) => cidrContains(o, block));
}

/** The NetworkPolicy applies: asked for, and there is a cluster to apply it to. */
export function hasNetworkPolicy(s: Scenario): boolean {
  return s.access.networkPolicy;
}

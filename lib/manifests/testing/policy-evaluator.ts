// Test helper: Kubernetes NetworkPolicy semantics, written once, so tests can
// say exactly which connections a set of generated policies allows
// (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
// - a pod is isolated for a direction when any policy of its namespace selects
//   it (podSelector) and lists that direction in policyTypes; a pod no policy
//   selects accepts everything;
// - policies add up: an isolated pod accepts a connection if ANY rule of ANY
//   policy selecting it allows it; nothing ever denies;
// - within a rule, the `from`/`to` peers are ORed, and `ports` is ANDed with
//   them; a rule without peers matches every peer, one without ports every port;
// - an empty selector ({}) selects everything; a peer with only podSelector
//   means pods of the policy's own namespace; namespaceSelector and
//   podSelector in ONE peer must both match (AND), in two peers either (OR);
// - ipBlock matches an address inside `cidr` and outside every `except`;
// - a connection needs egress allowed at its source pod and ingress allowed at
//   its destination pod.
import { cidrContains, parseCidr, parseIp } from "../../scenario/cidr";
import type {
  LabelSelector,
  NetworkPolicyManifest,
  PolicyPeer,
  PolicyPort,
} from "../network-policy";

export interface PodEndpoint {
  kind: "pod";
  namespace: string;
  /** The namespace's labels (kubernetes.io/metadata.name is added from `namespace`). */
  namespaceLabels?: Record<string, string>;
  labels: Record<string, string>;
  ip?: string;
}

export interface ExternalEndpoint {
  kind: "external";
  ip: string;
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

export interface Connection {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol?: "TCP" | "UDP";
}

function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (selector === undefined) return true;
  if ("matchExpressions" in selector) throw new Error("matchExpressions is not modelled");
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function namespaceLabels(pod: PodEndpoint): Record<string, string> {
  return { ...pod.namespaceLabels, "kubernetes.io/metadata.name": pod.namespace };
}

function ipOf(e: Endpoint): string | undefined {
  return e.kind === "external" ? e.ip : e.ip;
}

function inBlock(ip: string | undefined, block: { cidr: string; except?: string[] }): boolean {
  const addr = ip === undefined ? null : parseIp(ip);
  const outer = parseCidr(block.cidr);
  if (addr === null || outer === null) return false;
  if (!cidrContains(outer, addr)) return false;
  return !(block.except ?? []).some((e) => {
    const c = parseCidr(e);
    return c !== null && cidrContains(c, addr);
  });
}

/** Whether one peer of a policy in `policyNamespace` matches the endpoint. */
export function peerMatches(peer: PolicyPeer, e: Endpoint, policyNamespace: string): boolean {
  const fields = [peer.ipBlock, peer.namespaceSelector, peer.podSelector].filter(
    (f) => f !== undefined,
  );
  if (fields.length === 0)
    throw new Error("A peer needs ipBlock, namespaceSelector or podSelector");
  if (peer.ipBlock !== undefined) {
    if (peer.namespaceSelector !== undefined || peer.podSelector !== undefined)
      throw new Error("ipBlock cannot be combined with selectors in one peer");
    return inBlock(ipOf(e), peer.ipBlock);
  }
  if (e.kind !== "pod") return false;
  const nsOk =
    peer.namespaceSelector === undefined
      ? e.namespace === policyNamespace
      : selects(peer.namespaceSelector, namespaceLabels(e));
  return nsOk && selects(peer.podSelector, e.labels);
}

function portMatches(ports: PolicyPort[] | undefined, port: number, protocol: string): boolean {
  if (ports === undefined || ports.length === 0) return true;
  return ports.some((p) => (p.protocol ?? "TCP") === protocol && p.port === port);
}

type Direction = "Ingress" | "Egress";

function selecting(policies: NetworkPolicyManifest[], pod: PodEndpoint, d: Direction) {
  return policies.filter(
    (p) =>
      p.metadata.namespace === pod.namespace &&
      selects(p.spec.podSelector, pod.labels) &&
      p.spec.policyTypes.includes(d),
  );
}

/** Whether the destination pod accepts the connection (true for a pod no ingress policy selects). */
export function ingressAllowed(policies: NetworkPolicyManifest[], c: Connection): boolean {
  if (c.to.kind !== "pod") return true;
  const to = c.to;
  const applying = selecting(policies, to, "Ingress");
  if (applying.length === 0) return true;
  return applying.some((p) =>
    (p.spec.ingress ?? []).some(
      (rule) =>
        (rule.from === undefined ||
          rule.from.length === 0 ||
          rule.from.some((peer) => peerMatches(peer, c.from, p.metadata.namespace))) &&
        portMatches(rule.ports, c.port, c.protocol ?? "TCP"),
    ),
  );
}

/** Whether the source pod may open the connection (true for a pod no egress policy selects). */
export function egressAllowed(policies: NetworkPolicyManifest[], c: Connection): boolean {
  if (c.from.kind !== "pod") return true;
  const from = c.from;
  const applying = selecting(policies, from, "Egress");
  if (applying.length === 0) return true;
  return applying.some((p) =>
    (p.spec.egress ?? []).some(
      (rule) =>
        (rule.to === undefined ||
          rule.to.length === 0 ||
          rule.to.some((peer) => peerMatches(peer, c.to, p.metadata.namespace))) &&
        portMatches(rule.ports, c.port, c.protocol ?? "TCP"),
    ),
  );
}

export function connectionAllowed(policies: NetworkPolicyManifest[], c: Connection): boolean {
  return egressAllowed(policies, c) && ingressAllowed(policies, c);
}

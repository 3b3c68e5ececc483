// Words shared by the topology diagram and its text alternative, so the picture
// and the table name things the same way. Plain text: escaping happens when a
// label is written (flowchart.ts, build-sequence.ts).
import { hostPort } from "../check/hosts";
import type { LbProvider, LbScheme, Scenario } from "../scenario/schema";
import type { Endpoint } from "../topology/plan";

const LB_PROVIDER_NAMES: Record<LbProvider, string> = {
  // Domain 4: the AWS Load Balancer Controller makes an NLB; GKE and AKS a passthrough L4 LB.
  aws: "AWS Network Load Balancer",
  gcp: "Google Cloud load balancer",
  azure: "Azure Load Balancer",
  other: "Load balancer",
};

/** The three steps every Kafka client takes, numbered alike in the topology and the sequence diagrams. */
export const STEP_LABELS = {
  request: "① metadata request",
  response: "② metadata response",
  produceFetch: "③ produce / fetch",
} as const;
/** Second line of a bootstrap edge a NetworkPolicy or the source ranges stop (issue 16). */
export const BLOCKED_LABEL = "blocked by policy or source ranges";
/** Prefix of every failing step's label and every problem note. */
export const FAILING_MARK = "✗";

export function loadBalancerName(provider: LbProvider, scheme: LbScheme): string {
  return `${LB_PROVIDER_NAMES[provider]} (${scheme})`;
}

/** `host:port`, or the placeholder's words alone when the address exists only after install. */
export function endpointText(endpoint: Endpoint): string {
  return endpoint.known
    ? hostPort(endpoint.host, endpoint.port)
    : `${endpoint.host}, port ${endpoint.port}`;
}

/** The Metadata response: every broker advertises the same address (domain 3, core behaviour). */
export function advertisedList(endpoint: Endpoint, brokers: number): string {
  return `${endpointText(endpoint)} ×${brokers}`;
}

/** Above this many brokers a release is drawn as first two, a summary node, and the last. */
export const BROKER_COLLAPSE_THRESHOLD = 5;

export interface BrokerGroup {
  /** First and last broker number (1-based) this node stands for. */
  first: number;
  last: number;
  label: string;
}

/**
 * The broker nodes of one release: one each up to the threshold; above it
 * "broker 1", "broker 2", "brokers 3–11 (9 more)", "broker 12", so large
 * replica counts stay readable (issue 3) while every broker is accounted for.
 */
export function brokerGroups(count: number): BrokerGroup[] {
  const single = (n: number): BrokerGroup => ({ first: n, last: n, label: `broker ${n}` });
  if (count <= BROKER_COLLAPSE_THRESHOLD) {
    return Array.from({ length: count }, (_, i) => single(i + 1));
  }
  const hidden = count - 3;
  return [
    single(1),
    single(2),
    { first: 3, last: count - 1, label: `… brokers 3–${count - 1} (${hidden} more)` },
    single(count),
  ];
}

export function zoneNames(s: Scenario): string[] {
  return s.zones.enabled ? s.zones.names : [];
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

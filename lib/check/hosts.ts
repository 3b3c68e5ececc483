// Host classification shared by the topology check and the client views, so a
// host the check calls a placeholder is the host the views mark as failing.
import { CLUSTER_DNS_SUFFIX } from "../topology/plan";

/**
 * Names reserved for documentation and tests (RFC 2606 / RFC 6761) or that only
 * ever mean "this machine": a client handed one of them connects nowhere useful.
 */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^localhost\.?$/i,
  /\.localhost\.?$/i,
  /^127\./,
  /^0\.0\.0\.0$/,
  /^::1?$/,
  /(^|\.)example\.?$/i,
  /(^|\.)example(\.[a-z0-9-]+)+\.?$/i,
  /\.invalid\.?$/i,
  /\.test\.?$/i,
  /^lb\.local\.?$/i,
  /^(my-)?(load-balancer|loadbalancer|lb|host|hostname|changeme|todo|xxx)(\.local)?\.?$/i,
];

export function isPlaceholderHost(host: string): boolean {
  return host !== "" && PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(host));
}

/** A Kubernetes cluster DNS name: resolves only through the cluster's DNS (domain 6, gotcha 1). */
export function isClusterDnsName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return (
    name.endsWith(`.${CLUSTER_DNS_SUFFIX}`) ||
    name.endsWith(".svc") ||
    name.endsWith(".cluster.local")
  );
}

/** `host:port`, with brackets around IPv6 literals as Kafka clients expect. */
export function hostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

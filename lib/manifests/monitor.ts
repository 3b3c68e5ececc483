// Prometheus Operator objects for the brokers' metrics (issue 16): with
// `observability.metrics.exporterType: PROMETHEUS` every broker serves
// /metrics on port 9090 (domain 1.1). The pods keep their prometheus.io scrape
// annotations for a plain Prometheus; these are for the Operator, which finds
// targets only through ServiceMonitor or PodMonitor objects.
//
// The chart's Service and container port names are not documented (domain
// 1.1, open question 6), and both monitors select ports by name. So:
// - ServiceMonitor: over a metrics Service of our own (like the regional
//   Service), whose port is named `metrics`, selecting the brokers by the
//   cluster label; the ServiceMonitor selects that Service by its labels.
// - PodMonitor: `targetPort: 9090`, the number (deprecated in favour of a
//   port name in the Prometheus Operator's CRD, and still honoured).
import { parseLabels } from "../scenario/labels";
import type { Scenario } from "../scenario/schema";
import { CLUSTER_LABEL } from "../topology/plan";
import { servesMetrics, METRICS_PORT } from "./network-policy";
import type { ServiceManifest } from "./service";

/** Marks the metrics Service, so the ServiceMonitor selects it and nothing else. */
export const METRICS_SERVICE_LABEL = "bufstream-wizard/metrics";

export interface ServiceMonitorManifest {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "ServiceMonitor";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    selector: { matchLabels: Record<string, string> };
    namespaceSelector: { matchNames: string[] };
    endpoints: Array<{ port: string; path: string; interval: string }>;
  };
}

export interface PodMonitorManifest {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "PodMonitor";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    selector: { matchLabels: Record<string, string> };
    namespaceSelector: { matchNames: string[] };
    podMetricsEndpoints: Array<{ targetPort: number; path: string; interval: string }>;
  };
}

export type MonitorManifest = ServiceManifest | ServiceMonitorManifest | PodMonitorManifest;

// Every object below is built fresh where it is used: one object in two places
// would be written as a YAML alias (&a1 / *a1), which kubectl reads but people do not.

/** Scrape every 30 s: the Prometheus Operator's usual interval, and Bufstream's metrics are counters. */
const INTERVAL = "30s";

function labels(s: Scenario): Record<string, string> {
  return { [CLUSTER_LABEL]: s.cluster, ...(parseLabels(s.monitoring.monitorLabels) ?? {}) };
}

export function metricsServiceName(release: string): string {
  return `${release}-metrics`;
}

/** The monitor objects of the scenario (none unless asked for and metrics are served). */
export function buildMonitorManifests(s: Scenario): MonitorManifest[] {
  const kind = s.monitoring.prometheusOperator;
  if (kind === "none" || !servesMetrics(s)) return [];
  const ns = s.release.namespace;
  const brokers = { [CLUSTER_LABEL]: s.cluster };
  if (kind === "pod-monitor") {
    return [
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: s.release.name, namespace: ns, labels: labels(s) },
        spec: {
          selector: { matchLabels: { ...brokers } },
          namespaceSelector: { matchNames: [ns] },
          podMetricsEndpoints: [{ targetPort: METRICS_PORT, path: "/metrics", interval: INTERVAL }],
        },
      },
    ];
  }
  const service = metricsServiceName(s.release.name);
  const serviceLabels = { [CLUSTER_LABEL]: s.cluster, [METRICS_SERVICE_LABEL]: "true" };
  return [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: service, namespace: ns, labels: { ...serviceLabels } },
      spec: {
        // Headless: the Operator scrapes each pod behind it; no virtual IP is needed.
        clusterIP: "None",
        selector: { ...brokers },
        ports: [{ name: "metrics", port: METRICS_PORT, targetPort: METRICS_PORT, protocol: "TCP" }],
      },
    },
    {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { name: s.release.name, namespace: ns, labels: labels(s) },
      spec: {
        selector: { matchLabels: { ...serviceLabels } },
        namespaceSelector: { matchNames: [ns] },
        endpoints: [{ port: "metrics", path: "/metrics", interval: INTERVAL }],
      },
    },
  ];
}

export function monitorFileName(release: string): string {
  return `${release}-monitoring.yaml`;
}

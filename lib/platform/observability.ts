// Observability (domain 1.1 `observability.*`, 5 ports, gotcha 8). Only the
// current keys are written: `metrics.exporterType`, never the deprecated
// `metrics.exporter` the deploy guides still show.
import type { Scenario } from "../scenario/schema";
import type { Values } from "./merge";

/** Bufstream serves `/metrics` on this port when the exporter is PROMETHEUS (domain 1.1, 5). */
export const PROMETHEUS_PORT = 9090;
export const PROMETHEUS_PATH = "/metrics";

/** The conventional scrape annotations Prometheus' kubernetes-pods job reads. */
export function prometheusPodAnnotations(): Record<string, string> {
  return {
    "prometheus.io/scrape": "true",
    "prometheus.io/port": String(PROMETHEUS_PORT),
    "prometheus.io/path": PROMETHEUS_PATH,
  };
}

export function buildObservabilityValues(s: Scenario): Values {
  const o = s.observability;
  const otlp = o.metrics === "OTLP_GRPC" || o.metrics === "OTLP_HTTP";
  return {
    observability: {
      logLevel: o.logLevel,
      metrics: { exporterType: o.metrics },
      // Always with `insecure`, so the file says which transport the collector
      // speaks (the chart's default false means TLS; true means plaintext).
      ...(otlp && o.otlpAddress !== ""
        ? { exporter: { address: o.otlpAddress, insecure: o.otlpInsecure } }
        : {}),
    },
    ...(o.metrics === "PROMETHEUS"
      ? { bufstream: { deployment: { podAnnotations: prometheusPodAnnotations() } } }
      : {}),
  };
}

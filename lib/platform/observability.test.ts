import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import { LOG_LEVELS, METRICS_EXPORTERS, ScenarioSchema } from "../scenario/schema";
import { buildObservabilityValues } from "./observability";
import { buildResourcesValues, parseQuantity, resourceRatioAdvice } from "./resources";
import { completeScenario } from "./testing/scenarios";

describe("buildObservabilityValues", () => {
  it("exports Prometheus metrics and adds the scrape annotations on port 9090", () => {
    const s = completeScenario((d) => (d.observability.metrics = "PROMETHEUS"));
    expect(buildObservabilityValues(s)).toEqual({
      observability: { logLevel: "INFO", metrics: { exporterType: "PROMETHEUS" } },
      bufstream: {
        deployment: {
          podAnnotations: {
            "prometheus.io/scrape": "true",
            "prometheus.io/port": "9090",
            "prometheus.io/path": "/metrics",
          },
        },
      },
    });
  });

  it("sends OTLP metrics to the collector address, saying whether it speaks TLS", () => {
    for (const otlpInsecure of [false, true]) {
      const s = completeScenario((d) => {
        d.observability.metrics = "OTLP_GRPC";
        d.observability.otlpAddress = "otel-collector.observability:4317";
        d.observability.otlpInsecure = otlpInsecure;
        d.observability.logLevel = "WARN";
      });
      expect(buildObservabilityValues(s)).toEqual({
        observability: {
          logLevel: "WARN",
          metrics: { exporterType: "OTLP_GRPC" },
          // insecure false: TLS (the chart's default); true: plaintext.
          exporter: { address: "otel-collector.observability:4317", insecure: otlpInsecure },
        },
      });
    }
  });

  it("asks for host:port, not a URL: the scheme has no meaning there (insecure says TLS or not)", () => {
    const s = completeScenario((d) => {
      d.observability.metrics = "OTLP_HTTP";
      d.observability.otlpAddress = "https://collector.example.com:4318";
    });
    const result = ScenarioSchema.safeParse(s);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "observability.otlpAddress",
    ]);
  });

  it("never writes the deprecated metrics.exporter key (gotcha 8), and only documented keys", () => {
    for (const metrics of METRICS_EXPORTERS) {
      for (const logLevel of LOG_LEVELS) {
        const values = buildObservabilityValues(
          completeScenario((d) => {
            d.observability = {
              metrics,
              logLevel,
              otlpAddress: "collector:4317",
              otlpInsecure: true,
            };
          }),
        );
        const observability = values.observability as { metrics: Record<string, unknown> };
        expect(Object.keys(observability.metrics)).toEqual(["exporterType"]);
        expect(undocumentedKeys(values), `${metrics}/${logLevel}`).toEqual([]);
      }
    }
  });
});

describe("buildResourcesValues", () => {
  it("sets requests, and a memory limit equal to the request with no CPU limit", () => {
    const s = completeScenario((d) => {
      d.resources.cpu = "4";
      d.resources.memory = "16Gi";
    });
    expect(buildResourcesValues(s)).toEqual({
      bufstream: {
        deployment: {
          resources: { requests: { cpu: "4", memory: "16Gi" }, limits: { memory: "16Gi" } },
        },
      },
    });
  });

  it("turns on the HPA with a string targetCPU, as the chart types it", () => {
    const s = completeScenario((d) => {
      d.resources.autoscaling = { enabled: true, minReplicas: 6, maxReplicas: 18, targetCPU: 50 };
    });
    const values = buildResourcesValues(s);
    expect(values).toMatchObject({
      bufstream: {
        deployment: {
          autoscaling: { enabled: true, minReplicas: 6, maxReplicas: 18, targetCPU: "50" },
        },
      },
    });
    expect(undocumentedKeys(values)).toEqual([]);
  });

  it("leaves the chart's defaults alone for empty quantities", () => {
    const s = completeScenario((d) => {
      d.resources.cpu = "";
      d.resources.memory = "";
    });
    expect(buildResourcesValues(s)).toEqual({ bufstream: { deployment: {} } });
  });
});

describe("resource helpers", () => {
  it("parses Kubernetes quantities", () => {
    expect(parseQuantity("500m")).toBe(0.5);
    expect(parseQuantity("2")).toBe(2);
    expect(parseQuantity("8Gi")).toBe(8 * 1024 ** 3);
    expect(parseQuantity("1.5G")).toBe(1.5e9);
    expect(parseQuantity("")).toBeNull();
  });

  it("advises when requests stray from 1 CPU : 4 GiB", () => {
    expect(resourceRatioAdvice("2", "8Gi")).toBeNull();
    expect(resourceRatioAdvice("4", "20Gi")).toBeNull();
    expect(resourceRatioAdvice("4", "4Gi")).toBe(
      "Bufstream recommends 1 CPU : 4 GiB; 4 CPU suggests about 16Gi of memory.",
    );
    expect(resourceRatioAdvice("", "8Gi")).toBeNull();
  });
});

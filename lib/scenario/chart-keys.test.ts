import { describe, expect, it } from "vitest";
import { buildValues } from "../values/build-values";
import { LB_ANNOTATION } from "../values/load-balancer";
import {
  DOCUMENTED_KEYS,
  FORBIDDEN_KEYS,
  OPAQUE_KEYS,
  SCENARIO_SERVICE_ANNOTATIONS,
  undocumentedKeys,
} from "./chart-keys";
import { PRESETS } from "./presets";

describe("undocumentedKeys", () => {
  it("accepts documented leaves and looks no further into opaque maps", () => {
    expect(
      undocumentedKeys({
        cluster: "x",
        kafka: { publicAddress: { host: "h", port: 1 } },
        bufstream: {
          service: { annotations: { "any/key": "v" } },
          deployment: { affinity: { a: 1 } },
        },
        extraObjects: [{ anything: true }],
      }),
    ).toEqual([]);
  });

  it("reports unknown keys with their path", () => {
    expect(
      undocumentedKeys({ kafka: { publicAdress: {} }, bufstream: { service: { port: 1 } } }),
    ).toEqual(["kafka.publicAdress", "bufstream.service.port"]);
  });

  it("reports the forbidden keys: the docs' `name:` and removed/deprecated ones", () => {
    expect(
      undocumentedKeys({
        name: "bufstream-a",
        autoMigrateMetadataStorage: true,
        observability: { metrics: { exporter: "PROMETHEUS" } },
      }),
    ).toEqual(["name", "autoMigrateMetadataStorage", "observability.metrics.exporter"]);
  });

  it("opaque keys are documented keys; forbidden keys are not", () => {
    for (const key of OPAQUE_KEYS) expect(DOCUMENTED_KEYS).toContain(key);
    for (const key of FORBIDDEN_KEYS) expect(DOCUMENTED_KEYS).not.toContain(key);
  });
});

describe("every values file of every preset", () => {
  const cases = PRESETS.flatMap((preset) => {
    const files = buildValues(preset.scenario);
    return [files.shared, ...files.zones].map(
      (file) => [`${preset.id}/${file.name}`, file.values] as const,
    );
  });
  it.each(cases)("%s uses only documented chart keys", (_name, values) => {
    expect(undocumentedKeys(values)).toEqual([]);
  });

  it("the same holds with every platform option of a complete install turned on", () => {
    for (const preset of PRESETS) {
      const s = {
        ...preset.scenario,
        valuesScope: "complete" as const,
        tls: {
          ...preset.scenario.tls,
          enabled: true,
          clientAuth: "REQUIRE_AND_VERIFY_CERT" as const,
          clientCasSecret: "client-ca",
        },
        auth: {
          ...preset.scenario.auth,
          sasl: "scram" as const,
          mtlsPrincipal: "SUBJECT_COMMON_NAME" as const,
        },
        observability: { ...preset.scenario.observability, metrics: "PROMETHEUS" as const },
        resources: {
          ...preset.scenario.resources,
          autoscaling: { ...preset.scenario.resources.autoscaling, enabled: true },
        },
      };
      const files = buildValues(s);
      for (const file of [files.shared, ...files.zones])
        expect(undocumentedKeys(file.values)).toEqual([]);
    }
  });
});

describe("values files of the review's edge scenarios", () => {
  const base = (id: string) => {
    const found = PRESETS.find((p) => p.id === id);
    if (found === undefined) throw new Error(`no preset ${id}`);
    return found.scenario;
  };
  const zonalAutoscaling = {
    ...base("zone-aware-per-zone-nlbs"),
    valuesScope: "complete" as const,
    storage: { ...base("zone-aware-per-zone-nlbs").storage, bucket: "b", region: "us-east-1" },
    resources: {
      ...base("zone-aware-per-zone-nlbs").resources,
      autoscaling: { enabled: true, minReplicas: 6, maxReplicas: 18, targetCPU: 50 },
    },
  };
  const lbPort = {
    ...base("aws-nlb-internal"),
    loadBalancer: { ...base("aws-nlb-internal").loadBalancer, port: 19092 },
  };
  const cases = [
    ["zone-aware + autoscaling (per-zone HPA bounds)", zonalAutoscaling],
    ["load balancer port 19092", lbPort],
  ] as const;

  it.each(cases)("%s: every file uses only documented chart keys", (_name, s) => {
    const files = buildValues(s);
    for (const file of [files.shared, ...files.zones])
      expect(undocumentedKeys(file.values)).toEqual([]);
  });

  it("zone-aware + autoscaling writes the HPA bounds only in the zone files", () => {
    const files = buildValues(zonalAutoscaling);
    const deployment = (v: Record<string, unknown>) =>
      (v.bufstream as { deployment?: { autoscaling?: Record<string, unknown> } }).deployment;
    expect(Object.keys(deployment(files.shared.values)?.autoscaling ?? {})).toEqual([
      "enabled",
      "targetCPU",
    ]);
    for (const zone of files.zones)
      expect(Object.keys(deployment(zone.values)?.autoscaling ?? {})).toEqual([
        "minReplicas",
        "maxReplicas",
      ]);
  });
});

describe("annotations that stand for scenario fields (issue 16)", () => {
  it("name the source-ranges annotation build-values writes, and the field it comes from", () => {
    expect(SCENARIO_SERVICE_ANNOTATIONS[LB_ANNOTATION.sourceRanges]).toBe(
      "access.loadBalancerSourceRanges",
    );
  });
});

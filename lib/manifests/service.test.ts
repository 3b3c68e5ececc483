import { Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { CLUSTER_LABEL } from "../topology/plan";
import { buildValues } from "../values/build-values";
import { buildRegionalServiceManifest } from "./files";
import { buildHeadlessService, buildRegionalService, RELEASE_POD_LABEL } from "./service";

/** Throws (fails the test) when the object is not a valid Kubernetes Service. */
function validateService(object: unknown): void {
  new Service(object as ConstructorParameters<typeof Service>[0]).validate();
}

describe("regional bootstrap Service", () => {
  const service = buildRegionalService("kafka", "streaming", "orders");

  it("is a valid Kubernetes Service", () => {
    expect(() => validateService(service)).not.toThrow();
  });

  it("selects every zonal release through the shared cluster label", () => {
    expect(service.spec.selector).toEqual({ [CLUSTER_LABEL]: "orders" });
    expect(service.spec.type).toBe("ClusterIP");
  });

  it("exposes Connect, admin and Kafka ports (domain 2.3)", () => {
    expect(service.spec.ports.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ["connect", 8080, 8080],
      ["admin", 9089, 9089],
      ["kafka", 9092, 9092],
    ]);
  });

  /** Zone-aware, and some client bootstraps from it: in-cluster clients, or any without load balancers (domain 3 S4/S5). */
  const hasRegional = (s: Scenario) =>
    s.zones.enabled && (s.exposure !== "load-balancer" || s.clients !== "outside-cluster");

  it("exists only for zone-aware layouts whose clients bootstrap from it, named after the release", () => {
    // Every preset, plus each with clients in and outside the cluster.
    const scenarios = PRESETS.flatMap((p) => [
      p.scenario,
      { ...p.scenario, clients: "both" as const },
    ]);
    expect(scenarios.some((s) => s.zones.enabled && !hasRegional(s))).toBe(true);
    for (const s of scenarios) {
      const manifest = buildRegionalServiceManifest(s);
      if (hasRegional(s)) {
        expect(manifest?.metadata.name).toBe(s.release.name);
        expect(() => validateService(manifest)).not.toThrow();
      } else {
        expect(manifest).toBeNull();
      }
    }
  });

  it("its selector matches the cluster label of every zonal release's pods", () => {
    // Pods carry `bufstream.buf.build/cluster: <cluster>` (domain 1.1); each zonal
    // release's cluster is the shared file's value, layered with its zone file.
    for (const preset of PRESETS.filter((p) => p.scenario.zones.enabled)) {
      const s = { ...preset.scenario, clients: "both" as const };
      const manifest = buildRegionalServiceManifest(s);
      expect(manifest).not.toBeNull();
      const { shared, zones } = buildValues(s);
      expect(zones.length).toBe(s.zones.names.length);
      for (const zone of zones) {
        const cluster = zone.values.cluster ?? shared.values.cluster;
        expect(manifest?.spec.selector).toEqual({ [CLUSTER_LABEL]: cluster });
      }
    }
  });

  it("rejects a broken object (the validator is really checking)", () => {
    const broken = { ...service, spec: { ...service.spec, ports: [{ port: "kafka" }] } };
    expect(() => validateService(broken)).toThrow();
  });
});

describe("headless Service", () => {
  it("has no cluster IP and serves Kafka only", () => {
    const service = buildHeadlessService("bufstream-headless", "bufstream", "bufstream", null);
    expect(service.spec.clusterIP).toBe("None");
    expect(service.spec.ports.map((p) => p.port)).toEqual([9092]);
    expect(service.spec.selector).toEqual({ [CLUSTER_LABEL]: "bufstream" });
    expect(() => validateService(service)).not.toThrow();
  });

  it("narrows to one zonal release with the wizard's pod label", () => {
    const service = buildHeadlessService("b-z1-headless", "ns", "c", "b-z1");
    expect(service.spec.selector).toEqual({ [CLUSTER_LABEL]: "c", [RELEASE_POD_LABEL]: "b-z1" });
    expect(() => validateService(service)).not.toThrow();
  });

  it("every headless Service in extraObjects of any preset layout is valid", () => {
    const scenarios = PRESETS.map((p) => p.scenario).flatMap((s) => [
      { ...s, exposure: "headless" as const },
    ]);
    for (const s of scenarios) {
      const files = buildValues(s);
      for (const file of [files.shared, ...files.zones]) {
        const objects = (file.values.extraObjects ?? []) as unknown[];
        for (const object of objects) expect(() => validateService(object)).not.toThrow();
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { PRESETS, findPreset } from "./presets";
import { ScenarioSchema } from "./schema";

describe("PRESETS", () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))("%s is a valid scenario", (_id, preset) => {
    const result = ScenarioSchema.safeParse(preset.scenario);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("have unique kebab-case ids and non-empty words", () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const preset of PRESETS) {
      expect(preset.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(preset.summary.length).toBeGreaterThan(20);
      expect(preset.whenToUse.length).toBeGreaterThan(20);
    }
  });

  it("cover the layouts of issues 2 and 3", () => {
    const titles = PRESETS.map((p) => p.title);
    for (const title of [
      "In-cluster, default",
      "Headless, in-cluster",
      "External via AWS NLB",
      "Internet-facing AWS NLB",
      "GKE internal load balancer",
      "AKS internal load balancer",
      "Zone-aware on EKS, in-cluster clients",
      "Zone-aware with per-zone NLBs",
      "Clients inside and outside (one LB)",
    ]) {
      expect(titles).toContain(title);
    }
  });

  it("zone-aware presets use three EKS zones; per-zone NLBs carry a host per zone and a bootstrap host", () => {
    const inCluster = findPreset("zone-aware-eks-in-cluster")?.scenario;
    expect(inCluster?.zones.names).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    const nlbs = findPreset("zone-aware-per-zone-nlbs")?.scenario;
    expect(Object.keys(nlbs?.zones.hosts ?? {})).toEqual(nlbs?.zones.names);
    expect(nlbs?.zones.bootstrapHost).not.toBe("");
  });

  it("load without errors from the topology check (their hosts are not placeholders)", () => {
    for (const preset of PRESETS) {
      const errors = checkTopology(preset.scenario).filter((f) => f.severity === "error");
      expect(errors.map((f) => `${preset.id}: ${f.id}`)).toEqual([]);
    }
  });

  it("findPreset returns undefined for an unknown id", () => {
    expect(findPreset("no-such-preset")).toBeUndefined();
  });
});

// The load balancer's source ranges read back from values (issue 16): the
// annotation the wizard writes on AWS and AKS, and a user's list on any cloud.
import { describe, expect, it } from "vitest";
import { importValues } from "./import-values";
import { buildCorrectedValues } from "./corrected-values";
import { getString } from "./paths";
import { SOURCE_RANGES_PATH } from "./read-access";

function read(ranges: string, provider = "aws", type = "LoadBalancer") {
  const annotations =
    provider === "aws"
      ? '      service.beta.kubernetes.io/aws-load-balancer-type: "external"\n'
      : "";
  const text = [
    "bufstream:",
    "  service:",
    `    type: ${type}`,
    "    annotations:",
    annotations.trimEnd(),
    `      service.beta.kubernetes.io/load-balancer-source-ranges: "${ranges}"`,
  ]
    .filter((line) => line !== "")
    .join("\n");
  const result = importValues([{ name: "values.yaml", text }], {
    "loadBalancer.provider": provider,
  });
  if (!result.ok) throw new Error("could not read");
  return result.imported;
}

describe("source ranges from values", () => {
  it("reads the comma-separated annotation, spaces and all, naming the line", () => {
    const imported = read("10.0.0.0/16, 203.0.113.0/24");
    expect(imported.read.scenario.access.loadBalancerSourceRanges).toEqual([
      "10.0.0.0/16",
      "203.0.113.0/24",
    ]);
    expect(imported.read.sources.get("access.loadBalancerSourceRanges")?.line).toBe(6);
    expect(imported.read.notes.map((n) => n.id)).not.toContain("values-source-ranges-kept");
  });

  it("reads it where the wizard patches the Service instead (another controller)", () => {
    const imported = read("192.0.2.0/24", "other");
    expect(imported.read.scenario.access.loadBalancerSourceRanges).toEqual(["192.0.2.0/24"]);
    // Not the wizard's key there: the user's annotation stays as written.
    const corrected = buildCorrectedValues(imported, imported.read.scenario);
    expect(getString(corrected[0]?.values, SOURCE_RANGES_PATH)).toBe("192.0.2.0/24");
  });

  it("keeps a list that is not CIDR blocks as written, with a note, and reads none", () => {
    const imported = read("10.0.0.1/16,office");
    expect(imported.read.scenario.access.loadBalancerSourceRanges).toEqual([]);
    const note = imported.read.notes.find((n) => n.id === "values-source-ranges-kept");
    expect(note?.message).toContain('"10.0.0.1/16", "office"');
    expect(note?.line).toBe(6);
    const corrected = buildCorrectedValues(imported, imported.read.scenario);
    expect(getString(corrected[0]?.values, SOURCE_RANGES_PATH)).toBe("10.0.0.1/16,office");
  });

  it("keeps a list longer than the scenario holds", () => {
    const many = Array.from({ length: 7 }, (_, i) => `10.${i}.0.0/16`).join(",");
    const imported = read(many);
    expect(imported.read.scenario.access.loadBalancerSourceRanges).toEqual([]);
    expect(imported.read.notes.map((n) => n.id)).toContain("values-source-ranges-kept");
  });

  it("ignores the annotation without a load balancer", () => {
    const imported = read("10.0.0.0/16", "aws", "ClusterIP");
    expect(imported.read.scenario.access.loadBalancerSourceRanges).toEqual([]);
  });
});

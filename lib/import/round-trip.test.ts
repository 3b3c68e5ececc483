// Issue 15, "How it is shown": for every preset, the bundle's values files read
// back give the same scenario, except for the fields no values file carries
// (not-in-values.ts lists each with its reason), and writing the read-back
// scenario gives byte-identical values files.
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets";
import { ScenarioSchema } from "../scenario/schema";
import { checkImportedValues } from "./check-values";
import { buildCorrectedValues } from "./corrected-values";
import { buildValuesDiff, keptKeys } from "./diff-values";
import { valuesBlindFields } from "./not-in-values";
import { comparable, importScenario, valuesText } from "./testing/round-trip";

describe.each(PRESETS.map((p) => [p.id, p.scenario] as const))("preset %s", (_id, original) => {
  const imported = importScenario(original);
  const read = imported.read;

  it("reads back as a valid scenario with no problems", () => {
    expect(read.problems).toEqual([]);
    expect(ScenarioSchema.safeParse(read.scenario).success).toBe(true);
  });

  it("is the same scenario, except for the listed fields values cannot carry", () => {
    const { expected, actual } = comparable(original, read.scenario);
    expect(actual).toEqual(expected);
  });

  it("writes byte-identical values files (with the original's install mode, which values cannot say)", () => {
    expect(valuesText({ ...read.scenario, install: original.install })).toEqual(
      valuesText(original),
    );
  });

  it("finds nothing wrong with the wizard's own keys, keeps none and changes none", () => {
    // A load balancer whose address is read after install has no kafka.publicAddress
    // in its values file until install.sh sets it: as the file stands, the brokers
    // advertise the in-cluster name, and the check rightly says so.
    const expected =
      original.exposure === "load-balancer" && original.loadBalancer.hostSource === "after-install"
        ? ["values-lb-advertises-cluster-name"]
        : [];
    const findings = checkImportedValues(imported, read.scenario);
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.id)).toEqual(expected);
    expect(imported.keys.findings).toEqual([]);
    expect(keptKeys(imported, read.scenario)).toEqual([]);
    const corrected = buildCorrectedValues(imported, read.scenario);
    expect(buildValuesDiff(imported, read.scenario, corrected)).toEqual([]);
  });

  it("lists every field it may not carry with a reason", () => {
    for (const blind of valuesBlindFields(original)) expect(blind.why.length).toBeGreaterThan(10);
  });
});

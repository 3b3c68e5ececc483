// The wizard's ownership list must cover every key its builders write, or the
// corrected values would keep the user's value where the wizard's should win.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryScenario } from "../share/testing/arbitrary-scenario";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { buildValues } from "../values/build-values";
import { isOwned, ownedPrefixes } from "./ownership";
import { displayPath, leaves } from "./paths";

function unowned(s: Scenario): string[] {
  const files = buildValues(s);
  const owned = ownedPrefixes(s);
  return [files.shared, ...files.zones].flatMap((file) =>
    leaves(file.values)
      .filter(({ path }) => path[0] !== "extraObjects" && !isOwned(path, owned, []))
      .map(({ path }) => `${file.name}: ${displayPath(path)}`),
  );
}

describe("ownership", () => {
  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
    "covers every key preset %s writes",
    (_id, s) => {
      expect(unowned(s)).toEqual([]);
      expect(unowned({ ...s, valuesScope: "complete" })).toEqual([]);
    },
  );

  it("covers every key any scenario writes (property)", () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        expect(unowned(s)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves keys the wizard does not model to the user", () => {
    const owned = ownedPrefixes(PRESETS[0]!.scenario);
    for (const path of [
      [
        "bufstream",
        "service",
        "annotations",
        "service.beta.kubernetes.io/aws-load-balancer-subnets",
      ],
      ["bufstream", "deployment", "tolerations"],
      ["kafka", "numPartitions"],
      ["storage", "s3", "bucket"], // networking scope: the user's
    ]) {
      expect(isOwned(path, owned, []), displayPath(path)).toBe(false);
    }
  });
});

// Users read every generated file, finding and client view, and have never seen
// our research notes: a reference such as "domain 2.3", "gotcha 13" or "open
// question 5" (or "[inferred]") must never reach them. Code comments may cite
// them; text that reaches a user states the fact or links Bufstream's docs.
// The page's own text is held to the same rule by e2e/user-text.spec.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { buildClientKit, renderClientKitMarkdown } from "../clients/client-kit";
import { buildClientViews } from "../clients/client-views";
import { buildClientSequence } from "../diagram/build-sequence";
import { describeTopology } from "../diagram/describe";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { GENERATOR_VERSION } from "../version";
import { arbitraryScenario } from "./arbitrary-scenario";
import { buildBundle } from "./build-bundle";

export const INTERNAL_REFERENCE =
  /\bdomain( reference)? (section )?\d|\bgotchas? \d|\bopen questions? \d|\[inferred\]/i;

/** Every piece of text the wizard shows or writes for one scenario, named by where it appears. */
function userTexts(s: Scenario): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  for (const file of buildBundle(s, { generatorVersion: GENERATOR_VERSION, shareLink: "" })) {
    texts.push([file.name, file.content]);
  }
  const findings = checkTopology(s);
  for (const f of findings) texts.push([`finding ${f.id}`, `${f.message}\n${f.why}\n${f.fix}`]);
  const views = buildClientViews(s, findings);
  texts.push(["client views", JSON.stringify(views)]);
  for (const view of views) texts.push([`sequence ${view.location}`, buildClientSequence(view)]);
  texts.push(["client kit", renderClientKitMarkdown(buildClientKit(s))]);
  texts.push(["topology description", JSON.stringify(describeTopology(s))]);
  return texts;
}

function referencesIn(s: Scenario): string[] {
  return userTexts(s).flatMap(([where, text]) =>
    text
      .split("\n")
      .filter((line) => INTERNAL_REFERENCE.test(line))
      .map((line) => `${where}: ${line.trim()}`),
  );
}

describe("text for users carries no internal research references", () => {
  it("the pattern catches the references it is meant to", () => {
    for (const leak of [
      "(domain 2.3)",
      "gotcha 13",
      "open question 5",
      "domain 3 S3",
      "[inferred]",
    ])
      expect(INTERNAL_REFERENCE.test(leak), leak).toBe(true);
    expect(INTERNAL_REFERENCE.test("a domain name such as kafka.example.com")).toBe(false);
  });

  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))("preset %s", (_id, scenario) => {
    expect(referencesIn(scenario)).toEqual([]);
  });

  it("any valid scenario", () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        expect(referencesIn(s)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { withIdentity } from "@/lib/platform/testing/scenarios";
import { PRESETS } from "@/lib/scenario/presets";
import { IDENTITY_METHODS } from "@/lib/scenario/schema";
import { buildCommands } from "./build-commands";
import { detailParagraphs, SENTENCE_END } from "./detail-paragraphs";

describe("detailParagraphs", () => {
  it("joins a sentence wrapped over two lines, and keeps one sentence per line apart", () => {
    expect(
      detailParagraphs([
        "Helm replaces a release's values, so this script layers this",
        "bundle's values on the release's current ones.",
        "Nothing is changed before this step succeeds.",
      ]),
    ).toEqual([
      "Helm replaces a release's values, so this script layers this bundle's values on the release's current ones.",
      "Nothing is changed before this step succeeds.",
    ]);
  });

  it("ends a paragraph at ? ! and at a full stop inside brackets or quotes, not at a colon or comma", () => {
    expect(detailParagraphs(["Why?", "Now!", "(see README.md.)", "a list:", "b,", "c."])).toEqual([
      "Why?",
      "Now!",
      "(see README.md.)",
      "a list: b, c.",
    ]);
  });

  it("skips empty lines and keeps a last unfinished line", () => {
    expect(detailParagraphs(["", "  one.  ", "two"])).toEqual(["one.", "two"]);
  });

  // Caught on the page: a sentence cut in two, shown as two paragraphs. Every
  // step of every preset (and every workload identity's) must read as whole
  // sentences once joined.
  it.each([
    ...PRESETS.map((preset) => [preset.id, preset.scenario] as const),
    // Steps the presets do not reach: every workload identity's.
    ...IDENTITY_METHODS.map((method) => [`identity ${method}`, withIdentity(method)] as const),
  ])("%s: every step's detail joins into whole sentences", (_id, scenario) => {
    for (const step of buildCommands(scenario)) {
      for (const paragraph of detailParagraphs(step.detail ?? [])) {
        expect(paragraph, step.title).toMatch(SENTENCE_END);
      }
      // A line that goes on in the next one: the next must not open a new
      // sentence ("… -o tsv" then "Creating …" would run two into one).
      const lines = step.detail ?? [];
      lines.slice(1).forEach((line, i) => {
        if (!SENTENCE_END.test(lines[i] ?? "")) expect(line, step.title).not.toMatch(/^[A-Z][a-z]/);
      });
    }
  });
});

import { describe, expect, it } from "vitest";

import { PRESETS } from "../scenario/presets";
import { benchShareLinks, renderShareBench } from "./bench";
import { buildShareLink } from "./codec";

describe("benchShareLinks", () => {
  // A fake clock that advances 1 ms per reading: the figures are then counts, not timings.
  const fakeClock = () => {
    let t = 0;
    return () => (t += 1);
  };

  it("reports every preset's link length and a rate for each measure", () => {
    const result = benchShareLinks(fakeClock(), { baseUrl: "https://w.example/", budgetMs: 3 });
    expect(result.presetLinks.map((row) => row.id)).toEqual(PRESETS.map((preset) => preset.id));
    for (const [i, row] of result.presetLinks.entries()) {
      const preset = PRESETS[i]!;
      expect(row.linkChars).toBe(buildShareLink("https://w.example/", preset.scenario).length);
      expect(row.linkChars).toBe(row.payloadChars + "https://w.example/#".length);
    }
    for (const value of [
      result.decodesPerSecond,
      result.damagedDecodesPerSecond,
      result.encodesPerSecond,
    ]) {
      expect(value).toBeGreaterThan(0);
    }
    const text = renderShareBench(result);
    for (const preset of PRESETS) expect(text).toContain(preset.id);
    expect(text).toMatch(/decode, valid links: +\d+ links\/s/);
  });
});

import { describe, expect, it } from "vitest";

import { PRESETS } from "../scenario/presets";
import {
  attackRunLink,
  benchLinkDecoding,
  benchShareLinks,
  renderLinkDecodeBench,
  renderShareBench,
} from "./bench";
import { buildShareLink } from "./codec";
import { buildLinkKind } from "./link-kind";

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
      const page = `https://w.example/s/${buildLinkKind(preset.scenario)}/#`;
      expect(row.linkChars).toBe(row.payloadChars + page.length);
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

describe("benchLinkDecoding", () => {
  it("times the costly links and the corpora, and says which was slowest", () => {
    let t = 0;
    const result = benchLinkDecoding(() => (t += 1), { runs: 3, corpusRuns: 1, size: "small" });
    expect(result.named.map((row) => row.kind)).toEqual([
      "too-large",
      "ok",
      "invalid",
      "ok",
      "too-large",
    ]);
    // The fake clock advances 1 ms per reading: each decode "takes" 1 ms.
    for (const row of result.named) expect(row.medianMs).toBe(1);
    expect(result.corpus.links).toBeGreaterThan(100);
    const text = renderLinkDecodeBench(result);
    expect(text).toContain("the attack run's link: 20,000 zone hosts");
    expect(text).toMatch(/\d+ hostile links/);
  });

  it("builds the attack run's link: 20,000 zone hosts in about 62 KiB", () => {
    const link = attackRunLink();
    expect(link.length).toBeGreaterThan(60_000);
    expect(link.length).toBeLessThanOrEqual(64 * 1024);
  });
});

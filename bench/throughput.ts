// Generator and share-link throughput, in Node (issue 7): the same pure functions
// the page, the zip and the CLI call.
import { performance } from "node:perf_hooks";
import { buildBundle } from "@/lib/bundle/build-bundle";
import { PRESETS } from "@/lib/scenario/presets";
import type { Scenario } from "@/lib/scenario/schema";
import { buildShareLink, decodeScenario } from "@/lib/share/codec";
import { GENERATOR_VERSION } from "@/lib/version";

export interface Throughput {
  preset: string;
  bundlesPerSecond: number;
  bundleFiles: number;
  bundleBytes: number;
  decodesPerSecond: number;
  linkChars: Record<string, number>;
}

/** Calls `work` for about `budgetMs` (after a warm-up) and returns calls per second. */
function perSecond(work: () => void, budgetMs = 2000): number {
  for (let i = 0; i < 20; i++) work();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 10; i++) work();
    calls += 10;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

/** The zone-aware preset with the most zones (per-zone hosts preferred). */
function zoneAwarePreset(): { id: string; scenario: Scenario } {
  const zoned = PRESETS.filter((preset) => preset.scenario.zones.enabled);
  const ranked = [...zoned].sort(
    (a, b) =>
      Object.keys(b.scenario.zones.hosts).length - Object.keys(a.scenario.zones.hosts).length ||
      b.scenario.zones.names.length - a.scenario.zones.names.length,
  );
  const best = ranked[0];
  if (!best) throw new Error("no zone-aware preset in lib/scenario/presets.ts");
  return best;
}

export function measureThroughput(baseUrl: string): Throughput {
  const preset = zoneAwarePreset();
  const link = buildShareLink(baseUrl, preset.scenario);
  const context = { generatorVersion: GENERATOR_VERSION, shareLink: link };
  const files = buildBundle(preset.scenario, context);
  const bundlesPerSecond = perSecond(() => buildBundle(preset.scenario, context));
  const decodesPerSecond = perSecond(() => {
    if (!decodeScenario(link).ok) throw new Error("the preset's own link does not decode");
  });
  return {
    preset: preset.id,
    bundlesPerSecond,
    bundleFiles: files.length,
    bundleBytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0),
    decodesPerSecond,
    linkChars: Object.fromEntries(
      PRESETS.map((p) => [p.id, buildShareLink(baseUrl, p.scenario).length]),
    ),
  };
}

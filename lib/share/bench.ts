// Share-link figures for `npm run bench` (issue 4 asks for each preset's link
// length and the decoder's throughput). The clock is passed in (lib/ has none),
// so this stays pure and deterministic apart from the times it is handed.
import { PRESETS } from "../scenario/presets";
import { buildShareLink, decodeScenario, encodeScenario } from "./codec";

export interface ShareBenchResult {
  baseUrl: string;
  /** Whole link length (base URL + `#` + payload) per preset, in characters. */
  presetLinks: Array<{ id: string; title: string; linkChars: number; payloadChars: number }>;
  /** Valid preset links decoded per second (decode + migrate + fill + validate). */
  decodesPerSecond: number;
  /** Damaged links (cut short or with a changed character) per second. */
  damagedDecodesPerSecond: number;
  encodesPerSecond: number;
}

/** Runs `work` over `items` round-robin for about `budgetMs`; returns items per second. */
function rate<T>(
  items: readonly T[],
  work: (item: T) => void,
  now: () => number,
  budgetMs: number,
): number {
  for (const item of items) work(item);
  const start = now();
  let done = 0;
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (const item of items) work(item);
    done += items.length;
    elapsed = now() - start;
  }
  return elapsed > 0 ? (done * 1000) / elapsed : Number.POSITIVE_INFINITY;
}

/** `now` returns milliseconds (e.g. `performance.now`). */
export function benchShareLinks(
  now: () => number,
  { baseUrl = "https://bufstream-wizard.example/", budgetMs = 1000 } = {},
): ShareBenchResult {
  const links = PRESETS.map((preset) => buildShareLink(baseUrl, preset.scenario));
  const damaged = links.flatMap((link) => [
    link.slice(0, link.length - 7),
    `${link.slice(0, -3)}${link.endsWith("A") ? "B" : "A"}${link.slice(-2)}`,
  ]);
  return {
    baseUrl,
    presetLinks: PRESETS.map((preset, i) => ({
      id: preset.id,
      title: preset.title,
      linkChars: links[i]?.length ?? 0,
      payloadChars: encodeScenario(preset.scenario).length,
    })),
    decodesPerSecond: rate(links, (link) => decodeScenario(link), now, budgetMs),
    damagedDecodesPerSecond: rate(damaged, (link) => decodeScenario(link), now, budgetMs),
    encodesPerSecond: rate(PRESETS, (preset) => encodeScenario(preset.scenario), now, budgetMs),
  };
}

/** The figures as a small plain-text table. */
export function renderShareBench(result: ShareBenchResult): string {
  const width = Math.max(...result.presetLinks.map((row) => row.id.length), 6);
  const lines = [
    `Share links (base URL ${result.baseUrl}, ${result.baseUrl.length + 1} characters before the payload)`,
    `${"preset".padEnd(width)}  link  payload`,
    ...result.presetLinks.map(
      (row) =>
        `${row.id.padEnd(width)}  ${String(row.linkChars).padStart(4)}  ${String(row.payloadChars).padStart(7)}`,
    ),
    `decode, valid links:   ${Math.round(result.decodesPerSecond)} links/s`,
    `decode, damaged links: ${Math.round(result.damagedDecodesPerSecond)} links/s`,
    `encode:                ${Math.round(result.encodesPerSecond)} links/s`,
  ];
  return `${lines.join("\n")}\n`;
}

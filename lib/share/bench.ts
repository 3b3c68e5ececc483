// Share-link figures for `npm run bench` (issue 4 asks for each preset's link
// length and the decoder's throughput). The clock is passed in (lib/ has none),
// so this stays pure and deterministic apart from the times it is handed.
import { PRESETS } from "../scenario/presets";
import { encodeBase64Url } from "./base64url";
import { buildShareLink, decodeScenario, encodeScenario } from "./codec";
import { deflateBytes } from "./compress";
import { HOSTILE_KINDS, hostileLinks, type CorpusSize } from "./testing/hostile-links";

export interface ShareBenchResult {
  baseUrl: string;
  /** Whole link length (base URL + `s/<kind>/#` + payload) per preset, in characters. */
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
    `Share links (base URL ${result.baseUrl}, then s/<scenario kind>/#, then the payload)`,
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

// ── Decoding hostile links at the caps (issue 17) ─────────────────────────────

/** The attack run's link: 20,000 zone hosts in 62 KiB of link, all invalid, so salvaged. */
export function attackRunLink(): string {
  const hosts = Object.fromEntries(
    Array.from({ length: 20_000 }, (_, i) => [String(i), `!${(i * 7919) % 3}`]),
  );
  const doc = {
    exposure: "load-balancer",
    clients: "outside-cluster",
    zones: { enabled: true, names: ["a", "b"], hosts },
  };
  return `v1.${encodeBase64Url(deflateBytes(new TextEncoder().encode(JSON.stringify(doc))))}`;
}

export interface DecodeTiming {
  name: string;
  chars: number;
  kind: string;
  medianMs: number;
  maxMs: number;
}

export interface LinkDecodeBench {
  /** Named links, each decoded `runs` times after a warm-up. */
  named: DecodeTiming[];
  /** Every link of the large hostile corpora: how many, and the slowest by median. */
  corpus: { links: number; p50Ms: number; worst: DecodeTiming };
  runs: number;
  corpusRuns: number;
}

function timeDecode(name: string, payload: string, now: () => number, runs: number): DecodeTiming {
  const kind = decodeScenario(payload).kind;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    decodeScenario(payload);
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    chars: payload.length,
    kind,
    medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    maxMs: times[times.length - 1] ?? Number.NaN,
  };
}

/**
 * Decode times of the links that cost the most: the attack run's, the largest
 * valid scenario's, the slowest salvage within the caps, and every link of the
 * large hostile corpora. `now` returns milliseconds.
 */
export function benchLinkDecoding(
  now: () => number,
  { runs = 15, corpusRuns = 5, size = "large" as CorpusSize } = {},
): LinkDecodeBench {
  const oversized = hostileLinks("oversized", "small");
  const byName = (prefix: string) =>
    oversized.find((link) => link.name.startsWith(prefix))?.payload ?? "";
  const named = [
    timeDecode("the attack run's link: 20,000 zone hosts, 62 KiB", attackRunLink(), now, runs),
    timeDecode("the largest valid scenario", byName("the largest valid scenario"), now, runs),
    timeDecode("the slowest salvage within the caps", byName("the slowest salvage"), now, runs),
    timeDecode(
      "a link at the character cap",
      byName("a link exactly at the character cap"),
      now,
      runs,
    ),
    timeDecode("a zip bomb", byName("a zip bomb"), now, runs),
  ];
  const corpus = HOSTILE_KINDS.flatMap((kind) => hostileLinks(kind, size)).map((link) =>
    timeDecode(`${link.kind}: ${link.name}`, link.payload, now, corpusRuns),
  );
  const medians = corpus.map((row) => row.medianMs).sort((a, b) => a - b);
  const worst = corpus.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return {
    named,
    corpus: {
      links: corpus.length,
      p50Ms: medians[Math.floor(medians.length / 2)] ?? Number.NaN,
      worst,
    },
    runs,
    corpusRuns,
  };
}

export function renderLinkDecodeBench(result: LinkDecodeBench): string {
  const row = (t: DecodeTiming) =>
    `${t.medianMs.toFixed(1).padStart(7)} ${t.maxMs.toFixed(1).padStart(7)}  ${String(t.chars).padStart(6)}  ${t.kind.padEnd(9)}  ${t.name}`;
  return [
    `Share-link decoding (median and max of ${result.runs} runs, ms; the machine is shared, so expect noise)`,
    ` median     max   chars  result     link`,
    ...result.named.map(row),
    `${result.corpus.links} hostile links (npm run attack's corpora, ${result.corpusRuns} runs each): p50 ${result.corpus.p50Ms.toFixed(1)} ms; slowest:`,
    row(result.corpus.worst),
    "",
  ].join("\n");
}

// The attack run's share links (issue 17): every link of the large corpora,
// first through the decoder in Node, then opened in Chromium against the built
// site, most under its full headers and every fourth under the page's <meta>
// policy alone, exactly as the bounded test in `npm test` does with the small
// corpora (e2e/hostile.ts does the opening for both).
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type Page } from "@playwright/test";

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../bench/chromium";
import { guardPage, type PageGuard } from "../../e2e/guards";
import {
  formStillEdits,
  installRecorders,
  openHostileLink,
  serveMetaPolicyOnly,
} from "../../e2e/hostile";
import { PRESETS } from "../../lib/scenario/presets";
import { ScenarioSchema } from "../../lib/scenario/schema";
import { attackRunLink } from "../../lib/share/bench";
import { decodeScenario, encodeScenario } from "../../lib/share/codec";
import {
  HOSTILE_KINDS,
  hostileLinks,
  type HostileKind,
  type HostileLink,
} from "../../lib/share/testing/hostile-links";

export interface DecodeCounts {
  links: number;
  byResult: Record<string, number>;
  /** Decoded to a result the link did not allow, or threw, or gave an invalid scenario. */
  wrong: number;
  slowestMs: number;
  slowest: string;
  failures: string[];
}

/** Every link through decodeScenario once: what it made of each, and how long the slowest took. */
export function decodeCorpus(links: readonly HostileLink[]): DecodeCounts {
  const counts: DecodeCounts = {
    links: 0,
    byResult: {},
    wrong: 0,
    slowestMs: 0,
    slowest: "",
    failures: [],
  };
  for (const link of links) {
    counts.links++;
    let problem: string | null = null;
    try {
      const result = decodeScenario(link.payload);
      // The median of three more runs: one run on a shared machine is mostly noise.
      const times = [0, 1, 2].map(() => {
        const start = performance.now();
        decodeScenario(link.payload);
        return performance.now() - start;
      });
      const ms = times.sort((a, b) => a - b)[1] ?? 0;
      if (ms > counts.slowestMs) Object.assign(counts, { slowestMs: ms, slowest: link.name });
      counts.byResult[result.kind] = (counts.byResult[result.kind] ?? 0) + 1;
      if (!link.expect.includes(result.kind)) problem = `decoded as ${result.kind}`;
      else if (!ScenarioSchema.safeParse(result.scenario).success) problem = "an invalid scenario";
      else if (!result.ok && result.problems.length === 0) problem = "a failure without words";
    } catch (error) {
      problem = `threw ${String(error)}`;
    }
    if (problem !== null) {
      counts.wrong++;
      if (counts.failures.length < 50)
        counts.failures.push(`${link.kind}: ${link.name}: ${problem}`);
    }
  }
  return counts;
}

/** What the guards and checks reported, by the first words of each line. */
const CATEGORIES: ReadonlyArray<[string, RegExp]> = [
  ["script executions", /^(injected script ran|dialog opened)/],
  ["page errors", /^uncaught error/],
  ["console errors", /^console error/],
  ["CSP violations", /^CSP violation/],
  ["requests off the origin", /^request outside the origin/],
  ["injected markup", /^(event handler|injected script element|javascript: link|injected <img)/],
  ["answers not shown", /^the page did not show/],
  ["unexpected decodes", /^decoded as/],
];

export interface BrowserCounts {
  opened: { fullHeaders: number; metaPolicyOnly: number };
  problems: Record<string, number>;
  /** Form edits checked after each kind, on both pages. */
  formEdits: { checked: number; worked: number };
  /** Longest main-thread task while a link was applied by a hash change (0: none of 50 ms). */
  longestTaskMs: { hostile: number; hostileLink: string; presets: number; attackRunLink: number };
  failures: string[];
}

interface Tab {
  page: Page;
  guard: PageGuard;
}

async function openTab(browser: Browser, baseURL: string, metaOnly: boolean): Promise<Tab> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  if (metaOnly) await serveMetaPolicyOnly(context);
  const page = await context.newPage();
  const guard = await guardPage(page, new URL(baseURL).origin);
  await installRecorders(page);
  await page.goto("./");
  await page.locator('form[data-hydrated="true"]').waitFor({ state: "attached" });
  return { page, guard };
}

export async function openCorpusInChromium(
  baseURL: string,
  linksByKind: ReadonlyMap<HostileKind, readonly HostileLink[]>,
  log: (line: string) => void,
): Promise<BrowserCounts> {
  const counts: BrowserCounts = {
    opened: { fullHeaders: 0, metaPolicyOnly: 0 },
    problems: Object.fromEntries(CATEGORIES.map(([name]) => [name, 0])),
    formEdits: { checked: 0, worked: 0 },
    longestTaskMs: { hostile: 0, hostileLink: "", presets: 0, attackRunLink: 0 },
    failures: [],
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const full = await openTab(browser, baseURL, false);
    const meta = await openTab(browser, baseURL, true);
    const record = (link: HostileLink, problems: readonly string[]) => {
      for (const line of problems) {
        const category = CATEGORIES.find(([, pattern]) => pattern.test(line))?.[0] ?? "other";
        counts.problems[category] = (counts.problems[category] ?? 0) + 1;
        if (counts.failures.length < 50)
          counts.failures.push(`${link.kind}: ${link.name}: ${line}`);
      }
    };
    // For scale: the same measure for ordinary links (every preset), and the attack run's link.
    for (const preset of PRESETS) {
      const link: HostileLink = {
        kind: "foreign",
        name: preset.id,
        payload: encodeScenario(preset.scenario),
        expect: ["ok"],
      };
      const outcome = await openHostileLink(full.page, full.guard, link, { fresh: false });
      counts.longestTaskMs.presets = Math.max(counts.longestTaskMs.presets, outcome.longestTaskMs);
      record(link, outcome.problems);
    }
    const attack: HostileLink = {
      kind: "oversized",
      name: "the attack run's link",
      payload: attackRunLink(),
      expect: ["too-large"],
    };
    const attackOutcome = await openHostileLink(full.page, full.guard, attack, { fresh: false });
    counts.longestTaskMs.attackRunLink = attackOutcome.longestTaskMs;
    record(attack, attackOutcome.problems);

    for (const [kind, links] of linksByKind) {
      const started = Date.now();
      for (const [i, link] of links.entries()) {
        const tab = i % 4 === 3 ? meta : full;
        const outcome = await openHostileLink(tab.page, tab.guard, link, { fresh: i % 25 === 0 });
        if (tab === meta) counts.opened.metaPolicyOnly++;
        else counts.opened.fullHeaders++;
        if (outcome.longestTaskMs > counts.longestTaskMs.hostile) {
          counts.longestTaskMs.hostile = outcome.longestTaskMs;
          counts.longestTaskMs.hostileLink = `${kind}: ${link.name}`;
        }
        record(link, outcome.problems);
      }
      for (const [tab, name] of [
        [full, "full"],
        [meta, "meta"],
      ] as const) {
        counts.formEdits.checked++;
        if (await formStillEdits(tab.page, `after-${kind}-${name}`)) counts.formEdits.worked++;
        else counts.failures.push(`${kind}: the form did not edit afterwards (${name} headers)`);
      }
      log(`  ${kind}: ${links.length} links in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser.close();
  }
  return counts;
}

/** The large corpora by kind, each cut to `limit` links when given (spread over the kind). */
export function largeCorpora(limit?: number): Map<HostileKind, HostileLink[]> {
  return new Map(
    HOSTILE_KINDS.map((kind) => {
      const links = hostileLinks(kind, "large");
      if (limit === undefined || links.length <= limit) return [kind, links];
      return [
        kind,
        Array.from({ length: limit }, (_, i) => links[Math.floor((i * links.length) / limit)]!),
      ];
    }),
  );
}

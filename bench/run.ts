// `npm run bench` (issues 7 and 14): builds if needed, serves out/ compressed like a
// real static host (scripts/serve.mjs), drives Debian's Chromium, runs Lighthouse,
// times the generators, prints every goal with its figure and whether it is met,
// and writes bench/results/latest.json. Figures live here, never in timed tests;
// CI does not run this.
//
//   BENCH_LOADS=5 BENCH_EDITS=60 BENCH_RUNS=3 BENCH_LIGHTHOUSE_RUNS=3 npm run bench
//   BENCH_SKIP_LIGHTHOUSE=1 skips Lighthouse.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { findPreset } from "@/lib/scenario/presets";
import type { Scenario } from "@/lib/scenario/schema";
import { buildShareLink } from "@/lib/share/codec";
import { ensureBuilt, normaliseBasePath } from "../scripts/ensure-build.mjs";
import { createStaticServer } from "../scripts/serve.mjs";
import { measureBaselinePaint } from "./baseline";
import { DIAGRAM_WIDTHS, measureDiagramText } from "./diagram-text";
import { DECODE_GOAL_MS, measureLinkDecoding } from "./links";
import {
  measureEdits,
  measureFirstEditBeforeCode,
  measurePageLoads,
  type LatencyRun,
} from "./browser";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";
import { measureLinkLoads, type LinkLoadResult } from "./link";
import { runLighthouseSet, type LighthouseSummary } from "./lighthouse";
import { describeMachine, measureMachine } from "./machine";
import { measurePaintParity } from "./paint-parity";
import { kib, ms } from "./stats";
import { measureThroughput } from "./throughput";
import { measureTyping, type TypingResult } from "./typing";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "out");
const resultsDir = path.join(root, "bench", "results");
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** Issue 7's budgets and issue 14's goals. */
const GOALS = {
  firstLoadGzip: 150 * 1024,
  jsUntilDiagramGzip: 500 * 1024,
  firstDiagramMs: 1500,
  fcpRatio: 1.1,
  mobile: 0.98,
  mobileTbt: 100,
  desktop: 0.99,
  linkMobile: 0.95,
  linkTbt: 200,
  linkTextMs: 1000,
  linkTopologyMs: 1500,
  editToTextP95: 16,
  editToDiagramP95: 150,
  typingP95: 200,
  throttledEditToTextP95: 50,
  throttledEditToDiagramP95: 400,
  throttledTypingP95: 100,
  diagramTextPx: 11,
};
/** The CPU slowdown of the throttled rows (Lighthouse's mobile runs use the same). */
const CPU_RATE = 4;

/** Issue 14's shared links: outside clients through an AWS NLB, and three per-zone NLBs. */
const LINKS = [
  { label: "link: AWS NLB", preset: "aws-nlb-internet-facing" },
  { label: "link: 3 zones", preset: "zone-aware-per-zone-nlbs" },
] as const;

interface Row {
  measure: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const section = (title: string): Row => ({ measure: `— ${title}`, value: "", goal: "", met: null });
const info = (measure: string, value: string): Row => ({ measure, value, goal: "", met: null });
const score = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
const sizes = (s: { raw: number; gzip: number; files: number }) =>
  `${kib(s.raw)} / ${kib(s.gzip)} (${s.files} files)`;

function spread(values: number[], format: (value: number) => string): string {
  if (values.length < 2) return "";
  return ` (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

function lighthouseRows(summary: LighthouseSummary, perfGoal: number, tbtGoal?: number): Row[] {
  const scores = summary.runs.map((r) => r.performance ?? 0);
  const tbts = summary.runs.map((r) => r.metrics["total-blocking-time"] ?? 0);
  const n = summary.runs.length;
  const rows: Row[] = [
    {
      measure: `Lighthouse ${summary.formFactor} performance (median of ${n})`,
      value: `${score(summary.performance)}${spread(scores, (v) => v.toFixed(2))}`,
      goal: `≥ ${perfGoal.toFixed(2)}`,
      met: summary.performance >= perfGoal,
    },
  ];
  if (tbtGoal !== undefined || summary.formFactor === "mobile") {
    rows.push({
      measure: `Lighthouse ${summary.formFactor} total blocking time (median of ${n})`,
      value: `${ms(summary.totalBlockingTime)}${spread(tbts, ms)}`,
      goal: tbtGoal === undefined ? "" : `≤ ${tbtGoal} ms`,
      met: tbtGoal === undefined ? null : summary.totalBlockingTime <= tbtGoal,
    });
  }
  return rows;
}

function latencyRows(
  runs: LatencyRun[],
  typing: TypingResult[],
  goals: { text: number; diagram: number; typing: number },
  label: string,
): Row[] {
  const all = (values: number[], goal: number) => values.every((value) => value <= goal);
  const list = (values: number[]) => values.map(ms).join(" / ");
  const text = runs.map((run) => run.editToText.p95);
  const diagram = runs.map((run) => run.editToDiagram.p95);
  const keys = typing.map((run) => run.p95);
  const every = runs.length > 1 ? "every run" : "";
  return [
    {
      measure: `${label}: edit → text outputs p95 (${runs.map((r) => r.editToText.samples).join("+")} edits, per run)`,
      value: list(text),
      goal: `≤ ${goals.text} ms ${every}`.trim(),
      met: all(text, goals.text),
    },
    {
      measure: `${label}: edit → diagram p95 (per run)`,
      value: list(diagram),
      goal: `≤ ${goals.diagram} ms ${every}`.trim(),
      met: all(diagram, goals.diagram),
    },
    {
      measure: `${label}: typing, keystroke → next paint p95 (${typing[0]?.keystrokes ?? 0} keys at 80 ms, per run)`,
      value: list(keys),
      goal: `≤ ${goals.typing} ms ${every}`.trim(),
      met: all(keys, goals.typing),
    },
  ];
}

function linkRows(label: string, loads: LinkLoadResult, lighthouse: LighthouseSummary[]): Row[] {
  const n = loads.runs.length;
  const rows: Row[] = [section(label)];
  for (const summary of lighthouse.filter((s) => s.label === label)) {
    rows.push(
      ...(summary.formFactor === "mobile"
        ? lighthouseRows(summary, GOALS.linkMobile, GOALS.linkTbt)
        : lighthouseRows(summary, GOALS.desktop).map((row) => ({ ...row, goal: "", met: null }))),
    );
  }
  rows.push(
    {
      measure: `text outputs of the linked scenario on screen, desktop (median of ${n})`,
      value: `${ms(loads.medians.textVisible)}${spread(
        loads.runs.map((r) => r.textVisible),
        ms,
      )}`,
      goal: `≤ ${ms(GOALS.linkTextMs)}`,
      met: loads.medians.textVisible <= GOALS.linkTextMs,
    },
    {
      measure: `its topology drawn, desktop (median of ${n})`,
      value: `${ms(loads.medians.topologyDrawn)}${spread(
        loads.runs.map((r) => r.topologyDrawn),
        ms,
      )}`,
      goal: `≤ ${ms(GOALS.linkTopologyMs)}`,
      met: loads.medians.topologyDrawn <= GOALS.linkTopologyMs,
    },
    info(`  its questions editable (median of ${n})`, ms(loads.medians.editable)),
  );
  return rows;
}

function printTable(list: Row[]): void {
  const header: Row = { measure: "measure", value: "value", goal: "goal", met: null };
  const width = (key: "measure" | "value" | "goal") =>
    Math.max(...[header, ...list].map((row) => row[key].length));
  const [m, v, g] = [width("measure"), width("value"), width("goal")];
  const line = (row: Row, mark: string) =>
    `| ${row.measure.padEnd(m)} | ${row.value.padEnd(v)} | ${row.goal.padEnd(g)} | ${mark.padEnd(4)} |`;
  console.log(line(header, "met"));
  console.log(`|${"-".repeat(m + 2)}|${"-".repeat(v + 2)}|${"-".repeat(g + 2)}|------|`);
  for (const row of list) console.log(line(row, row.met === null ? "" : row.met ? "yes" : "NO"));
}

function presetScenario(id: string): Scenario {
  const preset = findPreset(id);
  if (!preset) throw new Error(`preset ${id} is missing`);
  return preset.scenario;
}

async function main(): Promise<void> {
  if (!ensureBuilt()) throw new Error("the build failed");
  const machineBefore = measureMachine();
  console.log(describeMachine("Machine at start", machineBefore));
  const buildInfo = JSON.parse(readFileSync(path.join(outDir, ".build-info.json"), "utf8")) as {
    basePath?: string;
  };
  const basePath = normaliseBasePath(buildInfo.basePath);
  const server = createStaticServer({ dir: outDir, basePath });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${basePath}/`;
  console.log(`Serving out/ (compressed) at ${url}`);
  mkdirSync(resultsDir, { recursive: true });
  const loads = Number(process.env.BENCH_LOADS ?? 5);
  const edits = Math.max(50, Number(process.env.BENCH_EDITS ?? 60));
  const latencyRuns = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const lighthouseRuns = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
  const links = LINKS.map((link) => ({
    ...link,
    scenario: presetScenario(link.preset),
    url: buildShareLink(url, presetScenario(link.preset)),
  }));
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    let results;
    try {
      console.log(`Page loads (${loads})…`);
      const pageLoads = await measurePageLoads(browser, { url, outDir, basePath, loads });
      const baselinePaint = await measureBaselinePaint(browser, loads);
      console.log("First paint beside the same markup without scripts…");
      const parity = await measurePaintParity(browser, { url, outDir, basePath, loads });
      console.log("First edit before the code ran…");
      const earlyEdit = await measureFirstEditBeforeCode(browser, url, loads);
      const earlyEditThrottled = await measureFirstEditBeforeCode(browser, url, loads, CPU_RATE);
      console.log("Shared links…");
      const linkLoads = [];
      for (const link of links) {
        linkLoads.push(
          await measureLinkLoads(browser, { baseUrl: url, scenario: link.scenario, loads }),
        );
      }
      console.log(`Edits and typing, ${latencyRuns} runs without throttling…`);
      const latency: LatencyRun[] = [];
      const typing: TypingResult[] = [];
      for (let run = 0; run < latencyRuns; run++) {
        latency.push(await measureEdits(browser, url, edits));
        typing.push(await measureTyping(browser, url));
      }
      console.log(`Edits and typing at ${CPU_RATE}x CPU slowdown…`);
      const throttled = [await measureEdits(browser, url, edits, CPU_RATE)];
      const throttledTyping = [await measureTyping(browser, url, CPU_RATE)];
      results = {
        pageLoads,
        baselinePaint,
        parity,
        earlyEdit,
        earlyEditThrottled,
        linkLoads,
        latency,
        typing,
        throttled,
        throttledTyping,
      };
    } finally {
      await browser.close();
    }
    const lighthouse =
      process.env.BENCH_SKIP_LIGHTHOUSE === "1"
        ? []
        : await runLighthouseSet(
            [
              { label: "default page", url },
              ...links.map(({ label, url: at }) => ({ label, url: at })),
            ],
            lighthouseRuns,
            resultsDir,
            root,
          );
    console.log("Diagram text sizes…");
    const diagramText = await measureDiagramText(url);
    console.log("Generators…");
    const throughput = measureThroughput("https://example.com/bufstream-wizard/");
    console.log("Share-link decoding…");
    const decoding = measureLinkDecoding();
    const machineAfter = measureMachine();

    const { pageLoads, parity } = results;
    const n = pageLoads.runs.length;
    const table: Row[] = [
      section("default page (/)"),
      info(
        "JS run before any interaction: the inline start-up script / scripts loaded",
        `${pageLoads.startUpScript.raw} B (${pageLoads.startUpScript.gzip} B gzip) / ${sizes(pageLoads.jsRunBeforeUse)}`,
      ),
      {
        measure: "first-load JS: the framework's scripts, run at the first sign of use",
        value: sizes(pageLoads.firstLoad),
        goal: "≤ 150 KiB gzip",
        met: pageLoads.firstLoad.gzip <= GOALS.firstLoadGzip,
      },
      info("  JS fetched by the time the wizard runs", sizes(pageLoads.jsUntilInteractive)),
      {
        measure: "JS fetched by the first diagram",
        value: sizes(pageLoads.jsUntilDiagram),
        goal: "≤ 500 KiB gzip",
        met: pageLoads.jsUntilDiagram.gzip <= GOALS.jsUntilDiagramGzip,
      },
      {
        measure: `first contentful paint beside the same markup without scripts (median of ${parity.loads} pairs)`,
        value: `${ms(parity.page)} vs ${ms(parity.withoutScripts)} (×${parity.ratio.toFixed(2)})`,
        goal: `≤ ×${GOALS.fcpRatio.toFixed(2)}`,
        met: parity.ratio <= GOALS.fcpRatio,
      },
      info(
        `  for scale: first contentful paint, and a one-line page's (median of ${n})`,
        `${ms(pageLoads.medians.firstContentfulPaint)}, ${ms(results.baselinePaint)}`,
      ),
      {
        measure: `first diagram on screen (median of ${n}); values text in the HTML: ${pageLoads.valuesTextInHtml ? "yes" : "NO"}`,
        value: ms(pageLoads.medians.firstDiagram),
        goal: "≤ 1.5 s, text in HTML",
        met: pageLoads.valuesTextInHtml && pageLoads.medians.firstDiagram <= GOALS.firstDiagramMs,
      },
      info(
        `first sign of use (pointer move, after load) → wizard running (median of ${n})`,
        ms(pageLoads.medians.intentToInteractive),
      ),
      info(
        `first edit typed before the code ran → values text updated, 1x / ${CPU_RATE}x CPU (median of ${n})`,
        `${ms(results.earlyEdit)} / ${ms(results.earlyEditThrottled)}`,
      ),
      info(
        `first edit → diagram, cold: loads mermaid (median of ${n})`,
        ms(pageLoads.medians.firstEditToDiagram),
      ),
      {
        measure: "  JS fetched by then",
        value: sizes(pageLoads.jsUntilLiveDiagram),
        goal: "≤ 500 KiB gzip",
        met: pageLoads.jsUntilLiveDiagram.gzip <= GOALS.jsUntilDiagramGzip,
      },
    ];
    for (const summary of lighthouse.filter((s) => s.label === "default page")) {
      table.push(
        ...(summary.formFactor === "mobile"
          ? lighthouseRows(summary, GOALS.mobile, GOALS.mobileTbt)
          : lighthouseRows(summary, GOALS.desktop)),
      );
      const run = summary.medianRun;
      table.push({
        measure: `  Lighthouse ${summary.formFactor} accessibility / best practices (median run)`,
        value: `${score(run.accessibility)} / ${score(run.bestPractices)}`,
        goal: "1.00 / 1.00",
        met: run.accessibility === 1 && run.bestPractices === 1,
      });
    }
    links.forEach((link, i) => {
      const loadsForLink = results.linkLoads[i];
      if (loadsForLink) table.push(...linkRows(link.label, loadsForLink, lighthouse));
    });
    table.push(
      section(`interaction without throttling (${latencyRuns} runs)`),
      ...latencyRows(
        results.latency,
        results.typing,
        { text: GOALS.editToTextP95, diagram: GOALS.editToDiagramP95, typing: GOALS.typingP95 },
        "1x",
      ),
      section(`interaction at ${CPU_RATE}x CPU slowdown (Chrome DevTools Protocol)`),
      ...latencyRows(
        results.throttled,
        results.throttledTyping,
        {
          text: GOALS.throttledEditToTextP95,
          diagram: GOALS.throttledEditToDiagramP95,
          typing: GOALS.throttledTypingP95,
        },
        `${CPU_RATE}x`,
      ),
      section("generators (Node)"),
      info(
        `bundles per second (${throughput.preset}, ${throughput.bundleFiles} files, ${kib(throughput.bundleBytes)})`,
        throughput.bundlesPerSecond.toFixed(0),
      ),
      info("share links decoded per second", throughput.decodesPerSecond.toFixed(0)),
      // Issue 17: hostile links at the caps (bench/links.ts; `npm run bench:links` alone).
      ...[...decoding.named, decoding.corpus.worst].map((row) => ({
        measure: `decode ${row === decoding.corpus.worst ? `slowest of ${decoding.corpus.links} hostile links (${row.name})` : row.name} (median)`,
        value: ms(row.medianMs),
        goal: `≤ ${DECODE_GOAL_MS} ms`,
        met: row.medianMs <= DECODE_GOAL_MS,
      })),
      section("topology drawing (issue 12)"),
      ...DIAGRAM_WIDTHS.map((width) => {
        const smallest = diagramText.smallestPreset[width];
        return {
          measure: `smallest diagram text shown by default, presets at ${width} px (which)`,
          value: smallest === undefined ? "n/a" : `${smallest.px.toFixed(1)} px (${smallest.id})`,
          goal: `≥ ${GOALS.diagramTextPx} px`,
          met: smallest !== undefined && smallest.px >= GOALS.diagramTextPx - 0.01,
        };
      }),
    );
    console.log("");
    console.log(describeMachine("Machine at start", machineBefore));
    console.log(describeMachine("Machine at end  ", machineAfter));
    console.log("");
    printTable(table);
    const met = table.filter((row) => row.met === true).length;
    const missed = table.filter((row) => row.met === false);
    console.log(
      `\nGoals met: ${met} of ${met + missed.length}${missed.length > 0 ? `; not met: ${missed.map((row) => row.measure.trim()).join("; ")}` : ""}`,
    );
    for (const summary of lighthouse) {
      const failing = summary.medianRun.failing;
      if (failing.length === 0) continue;
      console.log(
        `Lighthouse ${summary.label} ${summary.formFactor} (median run), audits below 0.9: ${failing
          .map((audit) => `${audit.id} (${score(audit.score)})`)
          .join(", ")}`,
      );
    }
    console.log(
      `\nShare link length per preset (base https://example.com/bufstream-wizard/): ${Object.entries(
        throughput.linkChars,
      )
        .map(([id, chars]) => `${id} ${chars}`)
        .join(", ")}`,
    );
    for (const width of DIAGRAM_WIDTHS) {
      const shown = Object.entries(diagramText.perWidth[width] ?? {});
      console.log(
        `\nDiagram text shown by default at ${width} px (CSS px): ${shown.map(([id, px]) => `${id} ${px.toFixed(1)}`).join(", ")}`,
      );
    }
    const report = {
      date: new Date().toISOString(),
      machine: { before: machineBefore, after: machineAfter, node: process.version },
      goals: GOALS,
      table,
      results,
      lighthouse,
      throughput,
      decoding,
      diagramText,
    };
    writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(root, path.join(resultsDir, "latest.json"))}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

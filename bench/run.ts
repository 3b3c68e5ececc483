// `npm run bench` (issue 7): builds if needed, serves out/ compressed like a real
// static host (scripts/serve.mjs), drives Debian's Chromium, runs Lighthouse, times
// the generators, prints a table and writes bench/results/latest.json.
// Figures live here, never in timed tests; CI does not run this.
//
//   BENCH_LOADS=5 BENCH_EDITS=60 BENCH_SKIP_LIGHTHOUSE=1 npm run bench
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, normaliseBasePath } from "../scripts/ensure-build.mjs";
import { createStaticServer } from "../scripts/serve.mjs";
import { measureInBrowser, type BrowserResults } from "./browser";
import { DECODE_GOAL_MS, measureLinkDecoding } from "./links";
import { DIAGRAM_WIDTHS, measureDiagramText, type DiagramTextSizes } from "./diagram-text";
import { runLighthouse, type LighthouseScores } from "./lighthouse";
import { kib, ms } from "./stats";
import { measureThroughput, type Throughput } from "./throughput";
import type { LinkDecodeBench } from "@/lib/share/bench";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "out");
const resultsDir = path.join(root, "bench", "results");
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** Issue 7's goals. */
const GOALS = {
  firstLoadGzip: 150 * 1024,
  jsUntilDiagramGzip: 500 * 1024,
  firstDiagramMs: 1500,
  editToTextP95: 16,
  editToDiagramP95: 150,
  lighthouseMobile: 0.9,
  lighthouseDesktop: 0.98,
  diagramTextPx: 11,
};

interface Row {
  measure: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const score = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));

function rows(
  browser: BrowserResults,
  lighthouse: LighthouseScores[],
  throughput: Throughput,
  decoding: LinkDecodeBench,
  diagramText: DiagramTextSizes,
): Row[] {
  const list: Row[] = [
    {
      measure: "first-load JS of / (raw / gzip)",
      value: `${kib(browser.firstLoad.raw)} / ${kib(browser.firstLoad.gzip)} (${browser.firstLoad.files} files)`,
      goal: "≤ 150 KiB gzip",
      met: browser.firstLoad.gzip <= GOALS.firstLoadGzip,
    },
    {
      measure: "JS fetched by the first diagram (raw / gzip)",
      value: `${kib(browser.jsUntilDiagram.raw)} / ${kib(browser.jsUntilDiagram.gzip)} (${browser.jsUntilDiagram.files} files)`,
      goal: "≤ 500 KiB gzip",
      met: browser.jsUntilDiagram.gzip <= GOALS.jsUntilDiagramGzip,
    },
    {
      measure: `first contentful paint (median of ${browser.runs.length}); values text in the HTML: ${browser.valuesTextInHtml ? "yes" : "NO"}`,
      value: ms(browser.medians.firstContentfulPaint),
      goal: "values text ≤ 0.5 s",
      met: browser.valuesTextInHtml && browser.medians.firstContentfulPaint <= 500,
    },
    {
      measure: `  for scale: a one-line page's first paint here (median of ${browser.runs.length})`,
      value: ms(browser.baselinePaint),
      goal: "",
      met: null,
    },
    {
      measure: `form interactive (median of ${browser.runs.length})`,
      value: ms(browser.medians.formInteractive),
      goal: "",
      met: null,
    },
    {
      measure: "JS fetched by the time the form is interactive (raw / gzip)",
      value: `${kib(browser.jsUntilInteractive.raw)} / ${kib(browser.jsUntilInteractive.gzip)} (${browser.jsUntilInteractive.files} files)`,
      goal: "",
      met: null,
    },
    {
      measure: `first diagram drawn (median of ${browser.runs.length})`,
      value: ms(browser.medians.firstDiagram),
      goal: "≤ 1.5 s",
      met: browser.medians.firstDiagram <= GOALS.firstDiagramMs,
    },
    {
      measure: `first edit → diagram, cold: loads mermaid (median of ${browser.runs.length})`,
      value: ms(browser.medians.firstEditToDiagram),
      goal: "",
      met: null,
    },
    {
      measure: "JS fetched by then (raw / gzip)",
      value: `${kib(browser.jsUntilLiveDiagram.raw)} / ${kib(browser.jsUntilLiveDiagram.gzip)} (${browser.jsUntilLiveDiagram.files} files)`,
      // The issue's budget for JS by the first diagram, held to mermaid's drawing too.
      goal: "≤ 500 KiB gzip",
      met: browser.jsUntilLiveDiagram.gzip <= GOALS.jsUntilDiagramGzip,
    },
    {
      measure: `edit → text outputs p50 / p95 (${browser.editToText.samples} edits)`,
      value: `${ms(browser.editToText.p50)} / ${ms(browser.editToText.p95)}`,
      goal: "p95 ≤ 16 ms",
      met: browser.editToText.p95 <= GOALS.editToTextP95,
    },
    {
      measure: `edit → diagram p50 / p95 (${browser.editToDiagram.samples} edits)`,
      value: `${ms(browser.editToDiagram.p50)} / ${ms(browser.editToDiagram.p95)}`,
      goal: "p95 ≤ 150 ms",
      met: browser.editToDiagram.p95 <= GOALS.editToDiagramP95,
    },
    {
      measure: `typing (${browser.typing.keystrokes} keys at 80 ms): keystroke → next paint p50 / p95 / max`,
      value: `${ms(browser.typing.p50)} / ${ms(browser.typing.p95)} / ${ms(browser.typing.max)}`,
      // INP's own threshold for a good interaction.
      goal: "p95 ≤ 200 ms (INP good)",
      met: browser.typing.p95 <= 200,
    },
  ];
  for (const width of DIAGRAM_WIDTHS) {
    const smallest = diagramText.smallestPreset[width];
    list.push({
      measure: `smallest diagram text shown by default, presets at ${width} px (which)`,
      value: smallest === undefined ? "n/a" : `${smallest.px.toFixed(1)} px (${smallest.id})`,
      goal: `≥ ${GOALS.diagramTextPx} px`,
      met: smallest !== undefined && smallest.px >= GOALS.diagramTextPx - 0.01,
    });
  }
  for (const result of lighthouse) {
    const perfGoal =
      result.formFactor === "mobile" ? GOALS.lighthouseMobile : GOALS.lighthouseDesktop;
    list.push({
      measure: `Lighthouse ${result.formFactor}: performance / accessibility / best practices`,
      value: `${score(result.performance)} / ${score(result.accessibility)} / ${score(result.bestPractices)}`,
      goal: `≥ ${perfGoal} / 1.00 / 1.00`,
      met:
        (result.performance ?? 0) >= perfGoal &&
        result.accessibility === 1 &&
        result.bestPractices === 1,
    });
  }
  list.push(
    {
      measure: `bundles per second (${throughput.preset}, ${throughput.bundleFiles} files, ${kib(throughput.bundleBytes)})`,
      value: throughput.bundlesPerSecond.toFixed(0),
      goal: "",
      met: null,
    },
    {
      measure: "share links decoded per second",
      value: throughput.decodesPerSecond.toFixed(0),
      goal: "",
      met: null,
    },
  );
  // Issue 17: hostile links at the caps (bench/links.ts; `npm run bench:links` alone).
  for (const row of [...decoding.named, decoding.corpus.worst]) {
    list.push({
      measure: `decode ${row === decoding.corpus.worst ? `slowest of ${decoding.corpus.links} hostile links (${row.name})` : row.name} (median)`,
      value: ms(row.medianMs),
      goal: `≤ ${DECODE_GOAL_MS} ms`,
      met: row.medianMs <= DECODE_GOAL_MS,
    });
  }
  return list;
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

async function main(): Promise<void> {
  if (!ensureBuilt()) throw new Error("the build failed");
  const info = JSON.parse(readFileSync(path.join(outDir, ".build-info.json"), "utf8")) as {
    basePath?: string;
  };
  const basePath = normaliseBasePath(info.basePath);
  const server = createStaticServer({ dir: outDir, basePath });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${basePath}/`;
  console.log(`Serving out/ (compressed) at ${url}`);
  mkdirSync(resultsDir, { recursive: true });
  try {
    const loads = Number(process.env.BENCH_LOADS ?? 5);
    const edits = Math.max(50, Number(process.env.BENCH_EDITS ?? 60));
    console.log(`Browser: ${loads} page loads, ${edits} edits…`);
    const browser = await measureInBrowser({ url, outDir, basePath, loads, edits });
    const lighthouse: LighthouseScores[] = [];
    if (process.env.BENCH_SKIP_LIGHTHOUSE !== "1") {
      for (const formFactor of ["mobile", "desktop"] as const) {
        console.log(`Lighthouse (${formFactor})…`);
        lighthouse.push(await runLighthouse(url, formFactor, resultsDir, root));
      }
    }
    console.log("Diagram text sizes…");
    const diagramText = await measureDiagramText(url);
    console.log("Generators…");
    const throughput = measureThroughput("https://example.com/bufstream-wizard/");
    console.log("Share-link decoding…");
    const decoding = measureLinkDecoding();
    const table = rows(browser, lighthouse, throughput, decoding, diagramText);
    console.log("");
    printTable(table);
    for (const result of lighthouse) {
      if (result.failing.length === 0) continue;
      console.log(
        `\nLighthouse ${result.formFactor}, audits below 0.9: ${result.failing
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
      const sizes = Object.entries(diagramText.perWidth[width] ?? {});
      console.log(
        `\nDiagram text shown by default at ${width} px (CSS px): ${sizes.map(([id, px]) => `${id} ${px.toFixed(1)}`).join(", ")}`,
      );
    }
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
      goals: GOALS,
      table,
      browser,
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

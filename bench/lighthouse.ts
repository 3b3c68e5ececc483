// Lighthouse scores for mobile (its defaults: simulated slow 4G, 4x CPU slowdown)
// and desktop, in Debian's Chromium (STACK.md: lighthouse 12.2.3 with CHROME_PATH).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";

export interface LighthouseScores {
  formFactor: "mobile" | "desktop";
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** Key metrics in ms (CLS unitless), for the notes. */
  metrics: Record<string, number | null>;
  /** Audits that lost points, for the notes: id and score. */
  failing: { id: string; score: number | null; title: string }[];
}

interface LighthouseAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
}
interface LighthouseReport {
  /** Set when the page could not be measured at all (e.g. NO_NAVSTART). */
  runtimeError?: { code: string; message?: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LighthouseAudit>;
}

const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "interactive",
];

export async function runLighthouse(
  url: string,
  formFactor: "mobile" | "desktop",
  resultsDir: string,
  root: string,
  label = "default",
): Promise<LighthouseScores> {
  const output = path.join(resultsDir, `lighthouse-${label}-${formFactor}.json`);
  const args = [
    path.join(root, "node_modules", "lighthouse", "cli", "index.js"),
    url,
    "--output=json",
    `--output-path=${output}`,
    "--only-categories=performance,accessibility,best-practices",
    `--chrome-flags=${CHROMIUM_FLAGS.join(" ")}`,
    "--quiet",
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`lighthouse (${formFactor}) exited with ${code}`)),
    );
  });
  const report = JSON.parse(readFileSync(output, "utf8")) as LighthouseReport;
  if (report.runtimeError !== undefined) {
    throw new Error(`lighthouse (${formFactor}): ${report.runtimeError.code}`);
  }
  const score = (id: string) => report.categories[id]?.score ?? null;
  const failing = Object.values(report.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .map((ref) => report.audits[ref.id])
    .filter(
      (audit): audit is LighthouseAudit =>
        audit !== undefined &&
        audit.scoreDisplayMode !== "notApplicable" &&
        audit.score !== null &&
        audit.score < 0.9,
    )
    .map(({ id, score: auditScore, title }) => ({ id, score: auditScore, title }));
  return {
    formFactor,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    metrics: Object.fromEntries(METRICS.map((id) => [id, report.audits[id]?.numericValue ?? null])),
    failing,
  };
}

export interface LighthousePage {
  label: string;
  url: string;
}

export interface LighthouseSummary {
  label: string;
  formFactor: "mobile" | "desktop";
  runs: LighthouseScores[];
  /** Medians over the runs (performance score; total blocking time in ms). */
  performance: number;
  totalBlockingTime: number;
  /** The run with the median performance score, for its metrics and failing audits. */
  medianRun: LighthouseScores;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Lighthouse runs that fail outright, before the bench gives up on one. */
const LIGHTHOUSE_ATTEMPTS = 3;

/**
 * Retries a Lighthouse run that failed (on a loaded machine Chromium sometimes
 * reports no navigation start, NO_NAVSTART), rather than losing the whole
 * bench's figures to one run; a failure that repeats still stops the bench.
 */
async function withRetry<T>(run: () => Promise<T>, what: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= LIGHTHOUSE_ATTEMPTS) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      console.log(
        `${what} failed (${reason}); trying again (${attempt + 1}/${LIGHTHOUSE_ATTEMPTS})…`,
      );
    }
  }
}

/**
 * Every page in both form factors, `runs` times, round-robin (so a burst of
 * machine load hits every page alike rather than one), summarised by medians.
 */
export async function runLighthouseSet(
  pages: readonly LighthousePage[],
  runs: number,
  resultsDir: string,
  root: string,
): Promise<LighthouseSummary[]> {
  const formFactors = ["mobile", "desktop"] as const;
  const collected = new Map<string, LighthouseScores[]>();
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      for (const formFactor of formFactors) {
        console.log(`Lighthouse ${page.label} ${formFactor} (${run + 1}/${runs})…`);
        const result = await withRetry(
          () => runLighthouse(page.url, formFactor, resultsDir, root, page.label),
          `Lighthouse ${page.label} ${formFactor}`,
        );
        const key = `${page.label}|${formFactor}`;
        collected.set(key, [...(collected.get(key) ?? []), result]);
      }
    }
  }
  return pages.flatMap((page) =>
    formFactors.map((formFactor) => {
      const list = collected.get(`${page.label}|${formFactor}`) ?? [];
      const performance = medianOf(list.map((r) => r.performance ?? 0));
      const byScore = [...list].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
      const medianRun = byScore[Math.floor((byScore.length - 1) / 2)];
      if (medianRun === undefined) throw new Error("no Lighthouse runs");
      return {
        label: page.label,
        formFactor,
        runs: list,
        performance,
        totalBlockingTime: medianOf(list.map((r) => r.metrics["total-blocking-time"] ?? 0)),
        medianRun,
      };
    }),
  );
}

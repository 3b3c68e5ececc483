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
): Promise<LighthouseScores> {
  const output = path.join(resultsDir, `lighthouse-${formFactor}.json`);
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

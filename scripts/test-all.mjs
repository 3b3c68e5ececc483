#!/usr/bin/env node
// `npm test`: the one gate (STYLE.md habit 12). Runs, in order and stopping at the
// first failure: typecheck, lint, format check, unit tests, build, Playwright.
// Always ends with a summary and, alone on the last line, `N passed, N failed`
// (STACK.md trap 11): tests from vitest and Playwright, plus any step that failed
// without a failing test to show for it (a type error, a crashed runner).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const reports = path.join(root, ".test-reports");
const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0"),
};

const CHROMIUM = "/usr/bin/chromium";
// golang-go: the client kit's franz-go snippets are compiled (lib/clients/snippets-compile.test.ts).
const APT_PACKAGES = ["chromium", "shellcheck", "yamllint", "golang-go"];

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Chromium (Playwright), shellcheck, yamllint and Go (generated files) come from Debian. */
function ensureTools() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  if (!onPath("shellcheck")) missing.push("shellcheck");
  if (!onPath("yamllint")) missing.push("yamllint");
  if (!onPath("go")) missing.push("golang-go");
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && onPath("apt-get")) {
    console.log(`\n▶ installing ${missing.join(", ")} with apt-get`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
    const steps = [
      ["apt-get", ["update"]],
      ["apt-get", ["install", "-y", "--no-install-recommends", ...APT_PACKAGES]],
    ];
    for (const [command, args] of steps) {
      if (spawnSync(command, args, { stdio: "inherit", env: aptEnv }).status !== 0) return false;
    }
    return existsSync(CHROMIUM) && onPath("shellcheck") && onPath("yamllint") && onPath("go");
  }
  console.error(
    [
      "",
      `npm test needs ${missing.join(", ")}, which are not installed.`,
      "On Debian or Ubuntu, as root:",
      `  apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`,
      "Elsewhere: install Chromium so that it is at /usr/bin/chromium (or link it there),",
      "shellcheck (https://www.shellcheck.net), yamllint (pip install yamllint) and Go 1.19 or",
      "newer (https://go.dev/dl/).",
    ].join("\n"),
  );
  return false;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Counts from vitest's JSON reporter. */
function vitestCounts() {
  const report = readJson(vitestReport);
  if (!report) return undefined;
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

/** Counts from Playwright's JSON reporter; a test that passed on retry counts as passed. */
function playwrightCounts() {
  const report = readJson(playwrightReport);
  if (!report?.stats) return undefined;
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  return { passed: expected + flaky, failed: unexpected, flaky };
}

const steps = [
  { name: "tools", run: () => (ensureTools() ? 0 : 1) },
  {
    name: "dependencies",
    run: () => {
      if (existsSync(path.join(root, "node_modules", ".bin", "next"))) return 0;
      console.error("node_modules is missing: run `npm ci` (or `npm install`) first.");
      return 1;
    },
  },
  { name: "typecheck", command: ["tsc", "--noEmit"] },
  { name: "lint", command: ["eslint", "--max-warnings=0", "."] },
  { name: "format", command: ["prettier", "--check", "."] },
  {
    name: "unit tests",
    command: [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ],
    counts: vitestCounts,
  },
  { name: "build", command: ["npm", "run", "build"] },
  {
    name: "e2e tests",
    command: ["playwright", "test", "--reporter=list,json"],
    extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    counts: playwrightCounts,
  },
];

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];
let stopped = false;
const started = Date.now();
for (const step of steps) {
  if (stopped) {
    results.push({ name: step.name, status: "not run" });
    continue;
  }
  console.log(`\n▶ ${step.name}${step.command ? `: ${step.command.join(" ")}` : ""}`);
  const begin = Date.now();
  let code;
  if (step.command) {
    const [command, ...args] = step.command;
    const child = spawnSync(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...env, ...step.extraEnv },
    });
    code = child.error ? 1 : (child.status ?? 1);
    if (child.error) console.error(`could not run ${command}: ${child.error.message}`);
  } else {
    code = step.run();
  }
  const counts = step.counts?.();
  results.push({
    name: step.name,
    status: code === 0 ? "ok" : "FAILED",
    ms: Date.now() - begin,
    counts,
  });
  if (code !== 0) stopped = true;
}

let passed = 0;
let failed = 0;
console.log("\n── npm test summary ──");
for (const result of results) {
  const tests = result.counts
    ? `  (${result.counts.passed} passed, ${result.counts.failed} failed${result.counts.flaky ? `, ${result.counts.flaky} flaky` : ""})`
    : "";
  const time = result.ms === undefined ? "" : `  ${formatSeconds(result.ms)}`;
  console.log(`${result.status.padEnd(8)} ${result.name.padEnd(13)}${time}${tests}`);
  if (result.counts) {
    passed += result.counts.passed;
    failed += result.counts.failed;
  }
  // A failed step with no failing test to show for it still counts as a failure.
  if (result.status === "FAILED" && !(result.counts && result.counts.failed > 0)) failed += 1;
}
console.log(`total ${formatSeconds(Date.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && !stopped ? 0 : 1);

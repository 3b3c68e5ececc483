// The CLI exactly as README.md shows it. Every command of the README's CLI
// section is read out of README.md (so a new one cannot escape this test) and
// run as written, through npm or npx, in a clean copy of the repository (the
// files git tracks or would track, with node_modules linked), from the
// directory a user would run them in, with the README's example scenario as
// scenario.json. Asserted: standard output is only the documented output
// (--check: one JSON finding per line; --print-link: the link; --out: nothing),
// exit statuses as documented, no browser started (a Chromium stand-in on
// PATH and in CHROMIUM_PATH/CHROME_PATH records any start), and `git status`
// of the copy shows nothing but the scenario file and the output directories
// the commands name.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildBundle } from "../lib/bundle/build-bundle";
import { checkTopology } from "../lib/check/check-topology";
import { decodeScenario } from "../lib/share/codec";
import { restoreScenario } from "../lib/share/restore";
import { GENERATOR_VERSION } from "../lib/version";
import { expectedFiles, readWritten } from "./test-helpers";
import { checkImportedValues } from "../lib/import/check-values";
import { buildCorrectedBundle } from "../lib/import/corrected-bundle";
import { importValues, type ImportedValues } from "../lib/import/import-values";
import type { Answers } from "../lib/import/read-scenario";
import { diffText, valuesFindingJson } from "./values-input";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The text of one `## ` section of README.md. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`README.md has no section ${heading}`);
  const end = README.indexOf("\n## ", start + heading.length + 4);
  return README.slice(start, end === -1 ? undefined : end);
}

const fenced = (text: string, language: string) =>
  [...text.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map(
    (m) => m[1] ?? "",
  );

const CLI = section("The CLI");
/** Every non-comment line of every sh block of the CLI section: each is one command. */
const COMMANDS = fenced(CLI, "sh")
  .flatMap((block) => block.split("\n"))
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const [SCENARIO_JSON = ""] = fenced(CLI, "json");
/** The values file the `--values` commands read (what `helm get values` printed). */
const [VALUES_YAML = ""] = fenced(CLI, "yaml");
const VALUES_FILE = "bufstream-values.yaml";

/** Words after `--name` in a command line (quotes removed). */
function option(command: string, name: string): string | undefined {
  const match = new RegExp(`--${name} ('[^']*'|\\S+)`).exec(command);
  return match?.[1]?.replace(/^'|'$/g, "");
}

const CHROMIUM_STUB = `#!/usr/bin/env bash
echo "$0 $*" >> "$BROWSER_LOG"
exit 1
`;

let copy = "";
let stubs = "";
let browserLog = "";

/** A clean copy: what a fresh clone of this working tree holds, committed, plus node_modules. */
function cleanCopy(into: string): void {
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  for (const file of listed.stdout
    .split("\0")
    .filter((f) => f !== "" && existsSync(join(ROOT, f)))) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(into, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(into, "node_modules"), "dir");
  const git = (...args: string[]) =>
    spawnSync("git", args, {
      cwd: into,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
    });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=t@example", "-c", "user.name=t", "commit", "-qm", "clean copy");
}

function gitStatus(): string[] {
  const result = spawnSync("git", ["status", "--porcelain", "--untracked-files=normal"], {
    cwd: copy,
    encoding: "utf8",
  });
  return result.stdout.split("\n").filter((line) => line !== "");
}

function runReadmeCommand(command: string) {
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", command], {
    cwd: copy,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      // As from a user's shell, not from inside this test run: none of the outer
      // npm's npm_* variables (an inherited npm_config_loglevel=silent would hide
      // npm's banner from this test).
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
      NODE_ENV: "test",
      PATH: `${stubs}:${process.env.PATH ?? ""}`,
      CHROMIUM_PATH: join(stubs, "chromium"),
      CHROME_PATH: join(stubs, "chromium"),
      BROWSER_LOG: browserLog,
      // Nothing is fetched: no update check, no telemetry.
      npm_config_update_notifier: "false",
      BUFSTREAM_WIZARD_URL: undefined,
      NEXT_TELEMETRY_DISABLED: "1",
      INIT_CWD: undefined,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "readme-cli-"));
  copy = join(root, "repo");
  stubs = join(root, "stubs");
  browserLog = join(root, "browser.log");
  mkdirSync(copy);
  mkdirSync(stubs);
  writeFileSync(browserLog, "");
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    writeFileSync(join(stubs, name), CHROMIUM_STUB);
    chmodSync(join(stubs, name), 0o755);
  }
  cleanCopy(copy);
  writeFileSync(join(copy, "scenario.json"), SCENARIO_JSON);
  writeFileSync(join(copy, VALUES_FILE), VALUES_YAML);
}, 120_000);

afterAll(() => {
  if (copy !== "") rmSync(dirname(copy), { recursive: true, force: true });
});

describe("README.md's CLI section", () => {
  it("shows every way to run the CLI, and no CLI command hides elsewhere in README.md", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(5);
    for (const command of COMMANDS)
      expect(command).toMatch(/^(npm run --silent render -- |npx bufstream-wizard render )/);
    const outside = fenced(README.replace(CLI, ""), "sh").join("\n");
    expect(outside).not.toMatch(/\brender\b|bufstream-wizard render/);
  });

  it("its example scenario is valid and has no error finding; its link carries the same scenario", () => {
    const restored = restoreScenario(JSON.parse(SCENARIO_JSON), { strict: true });
    expect(restored.ok).toBe(true);
    expect(checkTopology(restored.scenario).filter((f) => f.severity === "error")).toEqual([]);
    const link = COMMANDS.map((c) => option(c, "link")).find((l) => l !== undefined) ?? "";
    expect(decodeScenario(link)).toEqual({
      ok: true,
      kind: "ok",
      scenario: restored.scenario,
      notes: [],
    });
  });

  it("no npm lifecycle hook runs around render (a `prerender` once started Chromium)", () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(Object.keys(scripts).filter((name) => /^(pre|post)render$/.test(name))).toEqual([]);
  });

  it("every command runs as written: documented output only, documented exit status, no browser, git status clean", () => {
    const scenario = restoreScenario(JSON.parse(SCENARIO_JSON), { strict: true }).scenario;
    const outputs: string[] = [];
    for (const command of COMMANDS) {
      const result = runReadmeCommand(command);
      const out = option(command, "out");
      const link = option(command, "link");
      const context = `${command}\nstderr: ${result.stderr}`;
      if (command.includes("--values")) {
        if (out !== undefined) outputs.push(out);
        checkValuesCommand(command, result, context);
        continue;
      }
      if (command.includes("--check")) {
        // Exit 1 only when a finding is an error (the README's scenario has none).
        const findings = checkTopology(scenario);
        expect(result.status, context).toBe(findings.some((f) => f.severity === "error") ? 1 : 0);
        const lines = result.stdout.trimEnd().split("\n");
        const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(parsed, context).toEqual(
          findings.map(({ id, severity, message, fix, fields }) => ({
            id,
            severity,
            message,
            fix,
            fields,
          })),
        );
        expect(result.stderr, context).toBe("");
      } else if (command.includes("--print-link")) {
        expect(result.status, context).toBe(0);
        expect(result.stdout, context).toMatch(
          /^https:\/\/wizard\.example\/s\/[a-z0-9-]+\/#v1\.[A-Za-z0-9_-]+\n$/,
        );
        expect(decodeScenario(result.stdout.trim()).scenario).toEqual(scenario);
        expect(result.stderr, context).toBe("");
      } else {
        expect(out, context).toBeDefined();
        expect(result.status, context).toBe(0);
        // --out prints nothing on standard output; its one line goes to standard error.
        expect(result.stdout, context).toBe("");
        expect(result.stderr, context).toMatch(/^wrote \d+ files to \S+\n$/);
        const dir = join(copy, out ?? "");
        const expectedScenario = link === undefined ? scenario : decodeScenario(link).scenario;
        const written = readWritten(dir);
        // The bundle's README carries the share link: the --link's own address, else
        // (no --base-url in these commands) where `npm start` serves the wizard.
        const readme = written.find((f) => f.name === "README.md")?.bytes.toString("utf8") ?? "";
        const shareLink = /Open this scenario in the wizard: <([^>]+)>/.exec(readme)?.[1] ?? "";
        // The kind's page sits under that root (lib/share/link-kind.ts), never nested.
        expect(shareLink, context).toMatch(
          link === undefined
            ? /^http:\/\/localhost:3000\/s\/[a-z0-9-]+\/#v1\./
            : /^https:\/\/wizard\.example\/s\/[a-z0-9-]+\/#v1\./,
        );
        expect(decodeScenario(shareLink).scenario).toEqual(expectedScenario);
        expect(written).toEqual(
          expectedFiles(
            buildBundle(expectedScenario, { generatorVersion: GENERATOR_VERSION, shareLink }),
          ),
        );
        outputs.push(out ?? "");
      }
    }
    expect(readFileSync(browserLog, "utf8")).toBe("");
    // The input files and the directories the commands write are there, and
    // .gitignore covers them: following the README leaves `git status` clean.
    const written = ["scenario.json", ...(VALUES_YAML === "" ? [] : [VALUES_FILE]), ...outputs];
    for (const path of written) expect(existsSync(join(copy, path)), path).toBe(true);
    expect(gitStatus()).toEqual([]);
    for (const path of written) rmSync(join(copy, path), { recursive: true, force: true });
    expect(gitStatus()).toEqual([]);
  }, 300_000);
});

/**
 * A `--values` command (issue 15): what it prints is what lib/import gives for
 * the README's values file, with the answers the command passes. Standard
 * error holds only the CLI's notes, questions and warnings (and the one line
 * `--out` writes).
 */
function checkValuesCommand(
  command: string,
  result: { status: number | null; stdout: string; stderr: string },
  context: string,
): void {
  const answer = option(command, "answer");
  const at = answer?.indexOf("=") ?? -1;
  const answers: Answers =
    answer === undefined || at < 0 ? {} : { [answer.slice(0, at)]: answer.slice(at + 1) };
  const read = importValues([{ name: VALUES_FILE, text: VALUES_YAML }], answers);
  if (!read.ok)
    throw new Error(`the README's values file must import: ${JSON.stringify(read.errors)}`);
  const imported: ImportedValues = read.imported;
  const s = imported.read.scenario;
  const stderr = result.stderr.trimEnd().split("\n").filter(Boolean);
  if (command.includes("--check")) {
    const values = checkImportedValues(imported, s, answers);
    const topology = checkTopology(s);
    const errors = [...values, ...topology].some((f) => f.severity === "error");
    expect(result.status, context).toBe(errors ? 1 : 0);
    expect(result.stdout, context).toBe(
      [
        ...values.map(valuesFindingJson),
        ...topology.map(({ id, severity, message, fix, fields }) =>
          JSON.stringify({ id, severity, message, fix, fields }),
        ),
      ]
        .map((line) => `${line}\n`)
        .join(""),
    );
    for (const line of stderr) expect(line, context).toMatch(/^(note|question): /);
  } else if (command.includes("--diff")) {
    expect(result.status, context).toBe(0);
    expect(result.stdout, context).toBe(diffText(imported, s));
    for (const line of stderr) expect(line, context).toMatch(/^(note|question|warning|error): /);
  } else {
    const out = option(command, "out") ?? "";
    // Written, but exit 1 with the reasons after the "wrote" line when the
    // clients would still fail with these files.
    const failing = checkTopology(s).filter((f) => f.severity === "error");
    expect(result.status, context).toBe(failing.length > 0 ? 1 : 0);
    expect(result.stdout, context).toBe("");
    const wrote = stderr.findIndex((line) => /^wrote \d+ files to \S+$/.test(line));
    expect(wrote, context).toBeGreaterThanOrEqual(0);
    for (const line of stderr.slice(0, wrote))
      expect(line, context).toMatch(/^(note|question|warning|error): /);
    expect(stderr.slice(wrote + 1), context).toEqual(
      failing.length === 0
        ? []
        : [
            ...failing.map((f) => `error: ${f.message} Fix: ${f.fix}`),
            expect.stringMatching(/^These files will not work as configured/),
          ],
    );
    const written = readWritten(join(copy, out));
    const readme = written.find((f) => f.name === "README.md")?.bytes.toString("utf8") ?? "";
    const shareLink = /Open this scenario in the wizard: <([^>]+)>/.exec(readme)?.[1] ?? "";
    expect(shareLink, context).toMatch(/^http:\/\/localhost:3000\/s\/[a-z0-9-]+\/#v1\./);
    expect(decodeScenario(shareLink).scenario).toEqual(s);
    expect(written).toEqual(
      expectedFiles(
        buildCorrectedBundle(imported, s, { generatorVersion: GENERATOR_VERSION, shareLink }),
      ),
    );
  }
}

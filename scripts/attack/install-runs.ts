// Hostile scenarios' install.sh, run for real against stub commands (issue 17).
// kubectl, helm and the cloud CLIs are stubs that log their arguments; `pwned`
// is a canary that SHELL_STRINGS call in every way a shell could be tricked
// into running a word; PATH holds nothing else but a few harmless coreutils, so
// a stray command fails as "command not found" instead of running. Then every
// distinct script goes through shellcheck in one run.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { buildBundle, INSTALL_SCRIPT } from "../../lib/bundle/build-bundle";
import { SHELLCHECK, hasShellcheck } from "../../lib/bundle/linters";
import type { Scenario } from "../../lib/scenario/schema";
import type { HostileScenario } from "./scenarios";

/** Commands the scripts call that are stubbed: they log their arguments and succeed. */
const STUBS = ["kubectl", "helm", "aws", "gcloud", "az"];
/** Real commands the scripts may use; none of them runs a word it is given. */
const REAL = [
  "dirname",
  "seq",
  "cat",
  "grep",
  "sed",
  "head",
  "tail",
  "tr",
  "wc",
  "sort",
  "cut",
  "mktemp",
  "base64",
  "date",
  "env",
];

export interface InstallCounts {
  /** Distinct install.sh files run (a field a base does not write gives its base's script). */
  runs: number;
  /** Runs in which the canary ran: an injected command. */
  injected: number;
  /** Runs that failed: non-zero exit, or a command that is neither stubbed nor allowed. */
  failed: number;
  /** Runs whose hostile text reached a command's arguments whole. */
  textReachedCommands: number;
  /**
   * shellcheck at style severity over every script run. SC2016 ("expressions
   * don't expand in single quotes") is counted apart: it fires on a hostile
   * value such as `https://x/$(pwned)` passed in single quotes, which is the
   * point; anything else is a finding.
   */
  shellcheck: { ran: boolean; findings: string[]; literalDollarNotes: number };
  failures: string[];
}

/** A directory of stubs for PATH; `remove` deletes it. */
export function makeStubs(): { dir: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "attack-stubs-"));
  const dir = path.join(root, "bin");
  writeStubs(dir);
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function writeStubs(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const log = `printf '%s\\0' "\${0##*/}" "$@" >> "$STUB_LOG"; printf '\\036' >> "$STUB_LOG"`;
  for (const name of STUBS) {
    // Load balancers have an address at once, so no script waits.
    const answer =
      name === "kubectl" ? `case "$*" in *jsonpath*) echo lb.attack.internal ;; esac` : "true";
    writeFileSync(path.join(dir, name), `#!/bin/bash\n${log}\n${answer}\nexit 0\n`);
    chmodSync(path.join(dir, name), 0o755);
  }
  writeFileSync(path.join(dir, "pwned"), `#!/bin/bash\nprintf '%s\\n' "pwned $*" >> "$CANARY"\n`);
  writeFileSync(path.join(dir, "sleep"), "#!/bin/bash\nexit 0\n");
  chmodSync(path.join(dir, "pwned"), 0o755);
  chmodSync(path.join(dir, "sleep"), 0o755);
  for (const name of REAL) symlinkSync(`/usr/bin/${name}`, path.join(dir, name));
}

/**
 * Variables the script requires (`${NAME:?…}`), set to placeholders. Optional
 * ones (`${NAME:-}`) stay unset, as for a user who sets none: a placeholder
 * there would name a base values file or a preview mode that does not exist.
 */
function scriptEnv(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of script.matchAll(/\$\{([A-Z][A-Z0-9_]*):\?/g)) {
    env[match[1] ?? ""] = "attack-placeholder";
  }
  return env;
}

export interface InstallRun {
  injected: boolean;
  ok: boolean;
  output: string;
  /** Every stubbed command's arguments, in order. */
  calls: string[][];
}

/** Runs one bundle's install.sh in a scratch directory with the stubs. */
export function runInstallScript(
  files: ReadonlyArray<{ name: string; content: string }>,
  stubs: string,
): InstallRun {
  const dir = mkdtempSync(path.join(tmpdir(), "attack-install-"));
  try {
    for (const file of files) writeFileSync(path.join(dir, file.name), file.content);
    const script = files.find((file) => file.name === INSTALL_SCRIPT)?.content ?? "";
    const logFile = path.join(dir, "stub.log");
    const canary = path.join(dir, "canary.log");
    writeFileSync(logFile, "");
    writeFileSync(canary, "");
    const result = spawnSync("/bin/bash", [path.join(dir, INSTALL_SCRIPT)], {
      cwd: dir,
      encoding: "utf8",
      timeout: 30_000,
      // Nothing of this process's environment: only the stubs, on PATH.
      env: {
        ...scriptEnv(script),
        PATH: stubs,
        HOME: dir,
        STUB_LOG: logFile,
        CANARY: canary,
        // The stubs answer every `helm status` with success: a new install's
        // guard would stop at "the release exists" before the commands under attack.
        BUFSTREAM_REPLACE_VALUES: "1",
        NODE_ENV: "production",
      },
    });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    const calls = readFileSync(logFile, "utf8")
      .split("\u001e")
      .filter((record) => record !== "")
      .map((record) => record.split("\u0000").slice(0, -1));
    const injected = readFileSync(canary, "utf8") !== "";
    const ok = result.status === 0 && !/command not found/.test(output);
    return { injected, ok, output, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scriptOf = (s: Scenario) => buildBundle(s, { generatorVersion: "attack", shareLink: null });

export function runInstallCorpus(scenarios: readonly HostileScenario[]): InstallCounts {
  const counts: InstallCounts = {
    runs: 0,
    injected: 0,
    failed: 0,
    textReachedCommands: 0,
    shellcheck: { ran: false, findings: [], literalDollarNotes: 0 },
    failures: [],
  };
  const fail = (line: string) => {
    if (counts.failures.length < 50) counts.failures.push(line);
  };
  const { dir: stubs, remove } = makeStubs();
  const seen = new Set<string>();
  const scripts: string[] = [];
  try {
    for (const { name, scenario, text } of scenarios) {
      const files = scriptOf(scenario);
      const script = files.find((file) => file.name === INSTALL_SCRIPT)?.content ?? "";
      if (seen.has(script)) continue;
      seen.add(script);
      scripts.push(script);
      counts.runs++;
      const run = runInstallScript(files, stubs);
      if (run.injected) {
        counts.injected++;
        fail(`${name}: the canary ran`);
      }
      if (!run.ok) {
        counts.failed++;
        fail(`${name}: install.sh failed: ${run.output.slice(-300)}`);
      }
      if (run.calls.some((args) => args.some((arg) => arg.includes(text)))) {
        counts.textReachedCommands++;
      }
    }
  } finally {
    remove();
  }
  if (hasShellcheck()) counts.shellcheck = shellcheckAll(scripts);
  return counts;
}

interface ShellcheckComment {
  line: number;
  code: number;
  level: string;
  message: string;
}

/** One shellcheck run over every script, each wrapped in a function (2 shared cores). */
function shellcheckAll(scripts: readonly string[]): InstallCounts["shellcheck"] {
  const combined = scripts
    .map((script, i) => `run_${i}() {\n${script.replace(/^#!.*\n/, "")}\n}`)
    .join("\n");
  const text = `#!/usr/bin/env bash\n${combined}\n`;
  const result = spawnSync(SHELLCHECK, ["--severity=style", "--shell=bash", "-f", "json1", "-"], {
    input: text,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  let comments: ShellcheckComment[];
  try {
    comments = (JSON.parse(result.stdout) as { comments: ShellcheckComment[] }).comments;
  } catch {
    return {
      ran: true,
      findings: [`shellcheck gave no report: ${result.stderr}`],
      literalDollarNotes: 0,
    };
  }
  const lines = text.split("\n");
  const findings = comments
    .filter((c) => c.code !== 2016)
    .map((c) => `SC${c.code} (${c.level}): ${c.message}: ${lines[c.line - 1]?.trim() ?? ""}`);
  return { ran: true, findings, literalDollarNotes: comments.length - findings.length };
}

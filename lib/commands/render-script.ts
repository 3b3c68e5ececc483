// ScriptStep[] -> install.sh. Bash with `set -euo pipefail`, every step's title
// and reasons as comments, so the script reads like the page's step list.

import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";

/**
 * The shell function that turns a path from the user's environment (a key
 * file, a certificate, a base values file) into one that still works after
 * the script moves to its own folder: relative paths are taken from the
 * directory the script was started in, as the user would expect.
 */
export const CALLER_PATH_FN = "from_caller";

const CALLER_PATH_HELPER = [
  "# Paths in the BUFSTREAM_* variables are taken from where you run this script.",
  'CALLER_DIR="${PWD}"',
  `${CALLER_PATH_FN}() {`,
  '  case "$1" in',
  "    /*) printf '%s\\n' \"$1\" ;;",
  '    *) printf \'%s/%s\\n\' "${CALLER_DIR}" "$1" ;;',
  "  esac",
  "}",
  "",
];

const usesCallerPath = (steps: readonly ScriptStep[]) =>
  steps.some((step) => step.commands.some((line) => line.includes(`${CALLER_PATH_FN} `)));

/** The helper lines install.sh defines before its steps, when they use them (for the page's step list). */
export function scriptPreamble(steps: readonly ScriptStep[]): string[] {
  return usesCallerPath(steps) ? CALLER_PATH_HELPER.filter((line) => line !== "") : [];
}

/**
 * `provenance` is plain text (one or more lines: generator, chart version,
 * share link); each line becomes a comment.
 */
export function renderScript(steps: readonly ScriptStep[], provenance: string): string {
  const comment = (line: string) => (line === "" ? "#" : `# ${line}`);
  const lines: string[] = [
    "#!/usr/bin/env bash",
    ...provenance.split("\n").map((line) => comment(oneLine(line))),
    "set -euo pipefail",
    "",
    ...(usesCallerPath(steps) ? CALLER_PATH_HELPER : []),
    "# The values and manifest files sit next to this script.",
    'cd "$(dirname "${BASH_SOURCE[0]}")"',
  ];
  steps.forEach((step, i) => {
    const title = `${i + 1}. ${oneLine(step.title)}`;
    lines.push("", `# ── ${title}`);
    for (const detail of step.detail ?? []) lines.push(comment(oneLine(detail)));
    // Said as it runs too: someone watching the script sees which step it is on
    // (and which one stopped it), not only the commands' own output.
    lines.push(`echo ${shellQuote(`==> ${title}`)}`, ...step.commands);
  });
  return `${lines.join("\n")}\n`;
}

/** A comment must stay on its line: a newline would turn the rest into a command. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

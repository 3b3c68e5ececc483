// ScriptStep[] -> install.sh. Bash with `set -euo pipefail`, every step's title
// and reasons as comments, so the script reads like the page's step list.

import type { ScriptStep } from "./types";

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
    "# The values and manifest files sit next to this script.",
    'cd "$(dirname "${BASH_SOURCE[0]}")"',
  ];
  steps.forEach((step, i) => {
    lines.push("", `# ── ${i + 1}. ${oneLine(step.title)}`);
    for (const detail of step.detail ?? []) lines.push(comment(oneLine(detail)));
    lines.push(...step.commands);
  });
  return `${lines.join("\n")}\n`;
}

/** A comment must stay on its line: a newline would turn the rest into a command. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

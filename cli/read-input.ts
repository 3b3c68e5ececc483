// Reads the CLI's scenario from a file or a share link, with the same decoder
// and restore step the page uses (lib/share). Files are read strictly: a field
// of the wrong type or with a misspelt name is an error, not a silent default.
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Scenario } from "../lib/scenario/schema";
import { decodeScenario, linkBaseUrl } from "../lib/share/codec";
import { restoreScenario, type Problem } from "../lib/share/restore";

/** Scenario files are small; this bounds what a mistaken path (a disk image...) can cost. */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

export type InputResult =
  | { ok: true; scenario: Scenario; linkBase: string | null; notes: string[] }
  | { ok: false; errors: string[] };

const line = (source: string, problem: Problem) =>
  problem.path === ""
    ? `${source}: ${problem.message}`
    : `${source}: ${problem.path}: ${problem.message}`;

function readText(
  file: string,
  cwd: string,
  readStdin: () => string,
): { text: string } | { error: string } {
  try {
    if (file === "-") return { text: readStdin() };
    const text = readFileSync(path.resolve(cwd, file));
    if (text.length > MAX_SCENARIO_FILE_BYTES) {
      return {
        error: `${file}: larger than ${MAX_SCENARIO_FILE_BYTES} bytes; a scenario is a few KiB.`,
      };
    }
    return { text: text.toString("utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : error instanceof Error
              ? error.message
              : String(error);
    return { error: `${file}: cannot read the file (${reason}).` };
  }
}

export function readScenarioFile(file: string, cwd: string, readStdin: () => string): InputResult {
  const source = file === "-" ? "standard input" : file;
  const read = readText(file, cwd, readStdin);
  if ("error" in read) return { ok: false, errors: [read.error] };
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`${source}: not valid JSON (${detail}).`] };
  }
  const restored = restoreScenario(raw, { strict: true });
  if (!restored.ok) return { ok: false, errors: restored.problems.map((p) => line(source, p)) };
  return {
    ok: true,
    scenario: restored.scenario,
    linkBase: null,
    notes: restored.notes.map((n) => `${source}: ${n}`),
  };
}

export function readShareLink(link: string): InputResult {
  const decoded = decodeScenario(link);
  if (!decoded.ok) return { ok: false, errors: decoded.problems.map((p) => line("link", p)) };
  return {
    ok: true,
    scenario: decoded.scenario,
    linkBase: linkBaseUrl(link),
    notes: decoded.notes.map((n) => `link: ${n}`),
  };
}

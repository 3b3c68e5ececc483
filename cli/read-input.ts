// Reads the CLI's scenario from a file or a share link, with the same decoder
// and restore step the page uses (lib/share). Files are read strictly: a field
// of the wrong type or with a misspelt name is an error, not a silent default.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import {
  MAX_VALUES_BYTES,
  formatInputError,
  tooLargeError,
  type ValuesSource,
} from "../lib/import/parse-values";
import type { Scenario } from "../lib/scenario/schema";
import { findLoneSurrogate } from "../lib/scenario/well-formed";
import { decodeScenario, linkBaseUrl } from "../lib/share/codec";
import { restoreScenario, type Problem } from "../lib/share/restore";

/** Scenario files are small; this bounds what a mistaken path (a disk image...) can cost. */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

export type InputResult =
  | { ok: true; scenario: Scenario; linkBase: string | null; notes: string[] }
  | { ok: false; errors: string[] };

/**
 * A path as a terminal can show it: a field name may itself hold a broken
 * character (a zone host key), which stdout would print as U+FFFD; it is
 * written as its JSON escape instead, so the line says exactly what is there.
 */
function printable(text: string): string {
  let out = text;
  for (let at = findLoneSurrogate(out); at !== -1; at = findLoneSurrogate(out)) {
    const escape = `\\u${out.charCodeAt(at).toString(16).padStart(4, "0")}`;
    out = out.slice(0, at) + escape + out.slice(at + 1);
  }
  return out;
}

const line = (source: string, problem: Problem) =>
  problem.path === ""
    ? `${source}: ${problem.message}`
    : `${source}: ${printable(problem.path)}: ${problem.message}`;

/**
 * Bytes as UTF-8, refusing what is not: Buffer's own decoding replaces a bad
 * sequence with U+FFFD, which would then be installed in place of what the
 * file said (issue 17).
 */
function decodeUtf8(bytes: Uint8Array, source: string): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // The first byte where a lenient round trip differs is where the bad sequence starts.
    const lenient = new TextEncoder().encode(new TextDecoder().decode(bytes));
    let at = 0;
    while (at < bytes.length && bytes[at] === lenient[at]) at++;
    return {
      error: `${source}: not valid UTF-8 (byte ${at + 1} starts a sequence UTF-8 does not allow); save the file as UTF-8.`,
    };
  }
}

function readText(
  file: string,
  cwd: string,
  readStdin: () => string | Uint8Array,
  tooLarge: (bytes: number) => string | null = (bytes) =>
    bytes > MAX_SCENARIO_FILE_BYTES
      ? `${file}: larger than ${MAX_SCENARIO_FILE_BYTES} bytes; a scenario is a few KiB.`
      : null,
): { text: string } | { error: string } {
  try {
    if (file === "-") {
      const input = readStdin();
      return typeof input === "string" ? { text: input } : decodeUtf8(input, "standard input");
    }
    const resolved = path.resolve(cwd, file);
    // Judge the size before reading: a mistaken path may be a disk image.
    const refusal = tooLarge(statSync(resolved).size);
    if (refusal !== null) return { error: refusal };
    return decodeUtf8(readFileSync(resolved), file);
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

export function readScenarioFile(
  file: string,
  cwd: string,
  readStdin: () => string | Uint8Array,
): InputResult {
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

/** The name a values source goes by in messages: the path as given, or "standard input". */
export function valuesSourceName(file: string): string {
  return file === "-" ? "standard input" : file;
}

/** Reads --values files (the parsing, with its messages, is lib/import's). */
export function readValuesSources(
  files: readonly string[],
  cwd: string,
  readStdin: () => string | Uint8Array,
): { ok: true; sources: ValuesSource[] } | { ok: false; errors: string[] } {
  const sources: ValuesSource[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const name = valuesSourceName(file);
    const tooLarge = (bytes: number) =>
      bytes > MAX_VALUES_BYTES ? formatInputError(tooLargeError(name, bytes)) : null;
    const read = readText(file, cwd, readStdin, tooLarge);
    if ("error" in read) errors.push(read.error);
    else sources.push({ name, text: read.text });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sources };
}

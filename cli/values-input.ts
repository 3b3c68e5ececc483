// `render --values`: Helm values in (issue 15), through the same lib/import
// functions the page uses; this file only reads files and words the output.
import { checkImportedValues } from "../lib/import/check-values";
import { buildCorrectedValues } from "../lib/import/corrected-values";
import { buildValuesDiff, keptKeys, type DiffEntry } from "../lib/import/diff-values";
import { formatInputError } from "../lib/import/parse-values";
import { importValues, type ImportedValues } from "../lib/import/import-values";
import type { Answers } from "../lib/import/read-scenario";
import type { ValuesFinding } from "../lib/import/types";
import type { Scenario } from "../lib/scenario/schema";
import { readValuesSources } from "./read-input";

export type ValuesInput =
  | { ok: true; imported: ImportedValues; scenario: Scenario; notes: string[] }
  | { ok: false; errors: string[] };

const where = (source: string | null, line: number | null) =>
  [source, line === null ? null : String(line)]
    .filter((part) => part !== null && part !== "")
    .join(":");

/** What was read, which keys are kept, and the questions answered by a guess: lines for stderr. */
function readNotes(imported: ImportedValues, answers: Answers): string[] {
  const { layout } = imported;
  const roles = imported.documents.map((doc) => {
    const release = layout.releases.find((r) => r.own.includes(doc));
    const role = release?.zone
      ? `zone ${release.zone}`
      : layout.zoneAware
        ? "shared by every zone"
        : "values";
    return `${doc.source} (${role})`;
  });
  const lines = [`note: read ${roles.join(", ")}`];
  const kept = keptKeys(imported, imported.read.scenario);
  if (kept.length > 0)
    lines.push(`note: kept as is (${kept.length}): ${kept.map((k) => k.key).join(", ")}`);
  // An answer the read did not use must not pass for one it did.
  const asked = new Map(imported.read.questions.map((q) => [q.id as string, q]));
  for (const [id, value] of Object.entries(answers)) {
    const q = asked.get(id);
    if (q === undefined) {
      lines.push(`note: --answer ${id}=${value} is not used: these values settle it themselves`);
    } else if (!q.answered) {
      lines.push(`note: --answer ${id}=${value} is not used: not one of the choices below`);
    }
  }
  for (const q of imported.read.questions) {
    if (q.answered) continue;
    const choices = q.options === null ? "<value>" : q.options.map((o) => o.value).join("|");
    lines.push(
      `question: ${q.text} Guess: ${q.guess === "" ? "(none)" : q.guess} (${q.why}). Answer with --answer ${q.id}=${choices}`,
    );
  }
  return lines;
}

export function readValuesInput(
  files: readonly string[],
  answers: Answers,
  cwd: string,
  readStdin: () => string | Uint8Array,
): ValuesInput {
  const read = readValuesSources(files, cwd, readStdin);
  if (!read.ok) return read;
  const result = importValues(read.sources, answers);
  if (!result.ok) return { ok: false, errors: result.errors.map(formatInputError) };
  const { imported } = result;
  if (imported.read.problems.length > 0) {
    // A value the scenario schema rejects (an address that is no host name, a zone name
    // with capitals): named by the values key it came from.
    return {
      ok: false,
      errors: imported.read.problems.map((p) => {
        const at = p.from === null ? "" : where(p.from.source, p.from.line);
        const key = p.from?.key ?? p.field;
        return `${at === "" ? "" : `${at}: `}${key}: ${p.message}`;
      }),
    };
  }
  return {
    ok: true,
    imported,
    scenario: imported.read.scenario,
    notes: readNotes(imported, answers),
  };
}

export function valuesFindings(
  imported: ImportedValues,
  s: Scenario,
  answers: Answers,
): ValuesFinding[] {
  return checkImportedValues(imported, s, answers);
}

/** A finding as a --check JSON line, in the topology findings' shape plus where it is. */
export function valuesFindingJson(f: ValuesFinding): string {
  const { id, severity, message, fix, source, line, key, resolved } = f;
  return JSON.stringify({
    id,
    severity,
    message,
    fix,
    fields: [],
    file: source,
    line,
    key,
    resolved,
  });
}

/** A finding for stderr, when --check is not asked for: warnings and errors only. */
export function valuesFindingLine(f: ValuesFinding): string | null {
  if (f.severity === "info") return null;
  const at = where(f.source, f.line);
  return `${f.severity}: ${at === "" ? "" : `${at}: `}${f.message} Fix: ${f.fix}`;
}

const SIGN: Record<DiffEntry["change"], string> = {
  added: "+",
  removed: "-",
  changed: "~",
  renamed: ">",
};

/** The difference, file by file: one line per key, the reason indented under it. */
export function diffText(imported: ImportedValues, s: Scenario): string {
  const corrected = buildCorrectedValues(imported, s);
  const entries = buildValuesDiff(imported, s, corrected);
  const lines: string[] = [];
  for (const file of corrected) {
    const mine = entries.filter((e) => e.file === file.name);
    lines.push(
      `${file.name}: ${mine.length === 0 ? "no changes" : `${mine.length} change${mine.length === 1 ? "" : "s"}`}`,
    );
    for (const e of mine) {
      const value =
        e.change === "added"
          ? (e.after ?? "")
          : e.change === "removed"
            ? (e.before ?? "")
            : `${e.before ?? ""} -> ${e.after ?? ""}`;
      lines.push(`  ${SIGN[e.change]} ${e.key}: ${value}`, `      ${e.reason}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

// The only importer of `diff` (jsdiff): line diffs for the file previews (issue
// 13, "Files people read"). Loaded with import() on the first edit, never with
// the page: the first view needs no diff.
import { diffLines } from "diff";

export interface DiffLine {
  text: string;
  /** "added" and "removed" against the other text; "same" otherwise. */
  kind: "added" | "removed" | "same";
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Every line of `before` and `after` in order, each marked added, removed or the same. */
export function diffTextLines(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((part) =>
    splitLines(part.value).map((text) => ({
      text,
      kind: part.added ? "added" : part.removed ? "removed" : "same",
    })),
  );
}

/** The indexes (0-based) of `after`'s lines that `before` does not have. */
export function changedLineIndexes(before: string, after: string): number[] {
  const changed: number[] = [];
  let index = 0;
  for (const line of diffTextLines(before, after)) {
    if (line.kind === "removed") continue;
    if (line.kind === "added") changed.push(index);
    index += 1;
  }
  return changed;
}

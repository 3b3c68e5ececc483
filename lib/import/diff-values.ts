// The difference between the user's values and the corrected ones, key by key
// with the reason (issue 15), and the keys kept as they are.
import { isDocumentedKey, isOpaqueKey } from "../scenario/chart-keys";
import type { Scenario } from "../scenario/schema";
import { jsonEqual } from "../share/json";
import { isPlainObject } from "../values/merge";
import type { CorrectedFile } from "./corrected-values";
import { reasonFor, type Change } from "./diff-reasons";
import type { ImportedValues } from "./import-values";
import { isOwned, isPreserved, ownedPrefixes } from "./ownership";
import { displayPath, getPath, leaves, pathKey, type KeyPath } from "./paths";
import { MASK, secretPathSet } from "./secrets";
import { lineOf } from "./parse-values";

export interface DiffEntry {
  /** The corrected file it is in. */
  file: string;
  key: string;
  path: KeyPath;
  change: Change;
  /** How the values are shown: short, secrets masked; null when absent on that side. */
  before: string | null;
  after: string | null;
  reason: string;
}

const MAX_SHOWN = 120;

/** A value as one short line: text as is, anything else as JSON; secrets masked. */
export function showValue(value: unknown, secret: boolean): string {
  if (secret) return MASK;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/**
 * Leaves for comparing: maps are entered (an annotation is its own key), lists
 * and the free-form maps the chart passes through (affinity, ...) compared whole.
 */
function comparable(values: unknown): Map<string, { path: KeyPath; value: unknown }> {
  const out = new Map<string, { path: KeyPath; value: unknown }>();
  const visit = (node: unknown, path: KeyPath) => {
    const dotted = path.join(".");
    const enter =
      isPlainObject(node) &&
      Object.keys(node).length > 0 &&
      (!isOpaqueKey(dotted) || /annotations|podLabels/.test(dotted));
    if (path.length > 0 && !enter) {
      out.set(pathKey(path), { path, value: node });
      return;
    }
    if (isPlainObject(node))
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
  };
  visit(values, []);
  return out;
}

export function buildValuesDiff(
  imported: ImportedValues,
  s: Scenario,
  corrected: readonly CorrectedFile[],
): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const file of corrected) {
    const before = comparable(file.theirs);
    const after = comparable(file.values);
    const secretBefore = secretPathSet(file.theirs);
    const secretAfter = secretPathSet(file.values);
    const isSecret = (set: ReadonlySet<string>, path: KeyPath) =>
      [...set].some((key) => key === pathKey(path) || key.startsWith(`${pathKey(path)}\u0000`));
    // Keys a rename or removal already accounts for: the old key and what was under it,
    // and the new key with everything under it.
    const handledFrom = new Set<string>();
    const handledTo = new Set<string>();
    // Renames first: one entry for the old and the new key.
    for (const fixup of imported.keys.fixups) {
      const from =
        before.get(pathKey(fixup.from)) ??
        (getPath(file.theirs, fixup.from) !== undefined
          ? { path: fixup.from, value: getPath(file.theirs, fixup.from) }
          : undefined);
      if (from === undefined) continue;
      handledFrom.add(pathKey(fixup.from));
      const to = fixup.to === null ? undefined : after.get(pathKey(fixup.to));
      if (fixup.to !== null) handledTo.add(pathKey(fixup.to));
      entries.push({
        file: file.name,
        key:
          fixup.to === null
            ? displayPath(fixup.from)
            : `${displayPath(fixup.from)} → ${displayPath(fixup.to)}`,
        path: fixup.from,
        change: fixup.to === null ? "removed" : "renamed",
        before: showValue(from.value, isSecret(secretBefore, fixup.from)),
        after: to === undefined ? null : showValue(to.value, isSecret(secretAfter, to.path)),
        reason: fixup.reason,
      });
    }
    const keys = new Set([...before.keys(), ...after.keys()]);
    for (const key of keys) {
      const under = (set: ReadonlySet<string>) =>
        set.has(key) || [...set].some((h) => key.startsWith(`${h}\u0000`));
      if (under(handledTo) || (under(handledFrom) && !after.has(key))) continue;
      const was = before.get(key);
      const now = after.get(key);
      if (was !== undefined && now !== undefined && jsonEqual(was.value, now.value)) continue;
      const path = (now ?? was)?.path ?? [];
      const change: Change =
        was === undefined ? "added" : now === undefined ? "removed" : "changed";
      entries.push({
        file: file.name,
        key: displayPath(path),
        path,
        change,
        before: was === undefined ? null : showValue(was.value, isSecret(secretBefore, path)),
        after: now === undefined ? null : showValue(now.value, isSecret(secretAfter, path)),
        reason: reasonFor(path, change, s, file.zone),
      });
    }
  }
  return entries;
}

export interface KeptKey {
  key: string;
  source: string | null;
  line: number | null;
  why: string;
}

/** Every key of the user's that the corrected values keep as is, and why the wizard leaves it alone. */
export function keptKeys(imported: ImportedValues, s: Scenario): KeptKey[] {
  const owned = ownedPrefixes(s);
  const { preserved } = imported.read;
  const fixed = new Set(imported.keys.fixups.map((f) => pathKey(f.from)));
  const seen = new Set<string>();
  const kept: KeptKey[] = [];
  for (const doc of imported.documents) {
    for (const leaf of leaves(doc.values)) {
      if (isOwned(leaf.path, owned, preserved) || fixed.has(pathKey(leaf.path))) continue;
      const path = collapse(leaf.path);
      const key = pathKey(path);
      if (seen.has(key) || fixed.has(key) || path.length === 0) continue;
      if (path[0] === "extraObjects") {
        // The wizard's own headless Service is replaced; other objects stay (corrected-values.ts).
        if (s.exposure === "headless") continue;
      }
      seen.add(key);
      kept.push({
        key: displayPath(path),
        source: doc.source,
        line: lineOf(doc, path),
        why: whyKept(path, s, isPreserved(path, preserved)),
      });
    }
  }
  return kept;
}

/** Leaves under a free-form key (affinity, configOverrides, ...) count as that key. */
function collapse(path: KeyPath): KeyPath {
  for (let n = 1; n <= path.length; n++) {
    const prefix = path.slice(0, n);
    if (isOpaqueKey(prefix.join(".")) && !/annotations|podLabels/.test(prefix.join(".")))
      return prefix;
  }
  return path;
}

function whyKept(path: KeyPath, s: Scenario, preserved: boolean): string {
  if (preserved) return "the form cannot hold this value as you wrote it";
  const complete = ownedPrefixes({ ...s, valuesScope: "complete" });
  if (s.valuesScope !== "complete" && isOwned(path, complete, [])) {
    return "the wizard writes this part only for a complete install";
  }
  const dotted = path.join(".");
  const documented =
    isDocumentedKey(dotted) || path.some((_, i) => isOpaqueKey(path.slice(0, i + 1).join(".")));
  return documented ? "a chart key the wizard does not set" : "not a key the chart documents";
}

// Test support: a scenario -> its bundle's values files (the bytes the page and
// the CLI write) -> importValues -> the scenario read back, and the comparison
// the round-trip tests make (not-in-values.ts says what may differ, and why).
import { buildBundle } from "../../bundle/build-bundle";
import type { Scenario } from "../../scenario/schema";
import { buildValues } from "../../values/build-values";
import { renderYaml } from "../../values/render-yaml";
import { importValues, type ImportedValues } from "../import-values";
import { answersFor, canonicalForValues, valuesBlindFields } from "../not-in-values";
import type { ValuesSource } from "../parse-values";

/** The bundle's Bufstream values files (not the etcd chart's, which the bundle may hold too). */
export function valuesSourcesOf(s: Scenario): ValuesSource[] {
  const files = buildValues(s);
  const names = new Set([files.shared, ...files.zones].map((file) => file.name));
  return buildBundle(s, { generatorVersion: "test", shareLink: null })
    .filter((file) => file.kind === "values" && names.has(file.name))
    .map((file) => ({ name: file.name, text: file.content }));
}

export function importScenario(s: Scenario): ImportedValues {
  const result = importValues(valuesSourcesOf(s), answersFor(s));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.imported;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) target[head] = structuredClone(value);
  else setAt(target[head] as Record<string, unknown>, rest, value);
}

function getAt(source: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], source);
}

/** `imported`, with every field the values cannot carry taken from `original` (both canonical). */
export function comparable(
  original: Scenario,
  imported: Scenario,
): { expected: Scenario; actual: Scenario } {
  const expected = canonicalForValues(original);
  const actual = structuredClone(canonicalForValues(imported)) as unknown as Record<
    string,
    unknown
  >;
  for (const { field } of valuesBlindFields(original)) {
    const path = field.split(".");
    setAt(actual, path, getAt(expected, path));
  }
  return { expected, actual: actual as unknown as Scenario };
}

/**
 * The values files' text for a scenario (no provenance: it names the share
 * link). `withNotes: false` leaves out the header notes, which may mention a
 * field with no effect (an AWS static IP "not used"): the data is compared then.
 */
export function valuesText(s: Scenario, withNotes = true): string[] {
  const files = buildValues(s);
  return [files.shared, ...files.zones].map(
    (file) => `${file.name}\n${renderYaml(file.values, withNotes ? file.notes.join("\n") : "")}`,
  );
}

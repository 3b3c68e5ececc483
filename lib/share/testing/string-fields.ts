// Test support: every string field of the scenario, read off ScenarioSchema
// itself, so a field added to the schema is in every list built from this
// without anyone remembering to add it (issue 17's property test, the hostile
// link corpus). A schema kind the walk does not know throws, for the same reason.
import type * as z from "zod/mini";

import { ScenarioSchema } from "../../scenario/schema";

/** An array's first item (the base scenario must have one). */
export const ITEM = "[]";
/** A record's first value (the base scenario must have one). */
export const VALUE = "{}";

export interface StringField {
  /** `text`: typed by the user; `choice`: one of a fixed list (enum, literal); `key`: a record's keys. */
  kind: "text" | "choice" | "key";
  /** Object keys, ITEM and VALUE; for `key`, the record's own path. */
  path: readonly string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  options?: readonly z.ZodMiniType[];
  element?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as Def;

function walk(schema: z.ZodMiniType, path: readonly string[], into: StringField[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, [...path, key], into);
      return;
    case "array":
      if (def.element) walk(def.element, [...path, ITEM], into);
      return;
    case "record":
      if (def.keyType && defOf(def.keyType).type === "string") into.push({ kind: "key", path });
      if (def.valueType) walk(def.valueType, [...path, VALUE], into);
      return;
    case "union": {
      // optional(x) is `"" | x`: a text field when any member is one.
      const members: StringField[] = [];
      for (const option of def.options ?? []) walk(option, path, members);
      const kind = members.some((m) => m.kind === "text") ? "text" : "choice";
      if (members.length > 0) into.push({ kind, path });
      return;
    }
    case "string":
      into.push({ kind: "text", path });
      return;
    case "enum":
    case "literal":
      // The scenario's `version` is a number literal, not a string field.
      if (isStringChoice(schema)) into.push({ kind: "choice", path });
      return;
    case "number":
    case "boolean":
      return;
    default:
      throw new Error(
        `string-fields.ts does not know schema type "${def.type}" at ${path.join(".")}`,
      );
  }
}

function isStringChoice(schema: z.ZodMiniType): boolean {
  const values = (schema._zod as { values?: Set<unknown> }).values;
  return values !== undefined && [...values].every((v) => typeof v === "string");
}

/** Every string field of ScenarioSchema, in schema order. */
export function stringFields(): StringField[] {
  const fields: StringField[] = [];
  walk(ScenarioSchema, [], fields);
  return fields;
}

type Tree = Record<string, unknown>;

/** The concrete path of `field` in `doc` (ITEM is index 0, VALUE the first key). */
export function concretePath(doc: unknown, path: readonly string[]): string[] {
  const out: string[] = [];
  let at = doc;
  for (const key of path) {
    const step =
      key === ITEM ? "0" : key === VALUE ? (Object.keys((at ?? {}) as Tree)[0] ?? "") : key;
    if (at === null || typeof at !== "object" || !(step in at)) {
      throw new Error(`the base scenario has nothing at ${[...out, step].join(".")}`);
    }
    out.push(step);
    at = (at as Tree)[step];
  }
  return out;
}

/**
 * A copy of `doc` with `text` in `field`: the value at its path, or for a
 * `key` field the record's first key renamed to `text`. Also returns the
 * path a validation issue about it must carry.
 */
export function withText(
  doc: unknown,
  field: StringField,
  text: string,
): { doc: Tree; issuePath: string[] } {
  const copy = structuredClone(doc) as Tree;
  const path = concretePath(copy, field.path);
  let parent: Tree = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Tree;
  const last = path[path.length - 1] ?? "";
  if (field.kind === "key") {
    const record = parent[last] as Tree;
    const [first] = Object.keys(record);
    if (first === undefined) throw new Error(`the base scenario's ${path.join(".")} is empty`);
    const renamed: Tree = {};
    for (const [key, value] of Object.entries(record)) renamed[key === first ? text : key] = value;
    parent[last] = renamed;
    return { doc: copy, issuePath: [...path, text] };
  }
  parent[last] = text;
  return { doc: copy, issuePath: path };
}

// restore: any JSON value in, a valid Scenario out, never a throw (STYLE.md
// habit 5, excalidraw's restore.ts). Used by share links, the CLI and local
// saves. Steps: read the version and migrate (migrations.ts); fill the few
// defaults that depend on another field (withDerivedDefaults); fill every
// other missing field from DEFAULT_SCENARIO, guided by the zod schema's shape;
// then ScenarioSchema.safeParse. When validation fails, the result still carries the
// best valid scenario that could be kept, plus one problem per failing field.
// A namespace import, not `{ z }`: bundlers then keep only the zod exports used;
// `{ z }` pulls in all of zod, every locale included (about 350 KiB more JavaScript).
import * as z from "zod/mini";

import { DEFAULT_SCENARIO, withDerivedDefaults } from "../scenario/defaults";
import { SCENARIO_VERSION, ScenarioSchema, type Scenario } from "../scenario/schema";
import {
  UNSAFE_KEYS,
  cloneJson,
  describeJsonType,
  hasOwn,
  isPlainObject,
  jsonEqual,
  type JsonObject,
} from "./json";
import { migrateDocument } from "./migrations";

/** A field that could not be used; `path` is dot-separated (`zones.names.1`), "" for the whole document. */
export interface Problem {
  path: string;
  message: string;
}

export type RestoreResult =
  | { ok: true; scenario: Scenario; notes: string[] }
  | { ok: false; scenario: Scenario; problems: Problem[]; notes: string[] };

export interface RestoreOptions {
  /**
   * Strict (the CLI reading a file someone wrote by hand): a value of the wrong
   * type or an unknown field is a problem rather than a note, so a typo such as
   * `"replica": 6` fails loudly instead of silently using the default.
   */
  strict?: boolean;
}

/** Keys a document may carry beside the scenario fields (editors add `$schema`). */
const IGNORED_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(["$schema"]);

type Path = ReadonlyArray<string>;
const joinPath = (path: Path) => path.join(".");

interface Collected {
  notes: Problem[];
  /** Strict mode words notes as errors: nothing is "ignored" or "used" there. */
  strict: boolean;
}

/** Copies `raw` into the shape of `schema`, taking each missing or mistyped value from `fallback`. */
function fillFromDefaults(
  schema: z.ZodMiniType,
  fallback: unknown,
  raw: unknown,
  path: Path,
  out: Collected,
): unknown {
  if (schema instanceof z.ZodMiniObject) {
    const defaults = fallback as JsonObject;
    if (!isPlainObject(raw)) return mistyped(raw, fallback, path, out);
    const filled: JsonObject = {};
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    for (const [key, fieldSchema] of Object.entries(shape)) {
      filled[key] =
        hasOwn(raw, key) && raw[key] !== undefined
          ? fillFromDefaults(fieldSchema, defaults[key], raw[key], [...path, key], out)
          : cloneJson(defaults[key]);
    }
    for (const key of Object.keys(raw)) {
      if (hasOwn(shape, key) || (path.length === 0 && IGNORED_TOP_LEVEL_KEYS.has(key))) continue;
      out.notes.push({
        path: joinPath([...path, key]),
        message: out.strict ? "Not a scenario field." : "Not a scenario field; ignored.",
      });
    }
    return filled;
  }
  if (schema instanceof z.ZodMiniRecord) {
    if (!isPlainObject(raw)) return mistyped(raw, fallback, path, out);
    const filled: JsonObject = {};
    for (const key of Object.keys(raw)) {
      if (UNSAFE_KEYS.has(key)) {
        out.notes.push({ path: joinPath([...path, key]), message: "Reserved name; ignored." });
      } else {
        filled[key] = raw[key];
      }
    }
    return filled;
  }
  if (schema instanceof z.ZodMiniArray) {
    return Array.isArray(raw) ? raw.slice() : mistyped(raw, fallback, path, out);
  }
  return typeof raw === typeof fallback && raw !== null ? raw : mistyped(raw, fallback, path, out);
}

function mistyped(raw: unknown, fallback: unknown, path: Path, out: Collected): unknown {
  out.notes.push({
    path: joinPath(path),
    message: out.strict
      ? `Expected ${describeJsonType(fallback)}, found ${describeJsonType(raw)}.`
      : `Expected ${describeJsonType(fallback)}, found ${describeJsonType(raw)}; used the default (${JSON.stringify(fallback)}).`,
  });
  return cloneJson(fallback);
}

/** A field validated as a unit: a primitive, a list, or a map (zones.hosts). */
interface Leaf {
  path: Path;
  schema: z.ZodMiniType;
}

function collectLeaves(schema: z.ZodMiniType, path: Path, into: Leaf[]): Leaf[] {
  if (schema instanceof z.ZodMiniObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
      collectLeaves(child, [...path, key], into);
    }
  } else {
    into.push({ path, schema });
  }
  return into;
}

const LEAVES: readonly Leaf[] = collectLeaves(ScenarioSchema, [], []);

function getAt(doc: unknown, path: Path): unknown {
  let at = doc;
  for (const key of path) at = isPlainObject(at) && hasOwn(at, key) ? at[key] : undefined;
  return at;
}

/** Sets `value` at `path` in place (every parent exists: `doc` has the scenario's shape). */
function setAt(doc: JsonObject, path: Path, value: unknown): void {
  let at: JsonObject = doc;
  path.forEach((key, i) => {
    if (i === path.length - 1) at[key] = value;
    else at = at[key] as JsonObject;
  });
}

/** The leaf a validation issue is about (`zones.hosts.b` is about the leaf `zones.hosts`). */
function leafOf(issuePath: ReadonlyArray<PropertyKey>): Leaf | undefined {
  return LEAVES.find((leaf) => leaf.path.every((key, i) => String(issuePath[i]) === key));
}

/**
 * The best valid scenario from a document that failed validation: the defaults
 * plus every field that is valid on its own. Cross-field rules (a load balancer
 * needs a host, zones need names) may still reject that; then the fields the
 * issues name go back to their defaults, and if that is not enough, fields are
 * added to the defaults one at a time, in passes, until no more can be added.
 */
function salvage(filled: JsonObject): Scenario {
  const defaults = cloneJson(DEFAULT_SCENARIO) as unknown as JsonObject;
  const candidates = LEAVES.filter((leaf) => {
    const value = getAt(filled, leaf.path);
    return !jsonEqual(value, getAt(defaults, leaf.path)) && leaf.schema.safeParse(value).success;
  });
  const current = cloneJson(defaults);
  for (const leaf of candidates) setAt(current, leaf.path, cloneJson(getAt(filled, leaf.path)));
  for (let round = 0; round < 5; round++) {
    const result = ScenarioSchema.safeParse(current);
    if (result.success) return result.data;
    let reverted = false;
    for (const issue of result.error.issues) {
      const leaf = leafOf(issue.path);
      const fallback = leaf && getAt(defaults, leaf.path);
      if (leaf && !jsonEqual(getAt(current, leaf.path), fallback)) {
        setAt(current, leaf.path, cloneJson(fallback));
        reverted = true;
      }
    }
    if (!reverted) break;
  }

  const greedy = cloneJson(defaults);
  let pending = candidates;
  let added = true;
  while (added && pending.length > 0) {
    added = false;
    const rejected: Leaf[] = [];
    for (const leaf of pending) {
      const before = getAt(greedy, leaf.path);
      setAt(greedy, leaf.path, cloneJson(getAt(filled, leaf.path)));
      if (ScenarioSchema.safeParse(greedy).success) {
        added = true;
      } else {
        setAt(greedy, leaf.path, before);
        rejected.push(leaf);
      }
    }
    pending = rejected;
  }
  const result = ScenarioSchema.safeParse(greedy);
  return result.success ? result.data : cloneJson(DEFAULT_SCENARIO);
}

function readVersion(raw: JsonObject, notes: Problem[], problems: Problem[]): number {
  if (!hasOwn(raw, "version")) {
    notes.push({
      path: "version",
      message: `No version given; read as version ${SCENARIO_VERSION}.`,
    });
    return SCENARIO_VERSION;
  }
  const version = raw.version;
  if (typeof version === "number" && Number.isInteger(version) && version >= 1) return version;
  problems.push({
    path: "version",
    message: `Expected the scenario version, a whole number such as ${SCENARIO_VERSION}; found ${JSON.stringify(version) ?? describeJsonType(version)}.`,
  });
  return SCENARIO_VERSION;
}

const asText = (notes: Problem[]) =>
  notes.map((note) => (note.path === "" ? note.message : `${note.path}: ${note.message}`));

function restoreUnsafe(raw: unknown, options: RestoreOptions): RestoreResult {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      scenario: cloneJson(DEFAULT_SCENARIO),
      problems: [
        {
          path: "",
          message: `Expected a scenario document (a JSON object), found ${describeJsonType(raw)}.`,
        },
      ],
      notes: [],
    };
  }
  const collected: Collected = { notes: [], strict: options.strict === true };
  const problems: Problem[] = [];
  const from = readVersion(raw, collected.notes, problems);
  const migrated = migrateDocument(raw, from);
  if (!migrated.ok) {
    // A newer document's fields may mean something else here: keep none of them.
    return {
      ok: false,
      scenario: cloneJson(DEFAULT_SCENARIO),
      problems: [{ path: "version", message: migrated.message }],
      notes: [],
    };
  }
  const doc = withDerivedDefaults({ ...migrated.doc, version: SCENARIO_VERSION });
  const filled = fillFromDefaults(
    ScenarioSchema,
    DEFAULT_SCENARIO,
    doc,
    [],
    collected,
  ) as JsonObject;
  const notes = [...migrated.notes, ...asText(collected.notes)];
  if (options.strict === true) {
    problems.push(...collected.notes.filter((note) => note.path !== "version"));
  }
  const parsed = ScenarioSchema.safeParse(filled);
  if (parsed.success && problems.length === 0) return { ok: true, scenario: parsed.data, notes };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ path: issue.path.map(String).join("."), message: issue.message });
    }
  }
  return {
    ok: false,
    scenario: parsed.success ? parsed.data : salvage(filled),
    problems,
    notes,
  };
}

/** Migrates, fills defaults and validates `raw`; never throws, whatever it is given. */
export function restoreScenario(raw: unknown, options: RestoreOptions = {}): RestoreResult {
  try {
    return restoreUnsafe(raw, options);
  } catch (error) {
    // Nothing above should throw; this guards the promise made to every caller.
    return {
      ok: false,
      scenario: cloneJson(DEFAULT_SCENARIO),
      problems: [
        { path: "", message: `This scenario could not be read (${String(error).slice(0, 200)}).` },
      ],
      notes: [],
    };
  }
}

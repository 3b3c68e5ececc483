// Test helper: the values Helm hands a chart for `helm upgrade --values a.yaml
// --values b.yaml --set k=v …`, computed the way Helm computes them, so tests
// can say what a release would run with after install.sh. Written from Helm's
// own code, not from this project's merge helpers, so it checks them rather
// than repeating them:
//
// - pkg/cli/values/options.go `MergeValues`: every --values file is read in
//   order and merged into the result with `mergeMaps`, then --set, then
//   --set-string are applied on top (strvals.ParseInto / ParseIntoString).
// - `mergeMaps(a, b)`: keys of b override keys of a; where both hold a map the
//   maps are merged recursively; anything else in b (a scalar, a list, null)
//   replaces a's value whole. Lists are never merged element by element.
// - chartutil.ReadValues: an empty file, or one holding only `null` (what
//   `helm get values` prints for a release without user values), is `{}`.
//
// A null left in the result deletes the chart's default for that key when
// Helm later coalesces with values.yaml; these are the user-supplied values
// before that step, which is what install.sh controls.
export type Values = { [key: string]: unknown };

function isMap(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Helm's mergeMaps: b over a, maps merged recursively, everything else replaced. */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = isMap(value) && isMap(existing) ? mergeMaps(existing, value) : value;
  }
  return out;
}

/** A values file's content as Helm reads it: a map, or `{}` for an empty or null document. */
export function asValuesFile(parsed: unknown): Values {
  if (parsed === null || parsed === undefined) return {};
  if (!isMap(parsed)) throw new Error("a values file must hold a map at its top level");
  return parsed;
}

/**
 * One `--set path=value` (or `--set-string`): dotted path, maps created on the
 * way. `--set` reads integers, booleans and null as such (strvals' typed
 * parsing); `--set-string` keeps the text. Only the plain `a.b.c=value` form
 * install.sh uses is supported: lists, escapes and commas throw, so a new
 * form cannot pass unnoticed.
 */
export function applySet(values: Values, assignment: string, asString: boolean): Values {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw new Error(`not a key=value assignment: ${assignment}`);
  const path = assignment.slice(0, eq).split(".");
  const text = assignment.slice(eq + 1);
  if (path.some((part) => !/^[A-Za-z0-9_-]+$/.test(part)) || /[,[\]\\]/.test(text)) {
    throw new Error(`unsupported --set form: ${assignment}`);
  }
  const typed: unknown = asString
    ? text
    : /^-?(0|[1-9][0-9]*)$/.test(text)
      ? Number(text)
      : text === "true"
        ? true
        : text === "false"
          ? false
          : text === "null"
            ? null
            : text;
  const patch: Values = {};
  let at = patch;
  path.forEach((part, i) => {
    if (i === path.length - 1) at[part] = typed;
    else at = at[part] = {};
  });
  return mergeMaps(values, patch);
}

export interface HelmValuesArgs {
  /** The parsed --values files, in the order given. */
  files: unknown[];
  sets: Array<{ assignment: string; asString: boolean }>;
}

/** Everything Helm would pass to the chart as user-supplied values. */
export function helmUserValues({ files, sets }: HelmValuesArgs): Values {
  let values: Values = {};
  for (const file of files) values = mergeMaps(values, asValuesFile(file));
  // Helm applies every --set before every --set-string, whatever their order on the line.
  for (const set of sets.filter((s) => !s.asString))
    values = applySet(values, set.assignment, false);
  for (const set of sets.filter((s) => s.asString)) values = applySet(values, set.assignment, true);
  return values;
}

/** Leaf paths of a values tree; a list (or null, or a scalar) is one leaf. */
export function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (isMap(value) && (Object.keys(value).length > 0 || path.length === 0)) {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]));
  }
  return [path];
}

/** The value at a path, or undefined. */
export function valueAt(values: unknown, path: readonly string[]): unknown {
  let at = values;
  for (const key of path) {
    if (!isMap(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

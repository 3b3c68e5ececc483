// Key paths into Helm values: arrays of map keys (and list indexes), because
// real keys contain dots (`service.beta.kubernetes.io/aws-load-balancer-scheme`)
// and a dot-joined string could not tell them apart.
import { isPlainObject, type HelmValues } from "../values/merge";

export type KeyPath = ReadonlyArray<string | number>;

/** A stable map key for a path (no key or index contains U+0000 in practice). */
export function pathKey(path: KeyPath): string {
  return path.map(String).join("\u0000");
}

/**
 * How a path is shown to people: dots between keys, a key that holds a dot
 * or a space in brackets and quotes (as jq and yq write it), list items as [n].
 */
export function displayPath(path: KeyPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function getPath(values: unknown, path: KeyPath): unknown {
  let node: unknown = values;
  for (const part of path) {
    if (typeof part === "number") {
      if (!Array.isArray(node)) return undefined;
      node = node[part];
    } else {
      if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined;
      node = node[part];
    }
  }
  return node;
}

/**
 * A non-empty string at `path`, or undefined (numbers are read as their text,
 * as Helm templates do). Not trimmed: " x" is what the chart receives.
 */
export function getString(values: unknown, path: KeyPath): string | undefined {
  const value = getPath(values, path);
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A whole number at `path` (also from text such as "3"), or undefined. */
export function getInteger(values: unknown, path: KeyPath): number | undefined {
  const value = getPath(values, path);
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** true/false at `path` (also the text "true"/"false"), or undefined. */
export function getBoolean(values: unknown, path: KeyPath): boolean | undefined {
  const value = getPath(values, path);
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return undefined;
}

export function getMap(values: unknown, path: KeyPath): HelmValues | undefined {
  const value = getPath(values, path);
  return isPlainObject(value) ? value : undefined;
}

/** Every leaf of a values tree: scalars, lists (whole) and empty maps, with their paths. */
export function leaves(
  values: unknown,
  prefix: KeyPath = [],
): Array<{ path: KeyPath; value: unknown }> {
  if (!isPlainObject(values) || (Object.keys(values).length === 0 && prefix.length > 0)) {
    return [{ path: prefix, value: values }];
  }
  return Object.entries(values).flatMap(([key, value]) => leaves(value, [...prefix, key]));
}

/** True when `path` starts with `prefix`. */
export function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** A copy of `values` without the leaves `drop` selects; maps left empty by it are removed. */
export function withoutPaths(
  values: HelmValues,
  drop: (path: KeyPath) => boolean,
  prefix: KeyPath = [],
): HelmValues {
  const out: HelmValues = {};
  for (const [key, value] of Object.entries(values)) {
    const path = [...prefix, key];
    if (drop(path)) continue;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      const kept = withoutPaths(value, drop, path);
      if (Object.keys(kept).length > 0) out[key] = kept;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** A copy of `values` with `value` at `path` (maps created as needed; lists are not entered). */
export function withPath(
  values: HelmValues,
  path: ReadonlyArray<string>,
  value: unknown,
): HelmValues {
  const [head, ...rest] = path;
  if (head === undefined) return values;
  const out: HelmValues = { ...values };
  if (rest.length === 0) {
    out[head] = value;
  } else {
    const child = out[head];
    out[head] = withPath(isPlainObject(child) ? child : {}, rest, value);
  }
  return out;
}

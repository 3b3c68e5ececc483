// Deep merge of Helm values fragments, the way Helm layers values files:
// maps merge key by key, anything else (scalars, lists) is replaced whole.
export type HelmValues = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is HelmValues {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merge `secondary` into `primary`. On a conflict between two non-map values
 * `primary` wins, so the networking values (the wizard's core) can never be
 * overridden by a fragment from elsewhere. Key order: primary's keys first,
 * then keys only `secondary` has, so files read networking-first.
 */
export function mergeValues(primary: HelmValues, secondary: HelmValues): HelmValues {
  const out: HelmValues = {};
  for (const [key, value] of Object.entries(primary)) {
    const other = secondary[key];
    out[key] = isPlainObject(value) && isPlainObject(other) ? mergeValues(value, other) : value;
  }
  for (const [key, value] of Object.entries(secondary)) {
    if (!(key in primary)) out[key] = value;
  }
  return out;
}

// Deep merge of plain values objects: the platform areas each build a small
// fragment (storage, identity, TLS, ...) and several of them write under the
// same parent (`bufstream.deployment`, `kafka`). Arrays and scalars from the
// later fragment replace earlier ones, as Helm's own values layering does.

export type Values = Record<string, unknown>;

function isPlainObject(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A new object: `base` with `overlay` merged in; neither input is modified. */
export function mergeValues(base: Values, overlay: Values): Values {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const existing = out[key];
    out[key] =
      isPlainObject(existing) && isPlainObject(value) ? mergeValues(existing, value) : value;
  }
  return out;
}

export function mergeAll(fragments: Values[]): Values {
  return fragments.reduce<Values>((acc, fragment) => mergeValues(acc, fragment), {});
}

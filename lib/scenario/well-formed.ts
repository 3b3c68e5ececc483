// Text that UTF-8 can carry (issue 17). A JavaScript string is UTF-16, and the
// one thing UTF-16 can hold that UTF-8 cannot is a lone surrogate: half of a
// pair (U+D800 to U+DFFF) without its other half. It reaches a scenario through
// a JSON escape (`"\ud800"` in a share link or a scenario file). TextEncoder,
// Node's Buffer and the YAML library all replace it with U+FFFD, so the value
// installed would silently differ from the value given; the schema rejects it.

// With the `u` flag a regular expression reads code points, so a proper pair is
// one astral code point and only a lone half falls in this range.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Where the first lone surrogate is (UTF-16 index), or -1 when UTF-8 can hold `value` as it is. */
export function findLoneSurrogate(value: string): number {
  return LONE_SURROGATE.exec(value)?.index ?? -1;
}

/** The field message for text holding a lone surrogate; undefined for anything else. */
export function loneSurrogateMessage(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const at = findLoneSurrogate(value);
  if (at === -1) return undefined;
  const code = value.charCodeAt(at).toString(16).toUpperCase();
  return `Character ${at + 1} is broken (U+${code}, half of a character pair without its other half) and cannot be written as UTF-8. Delete it and type the character again.`;
}

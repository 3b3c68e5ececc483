// What a share link may carry (issue 17). A link is untrusted input decoded on
// the page's main thread, so each cap bounds one way of making that decode
// slow; all of them sit far above what a scenario needs. The largest scenario
// the schema accepts (testing/largest-scenario.ts: every field at its longest,
// in three-byte characters DEFLATE cannot shrink, every list full) is about
// 30,000 characters of link, 29 KB of JSON and 120 values; a preset's link is a
// few hundred characters. codec.test.ts holds the largest scenario under every
// cap, and `npm run bench:links` times decoding at the caps.
//
// Changing a cap: every cap must stay above what the largest scenario's link
// needs (codec.test.ts checks it), or links the wizard wrote would stop opening.
import { isPlainObject } from "./json";

export const LINK_LIMITS = {
  /** Characters of the link as given (URL, fragment or payload). */
  chars: 48 * 1024,
  /** Bytes of JSON once inflated: a few kilobytes of DEFLATE can expand to megabytes. */
  inflatedBytes: 64 * 1024,
  /**
   * Values in the JSON: object members plus list items, at every depth. The
   * cost of validating and salvaging a scenario grows with this; a link of
   * 20,000 zone hosts took 634 ms of main thread before it was capped.
   */
  entries: 1000,
  /**
   * Values in any one object or list. Salvaging re-validates the whole
   * scenario once per field it tries, so a big valid map (zone hosts) costs
   * once per field: 800 hosts took 41 ms to salvage, 100 take a few.
   */
  entriesPerObject: 100,
} as const;

/**
 * A whole number with thousands separators ("49,152"). Not `toLocaleString`:
 * the first call of any Intl formatter in a page loads ICU's locale data,
 * 27–40 ms of main thread in Chromium (four times that on Lighthouse's phone),
 * and this module is evaluated on every share link's start-up (issue 14).
 */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The caps in words, for every too-large message (the broken-link notice, the CLI). */
export const LINK_LIMITS_TEXT = `A bufstream-wizard link is at most ${groupThousands(LINK_LIMITS.chars)} characters long, unpacks to at most ${LINK_LIMITS.inflatedBytes / 1024} KiB and carries at most ${groupThousands(LINK_LIMITS.entries)} values, at most ${LINK_LIMITS.entriesPerObject} in any one list or map: far more than any scenario needs.`;

export const tooManyCharsMessage = (chars: number) =>
  `This link is too large: it is ${groupThousands(chars)} characters long. ${LINK_LIMITS_TEXT}`;

export const tooManyBytesMessage = () =>
  `This link is too large: it unpacks to more than ${LINK_LIMITS.inflatedBytes / 1024} KiB. ${LINK_LIMITS_TEXT}`;

export interface EntryCount {
  /** Object members and list items, at every depth. */
  total: number;
  /** The object or list holding the most of them, and how many (dot-separated path). */
  largest: { path: string; entries: number };
}

/**
 * Counts the values in parsed JSON without recursion (a hostile link nests
 * lists tens of thousands deep). Linear in the size of the JSON, which the
 * inflated-bytes cap already bounds.
 */
export function countEntries(root: unknown): EntryCount {
  const count: EntryCount = { total: 0, largest: { path: "", entries: 0 } };
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: "" }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    let children: Array<[string, unknown]>;
    if (Array.isArray(value)) children = value.map((child, i) => [String(i), child]);
    else if (isPlainObject(value)) children = Object.entries(value);
    else continue;
    count.total += children.length;
    if (children.length > count.largest.entries) {
      count.largest = { path, entries: children.length };
    }
    for (const [key, child] of children) {
      if (typeof child === "object" && child !== null) {
        stack.push({ value: child, path: path === "" ? key : `${path}.${key}` });
      }
    }
  }
  return count;
}

/** Whether `count` is within the entry caps. */
export function entriesFit({ total, largest }: EntryCount): boolean {
  return total <= LINK_LIMITS.entries && largest.entries <= LINK_LIMITS.entriesPerObject;
}

export function tooManyEntriesMessage({ total, largest }: EntryCount): string {
  const where = largest.path === "" ? "at the top level" : `in ${largest.path}`;
  return `This link is too large: it carries ${groupThousands(total)} values, ${groupThousands(largest.entries)} of them ${where}. ${LINK_LIMITS_TEXT}`;
}

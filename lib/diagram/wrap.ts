// Line breaks for diagram labels, decided here rather than by Mermaid (issue 12).
//
// Mermaid wraps a label that reaches its wrapping width with the browser's own
// line breaking, which breaks after any hyphen ("bufstream-us-east-" /
// "1a.bufstream…") and, for edge labels, at a fixed 200 px. So every label line
// is kept shorter than that here, measured with the advance widths of the font
// the diagram is drawn in (text-metrics.ts, the page's own font), and broken
// where a reader expects it:
// - an address breaks before a dot, never inside a DNS label (so never inside a
//   zone name such as `us-east-1a`) and never before its `:port`: the lines
//   joined with "" give the address back exactly;
// - prose breaks at spaces; a word too long for a line stays whole, except an
//   address inside prose, which breaks at its dots.
import { DIAGRAM_FONT_ADVANCES } from "./text-metrics";

/** The font size Mermaid draws labels in (its default, kept in mermaid-config.ts). */
export const DIAGRAM_FONT_SIZE_PX = 16;
/** Characters outside the table (other scripts, emoji) count as 1 em: lines err on the short side. */
const UNKNOWN_ADVANCE = 1000;
/**
 * Widest line of a node label. Mermaid's own wrapping width is set far above it
 * (mermaid-config.ts), so Mermaid never wraps a node label itself.
 */
export const NODE_LINE_MAX_PX = 200;
/**
 * Widest line of an edge label: Mermaid wraps edge labels at a fixed 200 px, so
 * stay clear of it (the table ignores kerning, which only narrows text).
 */
export const EDGE_LINE_MAX_PX = 184;

/** The width of one line of text in CSS px at the diagram's font size. */
export function textWidth(text: string): number {
  let total = 0;
  for (const char of text) total += DIAGRAM_FONT_ADVANCES[char] ?? UNKNOWN_ADVANCE;
  return (total * DIAGRAM_FONT_SIZE_PX) / 1000;
}

/** Packs pieces greedily into lines no wider than `max`, joining with `glue`. */
function pack(pieces: readonly string[], max: number, glue: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    const candidate = line === "" ? piece : `${line}${glue}${piece}`;
    if (line !== "" && textWidth(candidate) > max) {
      lines.push(line);
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * The pieces an address may break between: before each dot, and within a DNS
 * label too wide for a line on its own, before a hyphen that is not inside one
 * of the `keep` strings (zone names).
 */
function addressPieces(text: string, max: number, keep: readonly string[] | null): string[] {
  return text.split(/(?=\.)/).flatMap((segment) => {
    if (keep === null || textWidth(segment) <= max) return [segment];
    const inside = (at: number) =>
      keep.some((word: string) => {
        if (word === "") return false;
        for (
          let start = segment.indexOf(word);
          start >= 0;
          start = segment.indexOf(word, start + 1)
        ) {
          if (at > start && at < start + word.length) return true;
        }
        return false;
      });
    const pieces: string[] = [];
    let from = 0;
    for (let at = segment.indexOf("-", 1); at > 0; at = segment.indexOf("-", at + 1)) {
      if (inside(at)) continue;
      pieces.push(segment.slice(from, at));
      from = at;
    }
    pieces.push(segment.slice(from));
    return pieces;
  });
}

/**
 * An address (`host:port`, maybe with a suffix such as ` ×3`) as lines no wider
 * than `max` where possible, broken only before dots; with `keep` (for edge
 * labels, which Mermaid wraps at a fixed width), a DNS label too wide on its
 * own also breaks before a hyphen outside the `keep` strings (zone names).
 * Node labels pass no `keep`: a long label stays whole, Mermaid's node wrapping
 * width is far above it.
 */
export function breakAddress(
  text: string,
  max: number,
  keep: readonly string[] | null = null,
): string[] {
  if (textWidth(text) <= max) return [text];
  // "a.b.c:9092" -> ["a", ".b", ".c:9092"]; a trailing suffix stays with the port.
  return pack(addressPieces(text, max, keep), max, "");
}

/** Prose as lines no wider than `max`, broken at spaces (and long addresses at their dots). */
export function wrapWords(text: string, max: number): string[] {
  const words = text.split(" ").filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (textWidth(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    if (textWidth(word) <= max) {
      line = word;
      continue;
    }
    const parts = breakAddress(word, max);
    lines.push(...parts.slice(0, -1));
    line = parts.at(-1) ?? "";
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * Several addresses broken at the same dots, so that zones whose addresses
 * differ only in the zone name get labels of the same shape (issue 12: the same
 * shape in every zone). Addresses with different numbers of DNS labels are
 * broken one by one.
 */
export function breakAddresses(
  texts: readonly string[],
  max: number,
  keep: readonly string[] | null = null,
): string[][] {
  const split = texts.map((text) => addressPieces(text, max, keep));
  const count = split[0]?.length ?? 0;
  if (texts.length < 2 || split.some((segments) => segments.length !== count)) {
    return texts.map((text) => breakAddress(text, max, keep));
  }
  if (texts.every((text) => textWidth(text) <= max)) return texts.map((text) => [text]);
  const fits = (from: number, to: number) =>
    split.every((segments) => textWidth(segments.slice(from, to).join("")) <= max);
  const breaks: number[] = [];
  let start = 0;
  for (let end = 1; end < count; end += 1) {
    if (!fits(start, end + 1)) {
      breaks.push(end);
      start = end;
    }
  }
  return split.map((segments) => {
    const lines: string[] = [];
    let from = 0;
    for (const at of [...breaks, count]) {
      lines.push(segments.slice(from, at).join(""));
      from = at;
    }
    return lines;
  });
}

// The share link's compression: raw DEFLATE (RFC 1951, no zlib or gzip
// header: the link's version prefix already says what follows) at level 9.
// The only importer of fflate's deflate/inflate in lib/share (DESIGN.md section 5:
// one adapter per library), so the library can be swapped here alone.
import { Inflate, deflateSync, zlibSync } from "fflate";

export function deflateBytes(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 9 });
}

/** DEFLATE with the zlib header (RFC 1950), which the Mermaid Live editor's `pako:` links use. */
export function zlibBytes(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 9 });
}

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: "truncated" | "corrupt" | "too-large" };

/** Input is fed in slices this big, so one slice can inflate to at most ~1 MiB (DEFLATE tops out near 1032:1). */
const SLICE = 1024;

/**
 * Inflates at most `maxBytes` of output. A link is untrusted: a few kilobytes
 * of DEFLATE can expand to megabytes (a "zip bomb"), so output is counted as it
 * streams and decoding stops once the limit is passed.
 */
export function inflateBytes(data: Uint8Array, maxBytes: number): InflateResult {
  if (data.length === 0) return { ok: false, reason: "truncated" };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) {
      tooLarge = true;
      return;
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && !tooLarge; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    // fflate says "unexpected EOF" when the stream stops before its last block.
    const message = error instanceof Error ? error.message : "";
    return { ok: false, reason: /EOF/i.test(message) ? "truncated" : "corrupt" };
  }
  if (tooLarge) return { ok: false, reason: "too-large" };
  if (!ended) return { ok: false, reason: "truncated" };
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}

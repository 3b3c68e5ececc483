import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { deflateBytes, inflateBytes } from "./compress";

describe("deflate/inflate", () => {
  it("round-trips any bytes within the limit", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const result = inflateBytes(deflateBytes(bytes), 10_000);
        expect(result).toEqual({ ok: true, bytes });
      }),
      { numRuns: 200 },
    );
  });

  it("says a stream that stops early was truncated", () => {
    const text = new TextEncoder().encode(JSON.stringify({ long: "z".repeat(2000), n: 1 }));
    const deflated = deflateBytes(text);
    expect(inflateBytes(deflated.subarray(0, deflated.length - 2), 1e6)).toEqual({
      ok: false,
      reason: "truncated",
    });
    expect(inflateBytes(new Uint8Array(0), 1e6)).toEqual({ ok: false, reason: "truncated" });
  });

  it("stops a zip bomb at the output limit", () => {
    const bomb = deflateBytes(new Uint8Array(2_000_000));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(inflateBytes(bomb, 256 * 1024)).toEqual({ ok: false, reason: "too-large" });
  });

  it("reports corrupt data", () => {
    // Block type 3 is reserved in RFC 1951.
    expect(inflateBytes(new Uint8Array([0x07, 0x00]), 1e6)).toEqual({
      ok: false,
      reason: "corrupt",
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeBase64Url, encodeBase64Url } from "./base64url";

describe("base64url", () => {
  it("matches Node's base64url encoder and round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it("rejects characters outside the alphabet and impossible lengths", () => {
    for (const bad of ["ab+c", "ab/c", "abc=", "ab c", "é", "A", "AAAAA"]) {
      expect(decodeBase64Url(bad)).toBeNull();
    }
  });

  it("decodes the empty string to no bytes", () => {
    expect(decodeBase64Url("")).toEqual(new Uint8Array(0));
  });
});

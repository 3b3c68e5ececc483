import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildPolicy,
  injectMetaPolicy,
  inlineScriptHashes,
  renderHeadersFile,
  sha256Source,
} from "./postbuild";

const page = [
  '<!DOCTYPE html><html><head><meta charset="utf-8"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  "</head><body><p>hi</p>",
  '<script>self.__next_f.push([1,"a"])</script>',
  '<script>self.__next_f.push([1,"é"])</script>',
  "</body></html>",
].join("");

describe("postbuild", () => {
  it("hashes the exact UTF-8 bytes of each inline script, skipping external ones", () => {
    const expected = (text: string) =>
      `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;
    expect(inlineScriptHashes(page)).toEqual([
      expected('self.__next_f.push([1,"a"])'),
      expected('self.__next_f.push([1,"é"])'),
    ]);
    // The empty script's hash is a well-known constant.
    expect(sha256Source("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("builds a policy that allows only hashed inline script", () => {
    const policy = buildPolicy(["'sha256-abc'"], false);
    expect(policy).toContain("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Browsers ignore frame-ancestors in <meta> and warn in the console.
    expect(buildPolicy([], true)).not.toContain("frame-ancestors");
  });

  it("puts the meta policy before the first script, once, even when run twice", () => {
    const once = injectMetaPolicy(page, "default-src 'self'");
    const twice = injectMetaPolicy(once, "default-src 'none'");
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toContain("content=\"default-src 'none'\"");
    expect(twice.indexOf("Content-Security-Policy")).toBeLessThan(twice.indexOf("<script"));
    expect(twice.indexOf('<meta charset="utf-8"/>')).toBeLessThan(
      twice.indexOf("Content-Security-Policy"),
    );
  });

  it("writes a _headers file serve.mjs and static hosts understand", () => {
    const text = renderHeadersFile("default-src 'self'");
    expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'$/m);
    expect(text).toContain("X-Content-Type-Options: nosniff");
  });
});

import { describe, expect, it } from "vitest";
import { COMPILE_HINT, startUpScriptUrls, withCompileHint } from "./compile-hints";
import { injectStartUpScript } from "./start-up-html";

const page = '<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body></body></html>';

describe("compile hints (postbuild)", () => {
  it("lists what the start-up script loads: the framework's scripts, then the lazy chunks, each once", () => {
    const html = injectStartUpScript(page, "0", {
      scripts: ["/_next/static/chunks/a.js", "/_next/static/chunks/turbopack-t.js"],
      lazy: ["/_next/static/chunks/l&1.js", "/_next/static/chunks/a.js"],
    });
    expect(startUpScriptUrls(html)).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/turbopack-t.js",
      "/_next/static/chunks/l&1.js",
    ]);
  });

  it("finds nothing on a page without the start-up script", () => {
    expect(startUpScriptUrls(page)).toEqual([]);
    expect(startUpScriptUrls('<script src="/x.js" data-scripts="/y.js"></script>')).toEqual([]);
  });

  it("puts the magic comment V8 reads on the first line, once however often postbuild runs", () => {
    const code = '(globalThis.TURBOPACK||[]).push(["x",1,()=>{}]);';
    const once = withCompileHint(code);
    expect(once).toBe(`//# allFunctionsCalledOnLoad\n${code}`);
    expect(withCompileHint(once)).toBe(once);
    expect(COMPILE_HINT.endsWith("\n")).toBe(true);
  });
});

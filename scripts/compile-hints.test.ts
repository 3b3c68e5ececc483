import { describe, expect, it } from "vitest";
import { COMPILE_HINT, withCompileHint } from "./compile-hints";

describe("compile hints (postbuild)", () => {
  it("puts the magic comment V8 reads on the first line, once however often postbuild runs", () => {
    const code = '(globalThis.TURBOPACK||[]).push(["x",1,()=>{}]);';
    const once = withCompileHint(code);
    expect(once).toBe(`//# allFunctionsCalledOnLoad\n${code}`);
    expect(withCompileHint(once)).toBe(once);
    expect(COMPILE_HINT.endsWith("\n")).toBe(true);
  });
});

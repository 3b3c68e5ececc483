import { describe, expect, it } from "vitest";
import { FAILING_STROKE } from "@/lib/diagram/failing-stroke";
import { mermaidConfig } from "./mermaid-config";

describe("mermaid config", () => {
  it("draws failing edges in a lighter red on the dark theme only", () => {
    const dark = mermaidConfig("dark", "sans-serif");
    expect(dark.themeCSS).toContain(`path[style*="${FAILING_STROKE}"]`);
    expect(dark.themeCSS).toMatch(/stroke: #f97066 !important/);
    expect(mermaidConfig("light", "sans-serif").themeCSS).toBeUndefined();
  });
});

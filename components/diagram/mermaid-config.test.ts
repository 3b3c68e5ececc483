import { describe, expect, it } from "vitest";
import { FAILING_STROKE } from "@/lib/diagram/failing-stroke";
import { mermaidConfig } from "./mermaid-config";

describe("mermaid config", () => {
  it("draws failing edges in a lighter red on the dark theme only", () => {
    const dark = mermaidConfig("dark", "sans-serif");
    expect(dark.themeCSS).toContain(`path[style*="${FAILING_STROKE}"]`);
    expect(dark.themeCSS).toMatch(/stroke: #f97066 !important/);
    expect(mermaidConfig("light", "sans-serif").themeCSS).not.toContain("f97066");
  });
});

describe("sequence message text", () => {
  it("is backed with the stage's colour, in each theme", () => {
    expect(mermaidConfig("light", "sans-serif").themeCSS).toMatch(
      /\.messageText \{[^}]*stroke: #ffffff/,
    );
    expect(mermaidConfig("dark", "sans-serif").themeCSS).toMatch(
      /\.messageText \{[^}]*stroke: #0f1115/,
    );
  });
});

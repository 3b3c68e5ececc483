// The stand-in for marked (scripts/mermaid-marked-stub.mjs) fits only while
// mermaid uses nothing of marked but `marked.lexer`, and only for markdown
// labels, which the wizard's escaped labels never are. A mermaid upgrade that
// uses more fails here, not on the page.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeLabel } from "@/lib/diagram/escape";
import { marked } from "./mermaid-marked-stub.mjs";

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve("mermaid/package.json")), "dist");

/** Every ES module mermaid's browser entry can load (the core and its chunks). */
function mermaidModules(): Array<{ name: string; source: string }> {
  const chunkDir = path.join(distDir, "chunks", "mermaid.core");
  return [
    {
      name: "mermaid.core.mjs",
      source: readFileSync(path.join(distDir, "mermaid.core.mjs"), "utf8"),
    },
    ...readdirSync(chunkDir)
      .filter((name) => name.endsWith(".mjs"))
      .map((name) => ({ name, source: readFileSync(path.join(chunkDir, name), "utf8") })),
  ];
}

const IMPORTS_MARKED = /import\s*\{([^}]*)\}\s*from\s*["']marked["']/;

describe("mermaid's use of marked", () => {
  const importers = mermaidModules().filter(({ source }) => /from\s*["']marked["']/.test(source));

  it("is one module importing { marked } and calling only marked.lexer, for markdown labels", () => {
    expect(importers.map(({ name }) => name)).toHaveLength(1);
    const [{ source }] = importers as [{ name: string; source: string }];
    expect(IMPORTS_MARKED.exec(source)?.[1]?.trim()).toBe("marked");
    const uses = [...source.matchAll(/\bmarked\b(\.\w+)?/g)].map((match) => match[0]);
    // The import itself, its two lexer calls, and nothing else.
    expect(uses.filter((use) => use !== "marked").sort()).toEqual(["marked.lexer", "marked.lexer"]);
    // Each lexer call sits in a private markdown-only function, and each of
    // those is called once, behind createText's `markdown` flag.
    expect(source).not.toMatch(/export\s*\{[^}]*markdownTo/);
    const calls = (name: string) =>
      [...source.matchAll(new RegExp(`(?<!function )\\b${name}\\(`, "g"))].length;
    expect(calls("markdownToHTML")).toBe(1);
    expect(calls("markdownToLines")).toBe(1);
    expect(source).toContain("markdown ? markdownToHTML(text, config) : nonMarkdownToHTML(text)");
    expect(source).toContain("markdown ? markdownToLines(");
  });

  it("is never needed: an escaped label cannot be a markdown string", () => {
    // Mermaid reads a label as markdown when it is written "`…`"; the escape
    // turns every backtick into an entity (its property test covers all text).
    expect(escapeLabel("`**md**`")).not.toContain("`");
  });

  it("fails loudly if ever reached, instead of drawing a label wrong", () => {
    expect(() => marked.lexer()).toThrow(/markdown label/);
  });
});

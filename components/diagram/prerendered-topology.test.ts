import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultTopologyText } from "./default-topology";
import { PRERENDERED_TOPOLOGY_SIZE, PRERENDERED_TOPOLOGY_TEXT } from "./prerendered-topology";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("the prerendered default diagram", () => {
  it("was drawn from the Mermaid text the page draws for the default scenario (else: npm run draw-default-diagram)", () => {
    expect(PRERENDERED_TOPOLOGY_TEXT).toBe(defaultTopologyText());
  });

  it.each(["light", "dark"])("has a sanitised %s SVG of the recorded size", (theme) => {
    const svg = readFileSync(
      path.join(root, "public", "prerendered", `default-topology-${theme}.svg`),
      "utf8",
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    // Shown through <img>, the file must be XML: HTML void tags such as <br> break it.
    expect(svg).not.toMatch(/<(br|hr|img|input)(\s[^>]*[^/])?>/);
    // The fonts it was measured in travel with it (an <img> cannot use the page's).
    for (const family of ["Wizard Sans", "Wizard Symbols"]) {
      expect(svg).toContain(`@font-face{font-family:"${family}";src:url(data:font/woff2;base64,`);
    }
    const viewBox = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
    expect(Math.ceil(Number(viewBox?.[1]))).toBe(PRERENDERED_TOPOLOGY_SIZE.width);
    expect(Math.ceil(Number(viewBox?.[2]))).toBe(PRERENDERED_TOPOLOGY_SIZE.height);
  });
});

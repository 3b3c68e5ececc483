// The fonts the topology diagram is drawn in, for the build-time drawing
// (scripts/prerender-diagram.ts) and its e2e check: the page's own font
// (Source Sans 3 from @fontsource, latin, 400, which components/ui/page-font.ts
// ships to the page) and the wizard's symbol font, a subset of DejaVu Sans with
// the few glyphs the labels use that the latin subset lacks (①②③ and ✗ ✓).
//
// The symbol font is generated (subsetFont, HarfBuzz) and committed, so the
// page build needs neither DejaVu nor HarfBuzz; the prerender regenerates it
// and its check fails when the committed file differs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The glyphs of the symbol font: the numbered steps and the check marks. */
export const SYMBOL_CHARACTERS = "①②③④⑤⑥⑦⑧⑨✓✗";

export const PAGE_FONT_FILE = path.join(
  root,
  "node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2",
);
export const SYMBOL_FONT_FILE = path.join(root, "components/ui/fonts/wizard-symbols.woff2");
const SYMBOL_SOURCE_FILE = path.join(
  root,
  "node_modules/@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2",
);

/** The family names the build-time drawing uses (it carries its own @font-face rules). */
export const DRAWING_FONT_FAMILIES = { text: "Wizard Sans", symbols: "Wizard Symbols" } as const;

/** The symbol font as it should be committed (deterministic: same input, same bytes). */
export async function buildSymbolFont(): Promise<Buffer> {
  return subsetFont(readFileSync(SYMBOL_SOURCE_FILE), SYMBOL_CHARACTERS, {
    targetFormat: "woff2",
  });
}

/** A font cut down to the characters `text` uses, as woff2 (for embedding in an SVG). */
export async function subsetForText(font: Buffer, text: string): Promise<Buffer> {
  const characters = [...new Set(text)].sort().join("");
  return subsetFont(font, characters, { targetFormat: "woff2" });
}

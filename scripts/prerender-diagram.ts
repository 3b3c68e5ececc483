// Pre-draws the default scenario's topology diagram, in the light and dark
// themes, so the static page shows it at first paint instead of after mermaid
// (about 200 KiB gzip of JavaScript) has loaded and drawn (issue 7). The page
// shows these files only while its own Mermaid text equals the text drawn
// here, and replaces them with mermaid's live drawing once that is ready.
//
//   npm run draw-default-diagram
//
// Writes, from the same Chromium and the same fonts every time (issue 12):
// - public/prerendered/default-topology-{light,dark}.svg: Mermaid's drawing,
//   serialised as XML, with the fonts it was measured in embedded (cut down to
//   the characters it uses). Shown through <img>, an SVG cannot use the page's
//   fonts, and labels measured in one font and shown in another overflow; with
//   the fonts inside it, the image looks the same on every machine and in any
//   viewer, and it is what "Download SVG" gives for the default answers.
// - components/diagram/prerendered-topology.ts: the text drawn, its size and
//   where the clients are (the viewer opens "actual size" on them).
// - lib/diagram/text-metrics.ts: the font's advance widths, for label line breaks.
// - components/ui/fonts/wizard-symbols.woff2: the symbol font (diagram-fonts.ts).
//
// Every glyph drawn comes from the embedded fonts, never from the machine's
// own, so redrawing gives the same bytes; e2e/prerendered-diagram.spec.ts
// redraws and compares. Needs Debian's Chromium at /usr/bin/chromium (or
// CHROMIUM_PATH): mermaid cannot lay out text without a browser (STACK.md trap 1).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { defaultTopologyText } from "../components/diagram/default-topology";
import { clipEdgesAtTitles } from "../components/diagram/edge-title-clip";
import { mermaidConfig, type DiagramTheme } from "../components/diagram/mermaid-config";
import {
  buildSymbolFont,
  DRAWING_FONT_FAMILIES,
  PAGE_FONT_FILE,
  SYMBOL_CHARACTERS,
  SYMBOL_FONT_FILE,
  subsetForText,
} from "./diagram-fonts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const THEMES: DiagramTheme[] = ["light", "dark"];
const FONT_FAMILY = `"${DRAWING_FONT_FAMILIES.text}", "${DRAWING_FONT_FAMILIES.symbols}", sans-serif`;
/** Characters whose advance widths lib/diagram/text-metrics.ts records. */
const MEASURED = `${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("")}·×…–‹›${SYMBOL_CHARACTERS}`;

/** Chromium as the drawing needs it: the flags of playwright.config.ts, and no font hinting. */
export function launchDrawingBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Hinting can round glyph advances to whole pixels, differently per machine setting.
      "--font-render-hinting=none",
    ],
  });
}

function fontFace(family: string, woff2: Buffer): string {
  return `@font-face{font-family:"${family}";src:url(data:font/woff2;base64,${woff2.toString("base64")}) format("woff2");}`;
}

export interface Drawing {
  /** Repository-relative path -> exact file content. */
  files: Map<string, string | Buffer>;
}

/** Draws everything this script writes, without writing it. */
export async function drawDefaultDiagram(browser: Browser): Promise<Drawing> {
  const files = new Map<string, string | Buffer>();
  const symbols = await buildSymbolFont();
  files.set(path.relative(root, SYMBOL_FONT_FILE), symbols);
  const text = defaultTopologyText();
  const page = await browser.newPage();
  try {
    // Both fonts whole while drawing, so measurement sees every glyph.
    await page.setContent(
      `<!doctype html><html><head><style>${fontFace(DRAWING_FONT_FAMILIES.text, readFileSync(PAGE_FONT_FILE))}${fontFace(DRAWING_FONT_FAMILIES.symbols, symbols)}</style></head><body></body></html>`,
    );
    await page.addScriptTag({ path: path.join(root, "node_modules/mermaid/dist/mermaid.min.js") });
    // The page clips edges at subgraph titles after mermaid draws; so does this drawing.
    // (`__name`: tsx's keepNames wraps named inner functions in it.)
    await page.addScriptTag({
      content: `globalThis.__name = (fn) => fn; globalThis.clipEdgesAtTitles = ${clipEdgesAtTitles.toString()};`,
    });
    await page.evaluate(
      async ({ family, sample }) => {
        await document.fonts.load(`16px ${family}`, sample);
        await document.fonts.ready;
      },
      { family: FONT_FAMILY, sample: MEASURED },
    );
    const advances = await page.evaluate(
      ({ family, characters }) => {
        const context = document.createElement("canvas").getContext("2d");
        if (context === null) throw new Error("no canvas");
        context.font = `1000px ${family}`;
        return [...characters].map(
          (c) => [c, Math.round(context.measureText(c).width)] as [string, number],
        );
      },
      { family: FONT_FAMILY, characters: MEASURED },
    );
    files.set(
      "lib/diagram/text-metrics.ts",
      [
        "// Generated by scripts/prerender-diagram.ts (npm run draw-default-diagram); do not edit.",
        "// Advance widths of the diagram font (Source Sans 3, 400, with the wizard's symbol",
        "// font for ①②③✗✓), in thousandths of the font size, as Chromium measures them.",
        `export const DIAGRAM_FONT_ADVANCES: Readonly<Record<string, number>> = ${JSON.stringify(Object.fromEntries(advances))};`,
        "",
      ].join("\n"),
    );

    let size = { width: 0, height: 0 };
    let anchor = { x: 0, y: 0 };
    for (const theme of THEMES) {
      const drawn = await page.evaluate(
        async ({ text, config }) => {
          const w = window as unknown as {
            mermaid: {
              initialize(c: object): void;
              render(id: string, t: string): Promise<{ svg: string }>;
            };
            clipEdgesAtTitles(svg: Element): void;
          };
          w.mermaid.initialize(config);
          const { svg } = await w.mermaid.render("prerendered-topology", text);
          const holder = document.createElement("div");
          holder.innerHTML = svg;
          document.body.append(holder);
          const element = holder.querySelector("svg");
          if (element === null) throw new Error("mermaid returned no <svg>");
          w.clipEdgesAtTitles(element);
          // Where the clients are, in the drawing's own units.
          const box = element.viewBox.baseVal;
          const svgRect = element.getBoundingClientRect();
          const client = [...element.querySelectorAll("g.node")].find((n) =>
            (n.textContent ?? "").startsWith("Kafka clients"),
          );
          const rect = client?.getBoundingClientRect();
          const scale = box.width / svgRect.width;
          const anchor =
            rect === undefined
              ? { x: box.width / 2, y: 0 }
              : {
                  x: Math.round((rect.left + rect.width / 2 - svgRect.left) * scale),
                  y: Math.round((rect.top + rect.height / 2 - svgRect.top) * scale),
                };
          const labels = [...element.querySelectorAll("foreignObject")]
            .map((fo) => fo.textContent ?? "")
            .join("");
          // Mermaid returns HTML markup (e.g. `<br>` in labels); an SVG file shown
          // through <img> must be well-formed XML, so serialise it as XML.
          const xml = new XMLSerializer().serializeToString(element);
          holder.remove();
          return {
            xml,
            labels,
            anchor,
            width: Math.ceil(box.width),
            height: Math.ceil(box.height),
          };
        },
        { text, config: mermaidConfig(theme, FONT_FAMILY) },
      );
      const missing = [...new Set(drawn.labels)].filter(
        (c) => c.trim() !== "" && !MEASURED.includes(c),
      );
      if (missing.length > 0) {
        // A glyph from the machine's fonts would make the drawing machine-dependent.
        throw new Error(`the default diagram uses characters no shipped font covers: ${missing}`);
      }
      const embedded =
        fontFace(
          DRAWING_FONT_FAMILIES.text,
          await subsetForText(readFileSync(PAGE_FONT_FILE), drawn.labels),
        ) + fontFace(DRAWING_FONT_FAMILIES.symbols, await subsetForText(symbols, drawn.labels));
      const svg = drawn.xml.replace(/^(<svg[^>]*>)/, `$1<style>${embedded}</style>`);
      files.set(`public/prerendered/default-topology-${theme}.svg`, `${svg}\n`);
      size = { width: drawn.width, height: drawn.height };
      anchor = drawn.anchor;
    }
    files.set(
      "components/diagram/prerendered-topology.ts",
      [
        "// Generated by scripts/prerender-diagram.ts (npm run draw-default-diagram); do not edit.",
        "// The Mermaid text the files in public/prerendered/ were drawn from.",
        `export const PRERENDERED_TOPOLOGY_TEXT = ${JSON.stringify(text)};`,
        "/** The drawing's natural size (its viewBox), so the image reserves its space before it loads. */",
        `export const PRERENDERED_TOPOLOGY_SIZE = { width: ${size.width}, height: ${size.height} };`,
        "/** The centre of the clients' node, in the drawing's units (where \"actual size\" opens). */",
        `export const PRERENDERED_TOPOLOGY_ANCHOR = { x: ${anchor.x}, y: ${anchor.y} };`,
        "",
      ].join("\n"),
    );
  } finally {
    await page.close();
  }
  return { files };
}

async function main(): Promise<void> {
  const browser = await launchDrawingBrowser();
  try {
    const { files } = await drawDefaultDiagram(browser);
    for (const [relative, content] of files) {
      writeFileSync(path.join(root, relative), content);
      console.log(`wrote ${relative} (${content.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();

// The topology as a file to take away (issue 12): a standalone SVG (its fonts
// embedded, so it looks the same in any viewer, as the build-time image does)
// or a PNG drawn from it, in the light or dark theme, on the theme's
// background or transparent.
//
// - The default answers' drawing is the build-time file itself (already
//   standalone, byte-reproducible); any other is drawn by mermaid in the
//   chosen theme and given the page's fonts, read back from the page's own
//   font files (same origin: connect-src 'self').
// - The PNG is the SVG drawn on a canvas through a data: URL image (img-src
//   allows data:; a blob: URL would not be).
import { DIAGRAM_FONT_FAMILY } from "@/components/ui/page-font";
import { clipEdgesAtTitles } from "./edge-title-clip";
import { renderMermaid } from "./mermaid-adapter";
import { PAGE_BACKGROUND, type DiagramTheme } from "./mermaid-config";

export type ExportBackground = "theme" | "transparent";

export interface ExportChoice {
  theme: DiagramTheme;
  background: ExportBackground;
}

/** The build-time drawing of one Mermaid text (what the page shows for the defaults). */
export interface PrerenderedFiles {
  text: string;
  light: string;
  dark: string;
}

/** PNG pixels per drawing unit: sharp on high-density screens and in documents. */
export const PNG_SCALE = 2;

function families(fontFamily: string): string[] {
  return fontFamily
    .split(",")
    .map((name) => name.trim().replace(/^["']|["']$/g, ""))
    .filter((name) => name !== "" && name !== "sans-serif");
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** @font-face rules of the diagram's fonts (weight 400 and the symbols), with the files inlined. */
async function pageFontFaces(): Promise<string> {
  const wanted = new Set(families(DIAGRAM_FONT_FAMILY));
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's sheet (none on this page)
    }
    for (const rule of Array.from(list)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style
        .getPropertyValue("font-family")
        .trim()
        .replace(/^["']|["']$/g, "");
      const weight = rule.style.getPropertyValue("font-weight").trim();
      if (wanted.has(family) && (weight === "" || weight === "400" || weight === "normal")) {
        rules.push(rule);
      }
    }
  }
  const faces = await Promise.all(
    rules.map(async (rule) => {
      const url = /url\(["']?([^"')]+)["']?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      if (url === undefined) return "";
      // Relative to the style sheet that holds the rule, not to the page.
      const base = rule.parentStyleSheet?.href ?? document.baseURI;
      const response = await fetch(new URL(url, base));
      if (!response.ok) throw new Error(`the font ${url} could not be read (${response.status})`);
      const data = bytesToBase64(new Uint8Array(await response.arrayBuffer()));
      return rule.cssText.replace(
        /src:[^;]+;/,
        `src: url(data:font/woff2;base64,${data}) format("woff2");`,
      );
    }),
  );
  return faces.join("");
}

/** Mermaid's SVG markup (HTML labels) as an XML document string, with extras inserted first. */
function toXml(markup: string, prefix: string): string {
  const holder = document.createElement("div");
  holder.innerHTML = markup;
  const svg = holder.querySelector("svg");
  if (svg === null) throw new Error("The diagram library returned no drawing.");
  clipEdgesAtTitles(svg);
  const xml = new XMLSerializer().serializeToString(svg);
  return prefix === "" ? xml : xml.replace(/^(<svg[^>]*>)/, `$1${prefix}`);
}

function withBackground(xml: string, choice: ExportChoice): string {
  if (choice.background === "transparent") return xml;
  const box = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(xml);
  if (box === null) return xml;
  const [, x, y, width, height] = box;
  const rect = `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${PAGE_BACKGROUND[choice.theme]}"/>`;
  // After any leading <style>, before the drawing.
  return xml.replace(/^(<svg[^>]*>(?:<style>[\s\S]*?<\/style>)?)/, `$1${rect}`);
}

/** The topology as a standalone SVG document. */
export async function exportSvg(
  text: string,
  choice: ExportChoice,
  prerendered?: PrerenderedFiles,
): Promise<string> {
  if (prerendered !== undefined && prerendered.text === text) {
    const response = await fetch(prerendered[choice.theme]);
    if (!response.ok) throw new Error(`The drawing could not be read (${response.status}).`);
    return withBackground((await response.text()).trim(), choice);
  }
  const [markup, fonts] = await Promise.all([renderMermaid(text, choice.theme), pageFontFaces()]);
  return withBackground(toXml(markup, `<style>${fonts}</style>`), choice);
}

/** Draws an SVG document on a canvas and returns it as a PNG. */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const box = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Math.ceil(Number(box?.[1] ?? 800) * scale);
  const height = Math.ceil(Number(box?.[2] ?? 600) * scale);
  const image = new Image(width, height);
  // Explicit pixel size: mermaid's width="100%" means nothing to a lone image.
  const sized = svg.replace(
    /^<svg([^>]*?) width="[^"]*"/,
    `<svg$1 width="${width}" height="${height}"`,
  );
  image.src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(sized))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("This browser cannot draw images.");
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error("The image could not be made.")) : resolve(blob)),
      "image/png",
    );
  });
}

/** File names: topology-light.svg, topology-dark-transparent.png, … */
export function exportFileName(choice: ExportChoice, extension: "svg" | "png"): string {
  const background = choice.background === "transparent" ? "-transparent" : "";
  return `topology-${choice.theme}${background}.${extension}`;
}

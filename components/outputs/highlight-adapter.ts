// The only importer of Shiki (DESIGN.md section 5: one adapter per library):
// syntax colours for YAML, shell, Mermaid and Markdown in the file previews.
// Loaded with import() once a file preview is on screen, never with the page
// (issue 13: no first-load JavaScript). Shiki's fine-grained core with its
// JavaScript regular-expression engine: no WebAssembly, no eval (the CSP allows
// neither), and only these four grammars and two themes are bundled.
//
// Shiki returns tokens, which the page renders as React text: nothing from a
// scenario is ever parsed as HTML.
import { createHighlighterCore, type HighlighterCore } from "@shikijs/core";
import { createJavaScriptRegexEngine } from "@shikijs/engine-javascript";
import markdown from "@shikijs/langs/markdown";
import mermaid from "@shikijs/langs/mermaid";
import shellscript from "@shikijs/langs/shellscript";
import yaml from "@shikijs/langs/yaml";
import githubDark from "@shikijs/themes/github-dark-default";
import githubLight from "@shikijs/themes/github-light-default";

export type CodeLanguage = "yaml" | "shellscript" | "mermaid" | "markdown";

/** One coloured run of text; colours for the light and the dark theme. */
export interface CodeToken {
  content: string;
  light?: string;
  dark?: string;
}

let highlighter: Promise<HighlighterCore> | null = null;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [githubLight, githubDark],
    langs: [yaml, shellscript, mermaid, markdown],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** The text's lines as coloured tokens (line i holds exactly line i's characters). */
export async function tokenizeCode(code: string, lang: CodeLanguage): Promise<CodeToken[][]> {
  const shiki = await getHighlighter();
  const { tokens } = shiki.codeToTokens(code, {
    lang,
    themes: { light: "github-light-default", dark: "github-dark-default" },
    defaultColor: false,
  });
  return tokens.map((line) =>
    line.map((token) => {
      const style = (token.htmlStyle ?? {}) as Record<string, string | undefined>;
      return {
        content: token.content,
        light: readable(style["--shiki-light"], LIGHT_BACKGROUNDS, 0),
        dark: readable(style["--shiki-dark"], DARK_BACKGROUNDS, 255),
      };
    }),
  );
}

// The themes' quieter colours (comments) fall just under WCAG AA's 4.5:1 on the
// page's code background and on a changed line's: nudge them toward black (or
// white, in the dark theme) until they pass on every background a line can have
// (app/globals.css: --code-bg, --warning-soft).
const LIGHT_BACKGROUNDS = ["#f5f6f8", "#fff4e0"];
const DARK_BACKGROUNDS = ["#161920", "#35280f"];
const MIN_CONTRAST = 4.6;

function channels(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (match === null) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function readable(
  color: string | undefined,
  backgrounds: string[],
  toward: number,
): string | undefined {
  const rgb = color === undefined ? null : channels(color);
  if (rgb === null) return color;
  const bgs = backgrounds.map(channels).filter((c): c is [number, number, number] => c !== null);
  let current = rgb;
  for (let step = 0; step < 20 && bgs.some((bg) => contrast(current, bg) < MIN_CONTRAST); step++) {
    current = current.map((c) => Math.round(c + (toward - c) * 0.1)) as [number, number, number];
  }
  return `#${current.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

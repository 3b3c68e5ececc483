// The only importer of `mermaid` (STYLE.md habit 2; ESLint enforces it), so the
// library can be swapped in this one file.
//
// Why it looks like this:
// - `import("mermaid")` is dynamic: mermaid is about half of the page's
//   JavaScript, and the form must be usable before it arrives (DESIGN.md 5).
// - `securityLevel: "strict"` makes mermaid sanitise its SVG (DOMPurify) and
//   disables click handlers, so the only HTML the page ever inserts from a
//   diagram is mermaid's own sanitised output. `suppressErrorRendering` stops
//   mermaid appending its error SVG to <body> (STACK.md trap 2).
// - Drawing waits for the page's fonts (components/ui/page-font.ts): Mermaid
//   sizes each label by measuring its text, and a label measured in a fallback
//   font and shown in the real one overflows its box (issue 12).
// - Renders run one at a time: mermaid keeps global configuration (the theme)
//   and measures text in a temporary element, so interleaved renders can mix
//   themes. A caller whose request went stale (a newer edit arrived) aborts it
//   and it is skipped before it starts.
import type { Mermaid } from "mermaid";

import { DIAGRAM_FONT_FAMILY } from "@/components/ui/page-font";
import { mermaidConfig, type DiagramTheme, DIAGRAM_FONT_SIZE } from "./mermaid-config";

export type { DiagramTheme };

/** Thrown (rejected) when a render was aborted before it produced anything. */
export class StaleRenderError extends Error {
  constructor() {
    super("A newer diagram replaced this one.");
    this.name = "StaleRenderError";
  }
}

let mermaidPromise: Promise<Mermaid> | null = null;
let configuredTheme: DiagramTheme | null = null;
let queue: Promise<unknown> = Promise.resolve();
let renderCount = 0;
/** How long the last few renders held the main thread (ms), newest last. */
const recentCosts: number[] = [];

/**
 * What a drawing costs on this device now: the median of the last three
 * renders (ms; 0 before the first). use-mermaid-svg.ts reads it to decide
 * whether to draw at once or wait for typing to pause: a drawing blocks input
 * for about this long.
 */
export function typicalRenderCost(): number {
  if (recentCosts.length === 0) return 0;
  const sorted = [...recentCosts].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let fontsPromise: Promise<void> | null = null;

/**
 * Resolves once the diagram's fonts are loaded (the symbol font is fetched only
 * for text that needs it, hence the sample text). Never rejects: without the
 * Font Loading API, or if a font fails, drawing goes ahead.
 */
export function diagramFontsReady(): Promise<void> {
  if (fontsPromise === null) {
    const fonts = typeof document === "undefined" ? undefined : document.fonts;
    fontsPromise =
      fonts === undefined
        ? Promise.resolve()
        : fonts
            .load(`${DIAGRAM_FONT_SIZE} ${DIAGRAM_FONT_FAMILY}`, "Kafka ①②③ ✗ ✓")
            .then(() => fonts.ready)
            .then(
              () => undefined,
              () => undefined,
            );
  }
  return fontsPromise;
}

/** Starts loading mermaid (once). Safe to call early, e.g. on mount, to warm it up. */
export function loadMermaid(): Promise<Mermaid> {
  if (mermaidPromise === null) {
    mermaidPromise = import("mermaid").then(
      (module) => module.default,
      (error: unknown) => {
        // Let a later call retry (e.g. after a flaky network).
        mermaidPromise = null;
        throw error;
      },
    );
  }
  return mermaidPromise;
}

function configure(mermaid: Mermaid, theme: DiagramTheme): void {
  if (configuredTheme === theme) return;
  mermaid.initialize(mermaidConfig(theme, DIAGRAM_FONT_FAMILY));
  configuredTheme = theme;
}

/** Removes what a failed render can leave in <body> (its temporary container). */
function removeLeftovers(id: string): void {
  for (const leftover of [`d${id}`, id, `i${id}`]) {
    document.getElementById(leftover)?.remove();
  }
}

/**
 * Renders Mermaid text to an SVG string (sanitised by mermaid under
 * `securityLevel: "strict"`). Whoever shows it clips the edges where they
 * would cross a subgraph's title (edge-title-clip.ts), on the live element, so
 * the markup is not parsed and written out again at every edit. Renders are
 * serialised; an aborted request that has not started rejects with
 * StaleRenderError. Errors reject with mermaid's message (plain text, often
 * line-numbered).
 */
export function renderMermaid(
  text: string,
  theme: DiagramTheme,
  signal?: AbortSignal,
): Promise<string> {
  const run = async (): Promise<string> => {
    if (signal?.aborted) throw new StaleRenderError();
    const [mermaid] = await Promise.all([loadMermaid(), diagramFontsReady()]);
    if (signal?.aborted) throw new StaleRenderError();
    configure(mermaid, theme);
    renderCount += 1;
    // Unique per render: mermaid scopes the SVG's <style> to this id, and two
    // SVGs with one id on a page would share (and break) each other's styles.
    const id = `mermaid-diagram-${renderCount}`;
    const started = performance.now();
    try {
      const { svg } = await mermaid.render(id, text);
      recentCosts.push(performance.now() - started);
      if (recentCosts.length > 3) recentCosts.shift();
      return svg;
    } finally {
      removeLeftovers(id);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** A one-line, plain-text reason for a failed render (never HTML). */
export function describeRenderError(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  if (typeof error === "string" && error !== "") return error;
  return "The diagram library could not draw this diagram.";
}

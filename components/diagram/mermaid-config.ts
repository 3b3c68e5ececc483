// Mermaid's options, shared by the page's adapter and the build-time prerender
// (scripts/prerender-diagram.ts), so a pre-drawn diagram looks exactly like one
// drawn in the page. No mermaid import here: this file is plain data.
import { FAILING_STROKE } from "@/lib/diagram/failing-stroke";

export type DiagramTheme = "light" | "dark";

/** Edge-label background in the dark theme: #ccc text on it is 8.9:1. */
const DARK_EDGE_LABEL_BG = "#30343c";

/**
 * The dark theme's failing edges: the diagram text's red is 1.4:1 on the dark
 * subgraph fill (#474949) and 2.9:1 on the page, under the 3:1 a line that
 * shows where things break needs; this one is 3.3:1 and 6.8:1. The edge's
 * colour is an inline style Mermaid writes from the text's linkStyle, hence
 * !important; in themeCSS it is in the SVG itself, so saved images have it too.
 */
const DARK_FAILING_EDGE_CSS = `.edgePaths path[style*="${FAILING_STROKE}"] { stroke: #f97066 !important; }`;

/** The page's background colours (app/globals.css --bg): the viewer's stage and opaque exports. */
export const PAGE_BACKGROUND: Record<DiagramTheme, string> = { light: "#ffffff", dark: "#0f1115" };

/**
 * A sequence diagram's message text spans the lifelines between its ends, which
 * Mermaid paints first: "③ produce / fetch to …:9092" was struck through by the
 * bootstrap address's lifeline. A halo in the stage's colour, painted under each
 * glyph (paint-order), breaks the line where the text is, as edge labels do.
 */
const messageHaloCss = (theme: DiagramTheme) =>
  `.messageText { paint-order: stroke fill; stroke: ${PAGE_BACKGROUND[theme]}; stroke-width: 6px; stroke-linejoin: round; }`;

/** The label font size; lib/diagram/wrap.ts breaks lines for it. */
export const DIAGRAM_FONT_SIZE = "16px";

/**
 * Layout (issue 12): compact enough that three zones fit a 700 px column at
 * 11 px text or more. `wrappingWidth` is far above the widest line
 * lib/diagram/wrap.ts writes, so Mermaid never wraps a node label itself (its
 * wrapping breaks after hyphens, inside zone names). A rank spacing of 60 keeps
 * a subgraph at the top of its parent clear of the parent's title.
 */
const FLOWCHART = {
  htmlLabels: true,
  nodeSpacing: 20,
  rankSpacing: 60,
  padding: 6,
  wrappingWidth: 600,
  diagramPadding: 8,
  subGraphTitleMargin: { top: 2, bottom: 8 },
} as const;

/**
 * @param fontFamily the CSS font-family labels are drawn and measured in: the
 *   page's own fonts (components/ui/page-font.ts), or the families the
 *   build-time drawing embeds.
 */
export function mermaidConfig(theme: DiagramTheme, fontFamily: string) {
  return {
    startOnLoad: false,
    securityLevel: "strict" as const,
    suppressErrorRendering: true,
    theme: theme === "dark" ? ("dark" as const) : ("default" as const),
    fontFamily,
    themeVariables: {
      fontFamily,
      fontSize: DIAGRAM_FONT_SIZE,
      // Mermaid's dark edge labels are #ccc on #585858 (4.43:1); axe wants 4.5:1.
      ...(theme === "dark" ? { edgeLabelBackground: DARK_EDGE_LABEL_BG } : {}),
    },
    themeCSS: [messageHaloCss(theme), ...(theme === "dark" ? [DARK_FAILING_EDGE_CSS] : [])].join(
      "\n",
    ),
    // An edge entering a subgraph from above would cross its title: Mermaid
    // paints edges over titles, so edge-title-clip.ts clips the edges there.
    flowchart: FLOWCHART,
  };
}

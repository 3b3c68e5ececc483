// Mermaid's options, shared by the page's adapter and the build-time prerender
// (scripts/prerender-diagram.ts), so a pre-drawn diagram looks exactly like one
// drawn in the page. No mermaid import here: this file is plain data.

export type DiagramTheme = "light" | "dark";

/** Edge-label background in the dark theme: #ccc text on it is 8.9:1. */
const DARK_EDGE_LABEL_BG = "#30343c";

export function mermaidConfig(theme: DiagramTheme) {
  return {
    startOnLoad: false,
    securityLevel: "strict" as const,
    suppressErrorRendering: true,
    theme: theme === "dark" ? ("dark" as const) : ("default" as const),
    // Mermaid's dark edge labels are #ccc on #585858 (4.43:1); axe wants 4.5:1.
    ...(theme === "dark" ? { themeVariables: { edgeLabelBackground: DARK_EDGE_LABEL_BG } } : {}),
  };
}

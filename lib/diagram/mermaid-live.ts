// A link that opens a diagram in the Mermaid Live editor (issue 12). The
// diagram travels in the link's fragment (`#pako:` + base64url of the zlib-
// compressed editor state, the editor's own format), which the browser never
// sends to a server; the page only builds the link, and nothing leaves it
// until the user follows it.
import { encodeBase64Url } from "../share/base64url";
import { zlibBytes } from "../share/compress";

export const MERMAID_LIVE_EDITOR = "https://mermaid.live/edit";

export function buildMermaidLiveUrl(text: string, theme: "light" | "dark"): string {
  const state = {
    code: text,
    mermaid: JSON.stringify({ theme: theme === "dark" ? "dark" : "default" }, null, 2),
    autoSync: true,
    updateDiagram: true,
  };
  const bytes = zlibBytes(new TextEncoder().encode(JSON.stringify(state)));
  return `${MERMAID_LIVE_EDITOR}#pako:${encodeBase64Url(bytes)}`;
}

import { describe, expect, it } from "vitest";
import { decodeBase64Url } from "../share/base64url";
import { inflateBytes } from "../share/compress";
import { buildMermaidLiveUrl, MERMAID_LIVE_EDITOR } from "./mermaid-live";

describe("buildMermaidLiveUrl", () => {
  it("carries the diagram in the fragment, in the editor's pako format", () => {
    const text = 'flowchart TB\n  n1["a ①"] --> n2["b"]\n';
    const url = buildMermaidLiveUrl(text, "dark");
    expect(url.startsWith(`${MERMAID_LIVE_EDITOR}#pako:`)).toBe(true);
    const bytes = decodeBase64Url(url.slice(url.indexOf("#pako:") + 6));
    expect(bytes).not.toBeNull();
    // The zlib header (2 bytes) and Adler-32 trailer (4) around the raw DEFLATE stream.
    expect(bytes![0]).toBe(0x78);
    const inflated = inflateBytes(bytes!.subarray(2, -4), 1 << 20);
    if (!inflated.ok) throw new Error(inflated.reason);
    const state = JSON.parse(new TextDecoder().decode(inflated.bytes)) as Record<string, unknown>;
    expect(state.code).toBe(text);
    expect(JSON.parse(state.mermaid as string)).toEqual({ theme: "dark" });
  });
});

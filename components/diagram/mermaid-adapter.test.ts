import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A fake mermaid that records calls and lets each test decide when a render ends.
const calls = vi.hoisted(() => ({
  initialize: [] as Array<Record<string, unknown>>,
  renders: [] as string[],
  active: 0,
  maxActive: 0,
  fail: null as string | null,
}));

vi.mock("mermaid", () => ({
  default: {
    initialize: (config: Record<string, unknown>) => {
      calls.initialize.push(config);
    },
    render: async (id: string, text: string) => {
      calls.renders.push(id);
      calls.active += 1;
      calls.maxActive = Math.max(calls.maxActive, calls.active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      calls.active -= 1;
      if (calls.fail !== null) throw new Error(calls.fail);
      return { svg: `<svg id="${id}">${text}</svg>` };
    },
  },
}));

// next/font only works inside Next's compiler; the adapter needs the family name alone.
vi.mock("@/components/ui/page-font", () => ({ DIAGRAM_FONT_FAMILY: "Page Sans, Page Symbols" }));

async function freshAdapter() {
  vi.resetModules();
  return import("./mermaid-adapter");
}

beforeEach(() => {
  calls.initialize = [];
  calls.renders = [];
  calls.active = 0;
  calls.maxActive = 0;
  calls.fail = null;
  vi.stubGlobal("document", { getElementById: () => null });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("renderMermaid", () => {
  it("configures mermaid strictly, without its error rendering and without auto start, in the page's font", async () => {
    const { renderMermaid } = await freshAdapter();
    await renderMermaid("flowchart LR\n a --> b", "light");
    expect(calls.initialize).toHaveLength(1);
    expect(calls.initialize[0]).toMatchObject({
      startOnLoad: false,
      securityLevel: "strict",
      suppressErrorRendering: true,
      theme: "default",
      fontFamily: "Page Sans, Page Symbols",
      themeVariables: { fontFamily: "Page Sans, Page Symbols", fontSize: "16px" },
      flowchart: { wrappingWidth: 600 },
    });
  });

  it("draws only once the page's fonts have loaded", async () => {
    const { renderMermaid } = await freshAdapter();
    let release: () => void = () => {};
    const loaded = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requested: string[] = [];
    vi.stubGlobal("document", {
      getElementById: () => null,
      fonts: {
        load: (font: string) => {
          requested.push(font);
          return loaded;
        },
        ready: Promise.resolve(),
      },
    });
    const drawing = renderMermaid("a", "light");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.renders).toHaveLength(0);
    release();
    await drawing;
    expect(calls.renders).toHaveLength(1);
    expect(requested).toEqual(["16px Page Sans, Page Symbols"]);
  });

  it("re-initialises only when the theme changes", async () => {
    const { renderMermaid } = await freshAdapter();
    await renderMermaid("a", "light");
    await renderMermaid("b", "light");
    await renderMermaid("c", "dark");
    expect(calls.initialize.map((config) => config.theme)).toEqual(["default", "dark"]);
    // The dark edge-label background is raised to pass WCAG AA contrast.
    expect(calls.initialize[1]?.themeVariables).toMatchObject({ edgeLabelBackground: "#30343c" });
  });

  it("runs renders one at a time, in order, each with its own id", async () => {
    const { renderMermaid } = await freshAdapter();
    const svgs = await Promise.all([
      renderMermaid("one", "light"),
      renderMermaid("two", "dark"),
      renderMermaid("three", "light"),
    ]);
    expect(calls.maxActive).toBe(1);
    expect(svgs.map((svg) => svg.replace(/<[^>]+>/g, ""))).toEqual(["one", "two", "three"]);
    expect(new Set(calls.renders).size).toBe(3);
  });

  it("skips a request aborted before it started", async () => {
    const { renderMermaid, StaleRenderError } = await freshAdapter();
    const first = renderMermaid("first", "light");
    const controller = new AbortController();
    const stale = renderMermaid("stale", "light", controller.signal);
    controller.abort();
    const latest = renderMermaid("latest", "light");
    await expect(stale).rejects.toBeInstanceOf(StaleRenderError);
    expect(await first).toContain("first");
    expect(await latest).toContain("latest");
    expect(calls.renders).toHaveLength(2);
  });

  it("rejects with mermaid's message, and later renders still run", async () => {
    const { renderMermaid, describeRenderError } = await freshAdapter();
    calls.fail = "Parse error on line 2";
    const failed = await renderMermaid("bad", "light").catch((error: unknown) => error);
    expect(describeRenderError(failed)).toBe("Parse error on line 2");
    calls.fail = null;
    expect(await renderMermaid("good", "light")).toContain("good");
  });
});

describe("describeRenderError", () => {
  it("falls back to a plain sentence for errors without a message", async () => {
    const { describeRenderError } = await freshAdapter();
    expect(describeRenderError(undefined)).toBe("The diagram library could not draw this diagram.");
    expect(describeRenderError("text")).toBe("text");
  });
});

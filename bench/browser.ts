// Browser measurements for the benchmark (issue 7): what `/` loads, how soon the
// form is interactive and the first diagram drawn, and how fast edits show.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import { buildBundle } from "@/lib/bundle/build-bundle";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { GENERATOR_VERSION } from "@/lib/version";
import { measureBaselinePaint } from "./baseline";
import { measureTyping, type TypingResult } from "./typing";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";
import { newBenchContext, openInteractive } from "./context";
import { median, percentile } from "./stats";

/** components/diagram/topology-diagram.tsx marks the first SVG on the page. */
const FIRST_DIAGRAM_MARK = "bufstream-wizard:first-diagram";
const DIAGRAM = '[data-testid="topology-diagram"]';
/** The shared values file's text (components/outputs/files-panel.tsx). */
const VALUES_TEXT = 'pre[data-file$="-values.yaml"]';
/** The edit the latency runs repeat: the broker count (changes the values and the diagram). */
const EDITED_FIELD = "#field-replicas";

export interface ScriptSizes {
  files: number;
  raw: number;
  gzip: number;
}

export interface PageLoadRun {
  firstContentfulPaint: number;
  formInteractive: number;
  /** The first diagram on screen: the build-time drawing, or mermaid's if that came first. */
  firstDiagram: number;
  /**
   * The first edit after the form is interactive, to its redrawn diagram: the cold
   * path, which loads mermaid (the page shows the build-time drawing until then).
   */
  firstEditToDiagram: number;
  /** JavaScript fetched by the time the first diagram (of either kind) was on screen. */
  jsUntilDiagram: ScriptSizes;
  /** JavaScript fetched by the time the form was interactive (the lazily loaded wizard). */
  jsUntilInteractive: ScriptSizes;
  /** JavaScript fetched by the time the first edit's diagram was drawn (adds mermaid). */
  jsUntilLiveDiagram: ScriptSizes;
}

export interface BrowserResults {
  firstLoad: ScriptSizes & { urls: string[] };
  /** Whether the static HTML of `/` already holds the default values file's text. */
  valuesTextInHtml: boolean;
  jsUntilDiagram: ScriptSizes;
  jsUntilInteractive: ScriptSizes;
  jsUntilLiveDiagram: ScriptSizes;
  runs: PageLoadRun[];
  /** First contentful paint of a one-line page on this machine (bench/baseline.ts). */
  baselinePaint: number;
  medians: {
    firstContentfulPaint: number;
    formInteractive: number;
    firstDiagram: number;
    firstEditToDiagram: number;
  };
  editToText: { p50: number; p95: number; samples: number };
  editToDiagram: { p50: number; p95: number; samples: number };
  typing: TypingResult;
}

/**
 * Runs in the page before any of its scripts: records when React has hydrated the
 * form, i.e. when an edit would be handled.
 */
function recordInteractive() {
  const bench: Record<string, number> = {};
  (window as unknown as { __bench: Record<string, number> }).__bench = bench;
  // The wizard marks its form once React has hydrated it (components/wizard/wizard.tsx).
  const hydrated = () => document.querySelector('form[data-hydrated="true"]') !== null;
  const poll = () => {
    if (hydrated()) bench.formInteractive = performance.now();
    else setTimeout(poll, 2);
  };
  poll();
  // The default diagram drawn at build time (components/diagram/mermaid-view.tsx):
  // on screen when the browser paints its <img>, which carries an `elementtiming`
  // name for exactly this (Element Timing: the paint, not the decode).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      identifier?: string;
      renderTime?: number;
      loadTime?: number;
    })[]) {
      if (entry.identifier === "topology-prerendered" && !("prerenderedDiagram" in bench)) {
        bench.prerenderedDiagram = entry.renderTime || entry.loadTime || entry.startTime;
      }
    }
  }).observe({ type: "element", buffered: true });
}

/** The default answers' values file as the build renders it (no share link yet). */
function defaultValuesText(): string {
  const [values] = buildBundle(DEFAULT_SCENARIO, {
    generatorVersion: GENERATOR_VERSION,
    shareLink: null,
  });
  if (values === undefined) throw new Error("the default bundle has no values file");
  return values.content;
}

/** As React escapes text content. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/** Raw and gzip (level 6, what `compression` and most hosts use) sizes of site scripts. */
function scriptSizes(outDir: string, basePath: string, urls: readonly string[]): ScriptSizes {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const pathname = decodeURIComponent(new URL(url).pathname).slice(basePath.length);
    const bytes = readFileSync(path.join(outDir, pathname));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length;
  }
  return { files: urls.length, raw, gzip };
}

/**
 * First-load JS: the scripts the HTML of `/` references (what Next calls first-load
 * JS), less `nomodule` ones (Next's legacy polyfills), which browsers with ES
 * modules (all this site supports) never fetch.
 */
function firstLoadScripts(outDir: string, origin: string, basePath: string): string[] {
  const html = readFileSync(path.join(outDir, "index.html"), "utf8");
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src !== undefined && !/\snomodule\b/i.test(tag)) urls.add(src);
  }
  for (const match of html.matchAll(/<link[^>]*\sas="script"[^>]*\shref="([^"]+)"/g)) {
    urls.add(match[1] ?? "");
  }
  for (const match of html.matchAll(/<link[^>]*\shref="([^"]+)"[^>]*\sas="script"/g)) {
    urls.add(match[1] ?? "");
  }
  return [...urls]
    .filter((url) => url.endsWith(".js"))
    .map((url) => new URL(url, `${origin}${basePath}/`).toString());
}

async function loadOnce(browser: Browser, url: string, outDir: string, basePath: string) {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.addInitScript(recordInteractive);
  await page.goto(url, { waitUntil: "load" });
  // The first diagram: the build-time drawing's <img> decoded, or mermaid's mark.
  await page.waitForFunction(
    (mark) =>
      performance.getEntriesByName(mark).length > 0 ||
      "prerenderedDiagram" in (window as unknown as { __bench: object }).__bench,
    FIRST_DIAGRAM_MARK,
    { timeout: 60_000 },
  );
  await page.waitForFunction(
    () => "formInteractive" in (window as unknown as { __bench: object }).__bench,
    undefined,
    { timeout: 60_000 },
  );
  const timings = await page.evaluate((mark) => {
    const bench = (window as unknown as { __bench: Record<string, number> }).__bench;
    const liveAt = performance.getEntriesByName(mark)[0]?.startTime ?? Number.POSITIVE_INFINITY;
    const firstAt = Math.min(liveAt, bench.prerenderedDiagram ?? Number.POSITIVE_INFINITY);
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
    return {
      firstContentfulPaint: fcp,
      formInteractive: bench.formInteractive ?? Number.NaN,
      firstDiagram: firstAt,
    };
  }, FIRST_DIAGRAM_MARK);
  // The cold edit: nothing has touched the form, so mermaid is not loaded yet.
  await page.locator(DIAGRAM).scrollIntoViewIfNeeded();
  const firstEdit = await timeEdit(page, "4");
  const scriptsBy = (time: number) =>
    page.evaluate(
      (until) =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => /\.js(\?|$)/.test(entry.name))
          .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= until)
          .map((entry) => entry.name),
      time,
    );
  const scripts = await scriptsBy(timings.firstDiagram);
  const interactiveScripts = await scriptsBy(timings.formInteractive);
  const liveScripts = await scriptsBy(Number.POSITIVE_INFINITY);
  await context.close();
  return {
    ...timings,
    firstEditToDiagram: firstEdit.diagram,
    jsUntilDiagram: scriptSizes(outDir, basePath, scripts),
    jsUntilInteractive: scriptSizes(outDir, basePath, interactiveScripts),
    jsUntilLiveDiagram: scriptSizes(outDir, basePath, liveScripts),
  };
}

interface EditSample {
  text: number;
  diagram: number;
}

/**
 * One edit, timed inside the page: set the field's value and dispatch `input`
 * (what typing does), then note when the values text and the diagram's SVG change
 * (MutationObserver callbacks run right after React commits to the DOM).
 */
async function timeEdit(page: Page, value: string): Promise<EditSample> {
  return page.evaluate(
    async ({ field, valuesSelector, diagramSelector, next }) => {
      const input = document.querySelector<HTMLInputElement>(field);
      const values = document.querySelector(valuesSelector);
      const diagram = document.querySelector(diagramSelector);
      if (!input || !values || !diagram) throw new Error("edit target, values or diagram missing");
      const textBefore = values.textContent;
      // What the diagram shows: mermaid's SVG, or the build-time drawing (the
      // default answers), which the page shows again when an edit returns to them.
      const drawing = () =>
        diagram.querySelector("svg")?.outerHTML ??
        diagram.querySelector("img")?.getAttribute("src") ??
        "";
      const drawingBefore = drawing();
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      return new Promise<{ text: number; diagram: number }>((resolve, reject) => {
        let textAt = Number.NaN;
        let diagramAt = Number.NaN;
        const finish = () => {
          if (Number.isNaN(textAt) || Number.isNaN(diagramAt)) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve({ text: textAt - start, diagram: diagramAt - start });
        };
        const observer = new MutationObserver(() => {
          const now = performance.now();
          if (Number.isNaN(textAt) && values.isConnected && values.textContent !== textBefore) {
            textAt = now;
          }
          const shown = drawing();
          const state = diagram.getAttribute("data-diagram-state");
          if (
            Number.isNaN(diagramAt) &&
            shown !== "" &&
            shown !== drawingBefore &&
            (state === "ready" || state === "prerendered")
          ) {
            diagramAt = now;
          }
          finish();
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`edit to ${next}: no update within 10 s`));
        }, 10_000);
        const start = performance.now();
        setValue?.call(input, next);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    },
    { field: EDITED_FIELD, valuesSelector: VALUES_TEXT, diagramSelector: DIAGRAM, next: value },
  );
}

async function measureEdits(browser: Browser, url: string, edits: number) {
  const context = await newBenchContext(browser);
  const page = await openInteractive(context, url);
  await page.locator(DIAGRAM).scrollIntoViewIfNeeded();
  const samples: EditSample[] = [];
  // Warm-up edits (the first loads mermaid; first renders of new node counts
  // compile code paths), then measure.
  for (let i = 0; i < edits + 5; i++) {
    // 4 to 9 brokers: never the default 3, whose drawing is the build-time image.
    const sample = await timeEdit(page, String(4 + ((i + 1) % 6)));
    if (i >= 5) samples.push(sample);
    await page.waitForTimeout(50);
  }
  await context.close();
  const text = samples.map((s) => s.text);
  const diagram = samples.map((s) => s.diagram);
  return {
    editToText: { p50: percentile(text, 50), p95: percentile(text, 95), samples: text.length },
    editToDiagram: {
      p50: percentile(diagram, 50),
      p95: percentile(diagram, 95),
      samples: diagram.length,
    },
  };
}

export async function measureInBrowser(options: {
  url: string;
  outDir: string;
  basePath: string;
  loads: number;
  edits: number;
}): Promise<BrowserResults> {
  const { url, outDir, basePath } = options;
  const origin = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const firstLoadUrls = firstLoadScripts(outDir, origin, basePath);
    const firstLoad = { ...scriptSizes(outDir, basePath, firstLoadUrls), urls: firstLoadUrls };
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");
    const valuesTextInHtml = html.includes(escapeHtml(defaultValuesText()));
    const runs: PageLoadRun[] = [];
    for (let i = 0; i < options.loads; i++) {
      runs.push(await loadOnce(browser, url, outDir, basePath));
    }
    const baselinePaint = await measureBaselinePaint(browser, options.loads);
    const edits = await measureEdits(browser, url, options.edits);
    const typing = await measureTyping(browser, url);
    const none: ScriptSizes = { files: 0, raw: 0, gzip: 0 };
    const last = runs[runs.length - 1];
    return {
      firstLoad,
      valuesTextInHtml,
      jsUntilDiagram: last?.jsUntilDiagram ?? none,
      jsUntilInteractive: last?.jsUntilInteractive ?? none,
      jsUntilLiveDiagram: last?.jsUntilLiveDiagram ?? none,
      runs,
      baselinePaint,
      medians: {
        firstContentfulPaint: median(runs.map((r) => r.firstContentfulPaint)),
        formInteractive: median(runs.map((r) => r.formInteractive)),
        firstDiagram: median(runs.map((r) => r.firstDiagram)),
        firstEditToDiagram: median(runs.map((r) => r.firstEditToDiagram)),
      },
      ...edits,
      typing,
    };
  } finally {
    await browser.close();
  }
}

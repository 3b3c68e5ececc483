// Browser measurements for the benchmark (issues 7 and 14): what `/` loads and
// runs, how soon the first diagram is on screen and the wizard running after the
// first sign of use, and how fast edits show, with and without CPU throttling.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "@playwright/test";
import { buildBundle } from "@/lib/bundle/build-bundle";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { GENERATOR_VERSION } from "@/lib/version";
import {
  newBenchContext,
  openInteractive,
  showIntent,
  throttleCpu,
  waitForWizard,
} from "./context";
import { median, percentile } from "./stats";

/** components/diagram/topology-diagram.tsx marks the first SVG on the page. */
export const FIRST_DIAGRAM_MARK = "bufstream-wizard:first-diagram";
export const DIAGRAM = '[data-testid="topology-diagram"]';
/** The shared values file's text (components/outputs/files-panel.tsx). */
export const VALUES_TEXT = 'pre[data-file$="-values.yaml"]';
/** The edit the latency runs repeat: the broker count (changes the values and the diagram). */
const EDITED_FIELD = "#field-replicas";

export interface ScriptSizes {
  files: number;
  raw: number;
  gzip: number;
}

export interface PageLoadRun {
  firstContentfulPaint: number;
  /** The first diagram on screen: the build-time drawing, or mermaid's if that came first. */
  firstDiagram: number;
  /** From the first sign of use (a pointer move, after load) to the wizard running. */
  intentToInteractive: number;
  /**
   * The first edit after the wizard runs, to its redrawn diagram: the cold path,
   * which loads mermaid (the page shows the build-time drawing until then).
   */
  firstEditToDiagram: number;
  /** Scripts the page had run before any interaction (external; the inline start-up script aside). */
  jsRunBeforeUse: ScriptSizes;
  /** JavaScript fetched by the time the first diagram (of either kind) was on screen. */
  jsUntilDiagram: ScriptSizes;
  /** JavaScript fetched by the time the wizard was running. */
  jsUntilInteractive: ScriptSizes;
  /** JavaScript fetched by the time the first edit's diagram was drawn (adds mermaid). */
  jsUntilLiveDiagram: ScriptSizes;
}

export interface LatencyRun {
  editToText: { p50: number; p95: number; samples: number };
  editToDiagram: { p50: number; p95: number; samples: number };
}

export interface BrowserResults {
  /** The framework's scripts: the HTML's own and those its start-up script loads. */
  firstLoad: ScriptSizes & { urls: string[] };
  /** The inline start-up script (the only code a page that is only read runs). */
  startUpScript: ScriptSizes;
  /** Whether the static HTML of `/` already holds the default values file's text. */
  valuesTextInHtml: boolean;
  jsRunBeforeUse: ScriptSizes;
  jsUntilDiagram: ScriptSizes;
  jsUntilInteractive: ScriptSizes;
  jsUntilLiveDiagram: ScriptSizes;
  runs: PageLoadRun[];
  medians: {
    firstContentfulPaint: number;
    firstDiagram: number;
    intentToInteractive: number;
    firstEditToDiagram: number;
  };
}

/**
 * Runs in the page before any of its scripts: records when React has hydrated the
 * form, i.e. when an edit would be handled, and when the build-time drawing paints.
 */
function recordInteractive() {
  const bench: Record<string, number> = {};
  (window as unknown as { __bench: Record<string, number> }).__bench = bench;
  // The wizard marks its form once React has hydrated it (components/start-up/use-start-up-claim.ts).
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

function sizes(chunks: readonly Buffer[]): ScriptSizes {
  return {
    files: chunks.length,
    raw: chunks.reduce((sum, bytes) => sum + bytes.length, 0),
    gzip: chunks.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 6 }).length, 0),
  };
}

/** Raw and gzip (level 6, what `compression` and most hosts use) sizes of site scripts. */
function scriptSizes(outDir: string, basePath: string, urls: readonly string[]): ScriptSizes {
  return sizes(
    urls.map((url) => {
      const pathname = decodeURIComponent(new URL(url).pathname).slice(basePath.length);
      return readFileSync(path.join(outDir, pathname));
    }),
  );
}

const START_UP_SCRIPT = /<script data-start-up-script ([^>]*)>([\s\S]*?)<\/script>/;

/**
 * First-load JS: the framework's scripts, which the HTML of `/` references or its
 * start-up script loads (scripts/start-up-html.ts moved them there), less
 * `nomodule` ones (Next's legacy polyfills), which browsers with ES modules (all
 * this site supports) never fetch.
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
  const framework = /\sdata-scripts="([^"]*)"/.exec(` ${START_UP_SCRIPT.exec(html)?.[1] ?? ""}`);
  for (const src of (framework?.[1] ?? "").split(" ")) urls.add(src);
  return [...urls]
    .filter((url) => url.endsWith(".js"))
    .map((url) => new URL(url, `${origin}${basePath}/`).toString());
}

/** The scripts the page has run (or is running): every <script src> in its document. */
function scriptsRun(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.scripts]
      .filter((script) => script.src !== "" && !script.noModule)
      .map((script) => script.src),
  );
}

async function loadOnce(browser: Browser, url: string, outDir: string, basePath: string) {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.addInitScript(recordInteractive);
  await page.goto(url, { waitUntil: "load" });
  // The first diagram: the build-time drawing's <img> painted, or mermaid's mark.
  await page.waitForFunction(
    (mark) =>
      performance.getEntriesByName(mark).length > 0 ||
      "prerenderedDiagram" in (window as unknown as { __bench: object }).__bench,
    FIRST_DIAGRAM_MARK,
    { timeout: 60_000 },
  );
  // A reader who has not touched anything yet: what has the page run?
  await page.waitForTimeout(500);
  const runBeforeUse = await scriptsRun(page);
  const intentAt = await page.evaluate(() => performance.now());
  await showIntent(page);
  await waitForWizard(page);
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
  const unique = (urls: string[]) => [...new Set(urls)];
  const scripts = unique(await scriptsBy(timings.firstDiagram));
  const interactiveScripts = unique(await scriptsBy(timings.formInteractive));
  const liveScripts = unique(await scriptsBy(Number.POSITIVE_INFINITY));
  await context.close();
  return {
    firstContentfulPaint: timings.firstContentfulPaint,
    firstDiagram: timings.firstDiagram,
    intentToInteractive: timings.formInteractive - intentAt,
    firstEditToDiagram: firstEdit.diagram,
    jsRunBeforeUse: scriptSizes(outDir, basePath, runBeforeUse),
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
          reject(new Error(`edit to ${next}: no update within 30 s`));
        }, 30_000);
        const start = performance.now();
        setValue?.call(input, next);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    },
    { field: EDITED_FIELD, valuesSelector: VALUES_TEXT, diagramSelector: DIAGRAM, next: value },
  );
}

/** Edit → text and edit → diagram over `edits` edits (after warm-up), at a CPU slowdown of `cpuRate`. */
export async function measureEdits(
  browser: Browser,
  url: string,
  edits: number,
  cpuRate = 1,
): Promise<LatencyRun> {
  const context = await newBenchContext(browser);
  const page = await openInteractive(context, url, cpuRate);
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

/**
 * Runs in the page before its scripts: the first trusted keystroke into the
 * broker count, and when the values text first changes after it.
 */
function recordEarlyEdit() {
  const early: { inputAt?: number; textAt?: number } = {};
  (window as unknown as { __early: typeof early }).__early = early;
  window.addEventListener(
    "input",
    (event) => {
      if (early.inputAt !== undefined || !event.isTrusted) return;
      const target = event.target as Element | null;
      if (target?.id !== "field-replicas") return;
      early.inputAt = performance.now();
      const before = document.querySelector('pre[data-file$="-values.yaml"]')?.textContent;
      const observer = new MutationObserver(() => {
        const text = document.querySelector('pre[data-file$="-values.yaml"]')?.textContent;
        if (text !== undefined && text !== before) {
          early.textAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    true,
  );
}

/**
 * The first edit of a visit, made before the page's code ran (a reader who
 * starts typing): from the keystroke to the values text showing it. This is
 * what deferring the framework to the first sign of use costs that user.
 */
export async function measureFirstEditBeforeCode(
  browser: Browser,
  url: string,
  loads: number,
  cpuRate = 1,
): Promise<number> {
  const results: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await newBenchContext(browser);
    const page = await context.newPage();
    if (cpuRate !== 1) await throttleCpu(page, cpuRate);
    await page.addInitScript(recordEarlyEdit);
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.waitForTimeout(500);
    const field = page.locator(EDITED_FIELD);
    await field.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("5");
    await page.waitForFunction(
      () => (window as unknown as { __early: { textAt?: number } }).__early.textAt !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    const early = await page.evaluate(
      () => (window as unknown as { __early: { inputAt: number; textAt: number } }).__early,
    );
    results.push(early.textAt - early.inputAt);
    await context.close();
  }
  return median(results);
}

export async function measurePageLoads(
  browser: Browser,
  options: { url: string; outDir: string; basePath: string; loads: number },
): Promise<BrowserResults> {
  const { url, outDir, basePath } = options;
  const origin = new URL(url).origin;
  const firstLoadUrls = firstLoadScripts(outDir, origin, basePath);
  const firstLoad = { ...scriptSizes(outDir, basePath, firstLoadUrls), urls: firstLoadUrls };
  const html = readFileSync(path.join(outDir, "index.html"), "utf8");
  const inline = START_UP_SCRIPT.exec(html)?.[2];
  const startUpScript = sizes(inline === undefined ? [] : [Buffer.from(inline)]);
  const valuesTextInHtml = html.includes(escapeHtml(defaultValuesText()));
  const runs: PageLoadRun[] = [];
  for (let i = 0; i < options.loads; i++) {
    runs.push(await loadOnce(browser, url, outDir, basePath));
  }
  const none: ScriptSizes = { files: 0, raw: 0, gzip: 0 };
  const last = runs[runs.length - 1];
  return {
    firstLoad,
    startUpScript,
    valuesTextInHtml,
    jsRunBeforeUse: last?.jsRunBeforeUse ?? none,
    jsUntilDiagram: last?.jsUntilDiagram ?? none,
    jsUntilInteractive: last?.jsUntilInteractive ?? none,
    jsUntilLiveDiagram: last?.jsUntilLiveDiagram ?? none,
    runs,
    medians: {
      firstContentfulPaint: median(runs.map((r) => r.firstContentfulPaint)),
      firstDiagram: median(runs.map((r) => r.firstDiagram)),
      intentToInteractive: median(runs.map((r) => r.intentToInteractive)),
      firstEditToDiagram: median(runs.map((r) => r.firstEditToDiagram)),
    },
  };
}

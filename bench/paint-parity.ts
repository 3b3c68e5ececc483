// Issue 14's first-paint goal: the page paints no later than the same markup
// without any script (plus 10%). Both are served the same way, from a copy of
// out/ whose index.html has every <script> removed, and loaded round-robin in
// fresh contexts, so machine load hits both alike.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { createStaticServer } from "../scripts/serve.mjs";
import { newBenchContext } from "./context";
import { median } from "./stats";

export interface PaintParity {
  /** Median first contentful paint of the page and of its markup without scripts (ms). */
  page: number;
  withoutScripts: number;
  /** Median of the per-pair ratios page / without scripts. */
  ratio: number;
  loads: number;
}

function stripScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "");
}

async function firstPaint(browser: Browser, url: string): Promise<number> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => performance.getEntriesByName("first-contentful-paint").length > 0,
  );
  const fcp = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  await context.close();
  return fcp;
}

export async function measurePaintParity(
  browser: Browser,
  options: { url: string; outDir: string; basePath: string; loads: number },
): Promise<PaintParity> {
  const copy = mkdtempSync(path.join(tmpdir(), "bufstream-wizard-bench-noscripts-"));
  cpSync(options.outDir, copy, { recursive: true });
  const index = path.join(copy, "index.html");
  writeFileSync(index, stripScripts(readFileSync(index, "utf8")));
  const server = createStaticServer({ dir: copy, basePath: options.basePath });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const bare = `http://127.0.0.1:${port}${options.basePath}/`;
  try {
    const page: number[] = [];
    const withoutScripts: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      // Alternate which goes first, so neither always gets the warmer browser.
      if (i % 2 === 0) {
        page.push(await firstPaint(browser, options.url));
        withoutScripts.push(await firstPaint(browser, bare));
      } else {
        withoutScripts.push(await firstPaint(browser, bare));
        page.push(await firstPaint(browser, options.url));
      }
    }
    return {
      page: median(page),
      withoutScripts: median(withoutScripts),
      ratio: median(page.map((value, i) => value / (withoutScripts[i] ?? Number.NaN))),
      loads: options.loads,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(copy, { recursive: true, force: true });
  }
}

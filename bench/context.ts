// What every benchmark page shares: the browser context and the wait for the
// wizard to be interactive.
import type { Browser, BrowserContext, Page } from "@playwright/test";

/**
 * A desktop-sized context. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in `__name(fn, "name")`; functions the benchmark sends
 * to the page need that helper there.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  return context;
}

/** Opens the wizard and waits until React owns the form (components/wizard/wizard.tsx). */
export async function openInteractive(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.locator('form[data-hydrated="true"]').waitFor({ state: "attached" });
  return page;
}

// What every benchmark page shares: the browser context, CPU throttling, and the
// wait for the wizard to be interactive.
import type { Browser, BrowserContext, Page } from "@playwright/test";

/**
 * A desktop-sized context. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in `__name(fn, "name")`; functions the benchmark sends
 * to the page need that helper there.
 */
export async function newBenchContext(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  return context;
}

/**
 * Slows the page's CPU down `rate` times (Chrome DevTools Protocol, as DevTools'
 * "4x slowdown" and Lighthouse's mobile runs do). 1 turns it off.
 */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/**
 * The page's code runs at the first sign of use (components/start-up/
 * start-up-script.ts); moving the pointer is one, as a user reaching for a field.
 * Two points, so the pointer moves even if it was already at one of them.
 */
export async function showIntent(page: Page): Promise<void> {
  await page.mouse.move(4, 4);
  await page.mouse.move(8, 8);
}

/** Waits until React owns the form and has applied anything done before (use-start-up-claim.ts). */
export async function waitForWizard(page: Page): Promise<void> {
  await page.locator('form[data-hydrated="true"]').waitFor({ state: "attached", timeout: 120_000 });
}

/** Opens the wizard (optionally CPU-throttled from the start) and waits until it is interactive. */
export async function openInteractive(
  context: BrowserContext,
  url: string,
  cpuRate = 1,
): Promise<Page> {
  const page = await context.newPage();
  if (cpuRate !== 1) await throttleCpu(page, cpuRate);
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await showIntent(page);
  await waitForWizard(page);
  return page;
}

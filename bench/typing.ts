// Typing, as a person does (issue 7): real key presses into a field whose every
// character changes the diagram, timed by the browser's own Event Timing API
// (each keystroke from input to the next paint, the way INP is measured). This is
// where a mermaid drawing in flight shows: a key pressed during it waits.
import type { Browser } from "@playwright/test";
import { newBenchContext, openInteractive } from "./context";
import { percentile } from "./stats";

/** The release name: every keystroke renames the Service the diagram draws. */
const TYPED_FIELD = "#field-release-name";
const MS_PER_KEY = 80;
const ROUNDS = 3;
const TEXT = "abcdefgh";

export interface TypingResult {
  keystrokes: number;
  /** Event Timing durations of keystroke interactions (ms; the API rounds to 8 ms). */
  p50: number;
  p95: number;
  max: number;
}

/** Real typing at a CPU slowdown of `cpuRate` (1: none). */
export async function measureTyping(
  browser: Browser,
  url: string,
  cpuRate = 1,
): Promise<TypingResult> {
  const context = await newBenchContext(browser);
  const page = await openInteractive(context, url, cpuRate);
  await page.evaluate(() => {
    const durations: Record<number, number> = {};
    (window as unknown as { __keystrokes: Record<number, number> }).__keystrokes = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
        const id = entry.interactionId ?? 0;
        // One interaction (keydown, keypress, keyup) counts once, at its longest.
        if (id > 0) durations[id] = Math.max(durations[id] ?? 0, entry.duration);
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  const field = page.locator(TYPED_FIELD);
  await field.click();
  await field.press("End");
  // Let the first edit's mermaid load and drawing finish: this measures typing,
  // not the download. (Typed and erased at once, the "x" may never reach the
  // outputs, which follow typed keys in a render of their own.)
  await page.keyboard.type("x", { delay: MS_PER_KEY });
  await page.locator('[data-testid="topology-diagram"][data-diagram-state="ready"]').waitFor();
  await page.keyboard.press("Backspace");
  await page.waitForTimeout(2000 * cpuRate);
  await page.evaluate(() => {
    const store = (window as unknown as { __keystrokes: Record<number, number> }).__keystrokes;
    for (const key of Object.keys(store)) delete store[Number(key)];
  });
  let keystrokes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await page.keyboard.type(TEXT, { delay: MS_PER_KEY });
    for (let i = 0; i < TEXT.length; i++) {
      await page.keyboard.press("Backspace", { delay: MS_PER_KEY });
    }
    keystrokes += TEXT.length * 2;
  }
  await page.waitForTimeout(1000);
  const recorded = await page.evaluate(() =>
    Object.values((window as unknown as { __keystrokes: Record<number, number> }).__keystrokes),
  );
  await context.close();
  // Keystrokes under the API's 16 ms threshold are not reported: count them as 16.
  const durations = [
    ...recorded,
    ...Array<number>(Math.max(0, keystrokes - recorded.length)).fill(16),
  ];
  return {
    keystrokes,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: Math.max(...durations),
  };
}

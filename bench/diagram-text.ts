// The smallest text the topology diagram shows by default (issue 12), per
// preset and failing state, at 1440 px and 390 px wide (light theme): the
// size the label-fit test (e2e/diagram-labels.spec.ts) reports, measured the
// same way (e2e/diagram-measure.ts). Sizes, not timings: the same on any machine.
import { chromium } from "@playwright/test";
import { DIAGRAM_CASES } from "../e2e/diagram-cases";
import { shownGeometry } from "../e2e/diagram-measure";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";

export interface DiagramTextSizes {
  /** Viewport width -> case id -> smallest shown text (CSS px). */
  perWidth: Record<number, Record<string, number>>;
  /** Viewport width -> the smallest over the presets, and which. */
  smallestPreset: Record<number, { id: string; px: number }>;
}

export const DIAGRAM_WIDTHS = [1440, 390] as const;

export async function measureDiagramText(url: string): Promise<DiagramTextSizes> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const result: DiagramTextSizes = { perWidth: {}, smallestPreset: {} };
  try {
    for (const width of DIAGRAM_WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: width === 390 ? 844 : 900 },
        colorScheme: "light",
      });
      // tsx keeps function names with esbuild's __name helper; page functions need it there.
      await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
      const page = await context.newPage();
      const sizes: Record<string, number> = {};
      for (const c of DIAGRAM_CASES) {
        await page.goto("about:blank");
        await page.goto(`${url}#${c.fragment}`);
        await page.locator('form[data-hydrated="true"]').waitFor({ state: "attached" });
        const frame = page.getByTestId("topology-diagram");
        await frame.scrollIntoViewIfNeeded();
        await page
          .locator(
            `[data-testid="topology-diagram"][data-diagram-state="${c.prerendered ? "prerendered" : "ready"}"]`,
          )
          .waitFor({ timeout: 60_000 });
        sizes[c.id] = (await shownGeometry(page, frame, c.prerendered)).minTextPx;
      }
      await context.close();
      result.perWidth[width] = sizes;
      const presets = DIAGRAM_CASES.filter((c) => c.preset).map((c) => ({
        id: c.id,
        px: sizes[c.id] ?? 0,
      }));
      result.smallestPreset[width] = presets.reduce((a, b) => (b.px < a.px ? b : a));
    }
  } finally {
    await browser.close();
  }
  return result;
}

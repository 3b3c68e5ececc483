// Issue 12: every drawing whole and readable. For every preset and the failing
// states, light and dark, at 1440 px (desktop project) and 390 px (phone
// project), every node, edge label and subgraph title has its rendered text
// inside its shape, no subgraph title overlaps what it contains, zones are
// drawn in the user's order, and presets read at 11 CSS px or more as shown by
// default. It reports the shown text size per preset (the benchmark prints the
// smallest). A label measured in one font and shown in another fails it.
import type { Locator, Page } from "@playwright/test";
import { DIAGRAM_CASES, type DiagramCase } from "./diagram-cases";
import { type FlowchartGeometry } from "./diagram-inspect";
import { drawnZoneOrder, shownGeometry } from "./diagram-measure";
import { expect, test } from "./fixtures";

const MIN_TEXT_PX = 11;

/**
 * Shows case `c` in `theme` and waits for exactly that drawing: the drawing on
 * screen is marked stale first, so an earlier drawing still on screen (state
 * "ready" from before the change) is never mistaken for the new one. With
 * `navigate`, the case's link is applied in place (the page loads a pasted
 * link's scenario on hashchange), which spares a page load per case.
 */
async function show(page: Page, c: DiagramCase, theme: "light" | "dark", navigate: boolean) {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll(
      '[data-testid="topology-diagram"] [role="img"] > svg',
    )) {
      element.setAttribute("data-stale", "");
    }
  });
  if (navigate) await page.evaluate((fragment) => (window.location.hash = fragment), c.fragment);
  await page.emulateMedia({ colorScheme: theme });
  const shown = page.waitForFunction(
    ({ prerendered, theme }) => {
      const frame = document.querySelector('[data-testid="topology-diagram"]');
      const state = frame?.getAttribute("data-diagram-state");
      if (prerendered) {
        const img = frame?.querySelector("img");
        return state === "prerendered" && img?.complete && img.currentSrc.endsWith(`-${theme}.svg`);
      }
      const svg = frame?.querySelector('[role="img"] > svg');
      return (
        state === "ready" && svg !== null && svg !== undefined && !svg.hasAttribute("data-stale")
      );
    },
    { prerendered: c.prerendered, theme },
    { timeout: 30_000 },
  );
  await shown.catch((error: unknown) => {
    throw new Error(`${c.id} (${theme}) was not drawn: ${String(error)}`);
  });
}

async function check(
  page: Page,
  frame: Locator,
  c: DiagramCase,
): Promise<{ px: number; problems: string[] }> {
  await expect(frame, c.id).toHaveAttribute(
    "data-diagram-state",
    c.prerendered ? "prerendered" : "ready",
    { timeout: 30_000 },
  );
  const problems: string[] = [];
  const geometry: FlowchartGeometry = await shownGeometry(page, frame, c.prerendered);
  if (!c.prerendered) {
    const order = await drawnZoneOrder(frame.locator("svg").first());
    if (order.join(",") !== c.zones.join(",")) {
      problems.push(`zones drawn as ${order.join(", ")}, not ${c.zones.join(", ")}`);
    }
  }
  if (geometry.labels < 5) problems.push(`only ${geometry.labels} labels found`);
  for (const p of geometry.problems)
    problems.push(`${p.kind} "${p.text.slice(0, 60)}": ${p.problem}`);
  if (c.preset && geometry.minTextPx < MIN_TEXT_PX - 0.01) {
    problems.push(`text shown at ${geometry.minTextPx.toFixed(1)} px, below ${MIN_TEXT_PX} px`);
  }
  return { px: geometry.minTextPx, problems };
}

test("every label fits its shape and reads at 11 px: presets and failing states, light and dark @phone", async ({
  wizard,
  page,
}, testInfo) => {
  // 16 topologies, each drawn in both themes in one page (links applied in
  // place): bounded, about a minute per project on 2 cores, never timed.
  test.setTimeout(300_000);
  const phone = testInfo.project.name === "phone";
  await page.setViewportSize(phone ? { width: 390, height: 844 } : { width: 1440, height: 900 });
  const failures: string[] = [];
  const sizes = { light: [] as string[], dark: [] as string[] };
  await page.emulateMedia({ colorScheme: "light" });
  await wizard.open(DIAGRAM_CASES[0]?.fragment);
  const frame = wizard.diagram;
  await frame.scrollIntoViewIfNeeded();
  for (const [index, c] of DIAGRAM_CASES.entries()) {
    for (const theme of ["light", "dark"] as const) {
      // The diagram follows the system theme; switching redraws it.
      await show(page, c, theme, theme === "light" && index > 0);
      const { px, problems } = await check(page, frame, c);
      sizes[theme].push(`${c.id} ${px.toFixed(1)}`);
      failures.push(...problems.map((problem) => `${c.id} (${theme}): ${problem}`));
    }
  }
  for (const theme of ["light", "dark"] as const) {
    const report = `shown text size (CSS px), ${phone ? "390" : "1440"} px, ${theme}: ${sizes[theme].join(", ")}`;
    testInfo.annotations.push({ type: "diagram text size", description: report });
    console.log(report);
  }
  expect(failures, "labels that do not fit, overlap or read too small").toEqual([]);
});

// A share link opened in a fresh browser (issue 14: the way most teammates first
// meet the wizard): how soon the linked scenario's text outputs are on screen,
// its topology drawn, and its questions editable.
import type { Browser } from "@playwright/test";
import { buildBundle } from "@/lib/bundle/build-bundle";
import type { Scenario } from "@/lib/scenario/schema";
import { buildShareLink } from "@/lib/share/codec";
import { GENERATOR_VERSION } from "@/lib/version";
import { DIAGRAM, FIRST_DIAGRAM_MARK } from "./browser";
import { newBenchContext, throttleCpu } from "./context";
import { median } from "./stats";

export interface LinkLoadRun {
  /** Navigation to the linked scenario's values file text on the page (at the next frame). */
  textVisible: number;
  /** Navigation to mermaid's first drawing of the linked topology. */
  topologyDrawn: number;
  /** Navigation to the questions being editable (the wizard has claimed the page). */
  editable: number;
}

export interface LinkLoadResult {
  runs: LinkLoadRun[];
  medians: LinkLoadRun;
}

/**
 * Runs in the page before its scripts: notes when the values file shows one of
 * the expected texts (with or without the share link, which the page adds once
 * it knows its origin), and when the form is claimed.
 */
function recordLinkLoad(expected: { name: string; texts: string[] }) {
  const seen: { text?: number; editable?: number } = {};
  (window as unknown as { __link: typeof seen }).__link = seen;
  const check = () => {
    if (seen.text === undefined) {
      const pre = document.querySelector(`pre[data-file="${expected.name}"]`);
      if (pre !== null && expected.texts.includes(pre.textContent ?? "")) {
        // The frame that shows it: the next animation frame runs right before its paint.
        seen.text = Number.NaN;
        requestAnimationFrame(() => {
          seen.text = performance.now();
        });
      }
    }
    if (seen.editable === undefined && document.querySelector("form[data-hydrated]") !== null) {
      seen.editable = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["data-hydrated", "data-file"],
  });
}

/**
 * `loads` fresh visits to `baseUrl` + the scenario's link, desktop-sized. The
 * topology is scrolled into view as soon as the live wizard shows it (a desktop
 * layout that puts results first has it in the first screen; the wizard draws
 * it only near the viewport).
 */
export async function measureLinkLoads(
  browser: Browser,
  options: { baseUrl: string; scenario: Scenario; loads: number; cpuRate?: number },
): Promise<LinkLoadResult> {
  const link = buildShareLink(options.baseUrl, options.scenario);
  const files = (shareLink: string | null) =>
    buildBundle(options.scenario, { generatorVersion: GENERATOR_VERSION, shareLink });
  const values = files(link)[0];
  const withoutLink = files(null)[0];
  if (values === undefined || withoutLink === undefined) throw new Error("no values file");
  const expected = { name: values.name, texts: [values.content, withoutLink.content] };
  const runs: LinkLoadRun[] = [];
  for (let i = 0; i < options.loads; i++) {
    const context = await newBenchContext(browser);
    const page = await context.newPage();
    if ((options.cpuRate ?? 1) !== 1) await throttleCpu(page, options.cpuRate ?? 1);
    await page.addInitScript(recordLinkLoad, expected);
    await page.goto(link, { waitUntil: "commit", timeout: 120_000 });
    // Once the wizard runs, the diagram on the page is the linked scenario's.
    await page.locator("form[data-hydrated]").waitFor({ state: "attached", timeout: 120_000 });
    await page.locator(DIAGRAM).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (mark) => {
        const seen = (window as unknown as { __link: { text?: number } }).__link;
        return (
          performance.getEntriesByName(mark).length > 0 &&
          seen.text !== undefined &&
          !Number.isNaN(seen.text)
        );
      },
      FIRST_DIAGRAM_MARK,
      { timeout: 120_000 },
    );
    runs.push(
      await page.evaluate((mark) => {
        const seen = (window as unknown as { __link: { text: number; editable: number } }).__link;
        return {
          textVisible: seen.text,
          topologyDrawn: performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
          editable: seen.editable,
        };
      }, FIRST_DIAGRAM_MARK),
    );
    await context.close();
  }
  return {
    runs,
    medians: {
      textVisible: median(runs.map((run) => run.textVisible)),
      topologyDrawn: median(runs.map((run) => run.topologyDrawn)),
      editable: median(runs.map((run) => run.editable)),
    },
  };
}

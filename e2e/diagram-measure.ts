// The topology diagram's geometry as the page shows it, for the label-fit test
// (e2e/diagram-labels.spec.ts) and the benchmark (bench/diagram-text.ts).
import type { Locator, Page } from "@playwright/test";
import { inspectFlowchart, type FlowchartGeometry } from "./diagram-inspect";

/** The build-time image is an <img>: inspect the same file on a blank page, at its shown scale. */
async function inspectPrerendered(page: Page, frame: Locator): Promise<FlowchartGeometry> {
  const shown = await frame.locator("img").evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const response = await fetch(img.currentSrc);
    return { width: img.getBoundingClientRect().width, svg: await response.text() };
  });
  const blank = await page.context().newPage();
  try {
    await blank.setContent(`<!doctype html><body style="margin:0">${shown.svg}</body>`);
    const svg = blank.locator("svg").first();
    await svg.evaluate(async (element: SVGSVGElement) => {
      element.style.maxWidth = "none";
      element.style.width = `${element.viewBox.baseVal.width}px`;
      await document.fonts.ready;
    });
    const natural = await svg.evaluate(inspectFlowchart);
    const scale = shown.width / natural.naturalWidth;
    return { ...natural, scale, minTextPx: natural.minTextPx * scale };
  } finally {
    await blank.close();
  }
}

/** Zone subgraphs from left to right (the layout puts them side by side). */
export async function drawnZoneOrder(svg: Locator): Promise<string[]> {
  return svg.evaluate((element: SVGSVGElement) =>
    [...element.querySelectorAll("g.cluster")]
      .map((cluster) => ({
        title: (cluster.querySelector(".cluster-label")?.textContent ?? "").trim(),
        left: cluster.getBoundingClientRect().left,
      }))
      .filter((cluster) => cluster.title.startsWith("zone "))
      .sort((a, b) => a.left - b.left)
      .map((cluster) => cluster.title.slice("zone ".length)),
  );
}

/** The shown drawing: mermaid's SVG, or the build-time image (`prerendered`). */
export async function shownGeometry(
  page: Page,
  frame: Locator,
  prerendered: boolean,
): Promise<FlowchartGeometry> {
  return prerendered
    ? inspectPrerendered(page, frame)
    : frame.locator("svg").first().evaluate(inspectFlowchart);
}

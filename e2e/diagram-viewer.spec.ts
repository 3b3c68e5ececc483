// Issue 12: the topology viewer and what it lets users take away. Zoom and pan
// with the toolbar and the keyboard, actual size on the clients, full screen;
// SVG and PNG downloads in either theme, with or without a background; copy as
// PNG; a Mermaid Live link that sends nothing until followed.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { findPreset } from "../lib/scenario/presets";
import { encodeScenario } from "../lib/share/codec";
import { inspectFlowchart } from "./diagram-inspect";
import { expect, test } from "./fixtures";

const NAME = "topology diagram";

function viewport(page: Page) {
  return page.getByRole("group", { name: new RegExp(`^${NAME} at \\d+%`) });
}

async function level(page: Page): Promise<number> {
  const text = await page.getByLabel(`Zoom level, ${NAME}`).textContent();
  return Number((text ?? "").replace("%", ""));
}

/** Geometry of an exported SVG, shown alone on a blank page at its own size. */
async function exportedGeometry(page: Page, svg: string) {
  const blank = await page.context().newPage();
  try {
    await blank.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const element = blank.locator("svg").first();
    await element.evaluate(async (e: SVGSVGElement) => {
      e.style.maxWidth = "none";
      e.style.width = `${e.viewBox.baseVal.width}px`;
      await document.fonts.ready;
    });
    return await element.evaluate(inspectFlowchart);
  } finally {
    await blank.close();
  }
}

test("zoom, fit, actual size on the clients, keyboard and full screen @phone", async ({
  wizard,
  page,
}) => {
  const preset = findPreset("zone-aware-eks-in-cluster");
  if (!preset) throw new Error("preset zone-aware-eks-in-cluster is missing");
  await wizard.open(encodeScenario(preset.scenario));
  await wizard.diagramSvg();
  const start = await level(page);
  // Never below the readable size (11 px of 16 px text) by default.
  expect(start).toBeGreaterThanOrEqual(68);

  await page.getByRole("button", { name: `Zoom in, ${NAME}` }).click();
  expect(await level(page)).toBeGreaterThan(start);
  await page.getByRole("button", { name: `Zoom out, ${NAME}` }).click();
  await page.getByRole("button", { name: `Zoom out, ${NAME}` }).click();
  expect(await level(page)).toBeLessThan(start);

  await page.getByRole("button", { name: `Fit, ${NAME}` }).click();
  const box = await viewport(page).evaluate((e) => ({
    client: e.clientWidth,
    scroll: e.scrollWidth,
  }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);

  // Actual size: 100 %, scrolled so that the clients' node is in view.
  const actual = page.getByRole("button", { name: `Actual size, ${NAME}` });
  await actual.click();
  await expect(actual).toHaveAttribute("aria-pressed", "true");
  expect(await level(page)).toBe(100);
  const clientsVisible = await viewport(page).evaluate((e) => {
    const frame = e.getBoundingClientRect();
    const node = [...e.querySelectorAll("g.node")].find((n) =>
      (n.textContent ?? "").startsWith("Kafka clients"),
    );
    const r = node?.getBoundingClientRect();
    return r !== undefined && r.left >= frame.left - 1 && r.right <= frame.right + 1;
  });
  expect(clientsVisible).toBe(true);

  // The keyboard: + zooms in, - out, 0 back to the default.
  await viewport(page).focus();
  await page.keyboard.press("-");
  expect(await level(page)).toBeLessThan(100);
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  expect(await level(page)).toBeGreaterThan(100);
  await page.keyboard.press("0");
  expect(await level(page)).toBe(start);

  // Full screen fills the window; Escape closes it and focus returns to its button.
  await page.getByRole("button", { name: `Full screen, ${NAME}` }).click();
  const dialog = page.getByRole("dialog", { name: `${NAME}, full screen` });
  await expect(dialog).toBeVisible();
  const size = page.viewportSize();
  const rect = await dialog.boundingBox();
  expect(rect?.width).toBeCloseTo(size?.width ?? 0, 0);
  // The drawing moves into the dialog and back: each time a fresh copy of the
  // SVG, which must be prepared like the first (no edge striking a title).
  const problems = async (svg: Locator) => (await svg.evaluate(inspectFlowchart)).problems;
  expect(await problems(dialog.locator("svg").first())).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Full screen, ${NAME}` })).toBeFocused();
  expect(await problems(await wizard.diagramSvg())).toEqual([]);
});

test("downloads: the default drawing as built, other drawings with their fonts, PNG at twice the size", async ({
  wizard,
  page,
  origin,
  guard,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await wizard.open();
  await wizard.diagramDrawn();
  await page.getByText("Save image…").click();

  // The default answers: exactly the build-time file, light, on its background.
  const svg = await wizard.download(page.getByRole("button", { name: "Download SVG" }));
  expect(svg.name).toBe("topology-light.svg");
  const built = readFileSync(
    path.join("public", "prerendered", "default-topology-light.svg"),
    "utf8",
  );
  const viewBox = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(built);
  expect(svg.bytes.toString("utf8")).toBe(
    built
      .trim()
      .replace(
        /^(<svg[^>]*><style>[\s\S]*?<\/style>)/,
        `$1<rect x="${viewBox?.[1]}" y="${viewBox?.[2]}" width="${viewBox?.[3]}" height="${viewBox?.[4]}" fill="#ffffff"/>`,
      ),
  );

  // PNG: dark, transparent, at twice the drawing's size.
  await page.getByRole("combobox", { name: /Image/ }).selectOption("dark");
  await page.getByLabel("transparent").check();
  const png = await wizard.download(page.getByRole("button", { name: "Download PNG" }));
  expect(png.name).toBe("topology-dark-transparent.png");
  expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.bytes.readUInt32BE(16)).toBe(Math.ceil(Number(viewBox?.[3]) * 2));

  // Copy as PNG puts an image on the clipboard.
  await page.getByRole("button", { name: "Copy PNG topology as a PNG image" }).click();
  await expect(page.getByText("Copied", { exact: false }).first()).toBeVisible();
  const types = await page.evaluate(async () =>
    (await navigator.clipboard.read()).flatMap((item) => item.types),
  );
  expect(types).toContain("image/png");

  // Mermaid Live: a link carrying the diagram in its fragment; nothing was sent there.
  const live = page.getByRole("link", { name: /Mermaid Live/ });
  expect(await live.getAttribute("href")).toMatch(
    /^https:\/\/mermaid\.live\/edit#pako:[A-Za-z0-9_-]+$/,
  );
  expect(guard.foreignRequests).toEqual([]);

  // Another topology, drawn by mermaid: the SVG carries the page's fonts, and its labels fit.
  const preset = findPreset("zone-aware-per-zone-nlbs");
  if (!preset) throw new Error("preset zone-aware-per-zone-nlbs is missing");
  await page.goto("about:blank");
  await wizard.open(encodeScenario(preset.scenario));
  await wizard.diagramSvg();
  await page.getByText("Save image…").click();
  const drawn = await wizard.download(page.getByRole("button", { name: "Download SVG" }));
  const text = drawn.bytes.toString("utf8");
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).toContain("src: url(data:font/woff2;base64,");
  expect(text).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
  const geometry = await exportedGeometry(page, text);
  expect(geometry.labels).toBeGreaterThan(10);
  expect(geometry.problems).toEqual([]);
});

test.describe("on a phone-wide page", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a client sequence too wide to fit opens at the client's lifeline, not its middle", async ({
    wizard,
    page,
  }) => {
    const preset = findPreset("aws-nlb-internal");
    if (!preset) throw new Error("preset aws-nlb-internal is missing");
    await wizard.open(encodeScenario(preset.scenario));
    const sequence = page.locator('[data-testid^="client-sequence-"]').first();
    await sequence.scrollIntoViewIfNeeded();
    await expect(sequence).toHaveAttribute("data-diagram-state", "ready");
    const view = sequence.getByRole("group", { name: / at \d+%/ });
    const box = await view.evaluate((e) => ({
      left: e.scrollLeft,
      scroll: e.scrollWidth,
      client: e.clientWidth,
    }));
    // Wider than its box (else this proves nothing), and scrolled to its start.
    expect(box.scroll).toBeGreaterThan(box.client + 50);
    expect(box.left).toBe(0);
  });
});

// Issue 13, "Nothing typed is lost": what a user clicks and types while the page
// is still loading ends up in the fields, the files, the link and the download,
// on a slow phone's CPU (4x throttling through the DevTools protocol). Opened
// from a share link, the questions are not editable until the link's answers
// are in them, and say so.
import type { Page } from "@playwright/test";
import { findPreset } from "../lib/scenario/presets";
import type { Scenario } from "../lib/scenario/schema";
import { buildShareLink, decodeScenario, encodeScenario } from "../lib/share/codec";
import { unzip } from "./files";
import { expect, test } from "./fixtures";
import type { WizardPage } from "./wizard-page";

const DELAYS_MS = [100, 300, 600, 1000];
const RELEASE = "kafka-prod";
const CLIENTS_GROUP = "Kafka clients run";

async function throttleCpu(page: Page, rate = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/** Navigates and returns once `delayMs` have passed since the navigation began. */
async function openAndWait(page: Page, path: string, delayMs: number): Promise<void> {
  const started = Date.now();
  await page.goto(path, { waitUntil: "commit" });
  await page.waitForTimeout(Math.max(0, delayMs - (Date.now() - started)));
}

/** Replaces the release name as a user does: click into it, select all, type. */
async function typeReleaseName(page: Page, name: string): Promise<void> {
  await page.getByLabel("Helm release name", { exact: true }).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(name);
}

/** The scenario the address bar carries, once the page has written it. */
async function linkScenario(page: Page): Promise<Scenario> {
  await expect.poll(() => new URL(page.url()).hash, { timeout: 20_000 }).toMatch(/^#v1\./);
  const result = decodeScenario(new URL(page.url()).hash.slice(1));
  expect(result.ok, "the address bar holds a valid link").toBe(true);
  return result.scenario;
}

/**
 * Fields, files, link and download all describe one scenario: the release name
 * and clients given, and whatever else `expected` says.
 */
async function expectAllAgree(
  wizard: WizardPage,
  expected: { release: string; clients: Scenario["clients"]; exposure?: Scenario["exposure"] },
): Promise<void> {
  const { page } = wizard;
  await wizard.waitUntilInteractive();
  // Fields.
  await expect(page.getByLabel("Helm release name", { exact: true })).toHaveValue(expected.release);
  const clientsLabel = {
    "in-cluster": "Inside the Kubernetes cluster",
    "outside-cluster": "Outside the cluster",
    both: "Both inside and outside",
  }[expected.clients];
  await expect(
    wizard.group(CLIENTS_GROUP).getByRole("radio", { name: clientsLabel, exact: true }),
  ).toBeChecked();
  // Files, as the page shows them.
  const valuesFile = `${expected.release}-values.yaml`;
  await expect(page.getByRole("tab", { name: valuesFile, exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await wizard.selectFile("install.sh");
  const shownScript = (await wizard.fileText("install.sh").textContent()) ?? "";
  expect(shownScript).toContain(`helm upgrade --install ${expected.release} `);
  // The link.
  const linked = await linkScenario(page);
  expect(linked.release.name).toBe(expected.release);
  expect(linked.clients).toBe(expected.clients);
  if (expected.exposure !== undefined) expect(linked.exposure).toBe(expected.exposure);
  // The download: the same files, and the link in its README.
  const zip = unzip((await wizard.download(wizard.downloadAllButton)).bytes);
  const byName = new Map([...zip].map(([name, bytes]) => [name.split("/").pop(), bytes]));
  expect([...byName.keys()]).toContain(valuesFile);
  expect(byName.get("install.sh")?.toString("utf8")).toBe(shownScript);
  // The README's link is the address bar's scenario through its kind's page (`s/<kind>/#…`).
  expect(byName.get("README.md")?.toString("utf8")).toContain(buildShareLink(page.url(), linked));
}

test("a reader who touches nothing runs none of the framework's code and sees the default answers", async ({
  page,
}) => {
  await page.goto("./");
  await page.waitForTimeout(1500);
  // Only the inline start-up script has run: no script loaded from the site.
  const loaded = await page.evaluate(
    () => [...document.scripts].filter((script) => script.src !== "" && !script.noModule).length,
  );
  expect(loaded).toBe(0);
  await expect(page.locator("form[data-hydrated]")).toHaveCount(0);
  // The static HTML carries the answers as well as the outputs.
  await expect(page.getByLabel("Helm release name", { exact: true })).toHaveValue("bufstream");
  await expect(
    page
      .getByRole("radiogroup", { name: CLIENTS_GROUP, exact: true })
      .getByRole("radio", { name: "Inside the Kubernetes cluster", exact: true }),
  ).toBeChecked();
  await expect(page.locator('pre[data-file="bufstream-values.yaml"]')).toBeVisible();
});

for (const delay of DELAYS_MS) {
  test(`a click and typing ${delay} ms after navigation, 4x slower CPU, reach fields, files, link and download`, async ({
    wizard,
    page,
  }) => {
    await throttleCpu(page);
    await openAndWait(page, "./", delay);
    await wizard.group(CLIENTS_GROUP).getByText("Outside the cluster", { exact: true }).click();
    await typeReleaseName(page, RELEASE);
    await expectAllAgree(wizard, { release: RELEASE, clients: "outside-cluster" });
  });
}

test("a preset loaded and a name typed during loading apply in the order they were made (4x slower CPU)", async ({
  wizard,
  page,
}) => {
  const preset = findPreset("aws-nlb-internet-facing");
  if (!preset) throw new Error("preset aws-nlb-internet-facing is missing");
  await throttleCpu(page);
  await openAndWait(page, "./", 300);
  // A button does nothing before the page's code runs: the click is held and
  // replayed, and the name typed after it is applied on top of the preset.
  await page.getByRole("button", { name: `Load preset: ${preset.title}`, exact: true }).click();
  await typeReleaseName(page, RELEASE);
  await expectAllAgree(wizard, {
    release: RELEASE,
    clients: preset.scenario.clients,
    exposure: preset.scenario.exposure,
  });
});

test("opened from a share link, the questions wait, visibly, for the link's answers (4x slower CPU)", async ({
  wizard,
  page,
}) => {
  const preset = findPreset("aws-nlb-internal");
  if (!preset) throw new Error("preset aws-nlb-internal is missing");
  const scenario: Scenario = {
    ...preset.scenario,
    release: { ...preset.scenario.release, name: "from-link" },
  };
  await throttleCpu(page);
  // What the page shows while the parser is done but the wizard is not yet running.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const root = document.querySelector("[data-start-up-root]");
      (window as unknown as { __atParse: unknown }).__atParse = {
        inert: root?.hasAttribute("inert") ?? false,
        status: document.documentElement.getAttribute("data-start-up"),
      };
    });
  });
  await openAndWait(page, `./#${encodeScenario(scenario)}`, 300);
  // Typing at the defaults shown meanwhile goes nowhere.
  await page.keyboard.type("typed-too-early");
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __atParse?: unknown }).__atParse))
    .toEqual({ inert: true, status: "link" });
  await expectAllAgree(wizard, { release: "from-link", clients: "outside-cluster" });
  await expect(page.getByText("Opening the scenario from the link…")).toBeHidden();
  expect(decodeScenario(new URL(page.url()).hash.slice(1)).scenario).toEqual(scenario);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("opened from a share link, the status is above the answers / results bar, which does not show the defaults' verdict", async ({
    page,
  }) => {
    const preset = findPreset("aws-nlb-internal");
    if (!preset) throw new Error("preset aws-nlb-internal is missing");
    await throttleCpu(page);
    // Read once the page is parsed and laid out, before the wizard runs.
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const status = [...document.querySelectorAll('[role="status"]')].find((e) =>
          (e.textContent ?? "").includes("Opening the scenario from the link"),
        );
        const box = status?.getBoundingClientRect();
        const onTop =
          box === undefined
            ? null
            : document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const verdict = document.querySelector(".answers-results-bar .answers-results-status");
        (window as unknown as { __atParse: unknown }).__atParse = {
          state: document.documentElement.getAttribute("data-start-up"),
          statusShown: box !== undefined && box.height > 0,
          statusOnTop: onTop !== null && status?.contains(onTop) === true,
          barVerdict: verdict === null ? null : getComputedStyle(verdict).visibility,
        };
      });
    });
    await page.goto(`./#${encodeScenario(preset.scenario)}`, { waitUntil: "commit" });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __atParse?: unknown }).__atParse))
      .toEqual({ state: "link", statusShown: true, statusOnTop: true, barVerdict: "hidden" });
    // Once the link's answers are in, the bar shows their verdict.
    await expect(page.locator('form[data-hydrated="true"]')).toBeAttached({ timeout: 20_000 });
    const bar = page.getByRole("navigation", { name: "Answers and results" });
    await expect(bar.locator(".answers-results-status")).toBeVisible();
    await expect(page.getByText("Opening the scenario from the link…")).toBeHidden();
  });
});

test("a theme chosen before the code runs is applied, kept, and shown before the first paint next time", async ({
  page,
}) => {
  await page.goto("./", { waitUntil: "commit" });
  const theme = page.getByLabel("Theme", { exact: true });
  // As a keyboard user does: the menu's native change, before any code ran.
  await theme.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(theme).toHaveValue("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 30_000 });
  await page.reload();
  // The start-up script applies the stored choice; nothing else has run yet.
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(0);
});

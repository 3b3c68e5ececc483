// Issue 7: the whole zone-aware journey works with the keyboard alone, from the
// first question to the downloaded bundle.
import type { Locator, Page } from "@playwright/test";
import { at, parseValues, unzipBundle } from "./files";
import { expect, test } from "./fixtures";
import { readDownload } from "./wizard-page";

// About a hundred Tab presses, each followed by a focus check: with a DOM snapshot
// of the whole page before and after each of those ~200 actions (and a screencast
// frame for every focus ring), tracing alone doubles this test's time. A failure
// keeps the trace's action log (which key, which check) and the failure screenshot;
// the error names the control that could not be reached. (A worker option, so it
// is set for this file, not per test.)
test.use({ trace: { mode: "retain-on-failure", snapshots: false, screenshots: false } });

/** Presses Tab until `target` has focus (and fails if it never does). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const element = await target.elementHandle();
  if (!element) throw new Error(`${target.toString()} is not on the page`);
  for (let presses = 0; presses < 300; presses++) {
    if (await element.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target.toString()} with the Tab key`);
}

test("keyboard only: a zone-aware scenario with per-zone load balancers, downloaded as a zip", async ({
  wizard,
  page,
}) => {
  test.slow(); // about a hundred key presses
  const zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
  await wizard.open();

  // Where clients run: arrow keys move within a radio group.
  await tabTo(page, wizard.group("Kafka clients run").getByRole("radio", { checked: true }));
  await page.keyboard.press("ArrowDown");
  await expect(
    wizard.group("Kafka clients run").getByRole("radio", { name: "Outside the cluster" }),
  ).toBeChecked();

  await tabTo(page, wizard.exposureGroup.getByRole("radio", { checked: true }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(
    wizard.exposureGroup.getByRole("radio", { name: "Cloud load balancer" }),
  ).toBeChecked();

  const zoneAware = page.getByRole("checkbox", { name: /Zone-aware routing/ });
  await tabTo(page, zoneAware);
  await page.keyboard.press("Space");
  await expect(zoneAware).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: /^Use AWS/ }));
  await page.keyboard.press("Enter");

  for (const zone of zones) {
    await tabTo(page, page.getByLabel(`Load balancer host for ${zone}`, { exact: true }));
    await page.keyboard.type(`kafka-${zone}.prod.acme-corp.net`);
  }
  // Clients outside the cluster: the wizard asks for the cross-zone bootstrap address.
  await tabTo(page, page.getByLabel("Bootstrap address across zones (optional)", { exact: true }));
  await page.keyboard.type("kafka.prod.acme-corp.net");
  await expect(wizard.notWorkingBanner).toHaveCount(0);

  await tabTo(page, wizard.downloadAllButton);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  const files = unzipBundle((await readDownload(download)).bytes, "bufstream-bundle");
  for (const zone of zones) {
    const text = files.get(`bufstream-${zone}-values.yaml`)?.toString("utf8") ?? "";
    expect(at(parseValues(text), "kafka", "publicAddress", "host")).toBe(
      `kafka-${zone}.prod.acme-corp.net`,
    );
  }
  expect(files.get("README.md")?.toString("utf8")).toContain(
    "bootstrap from `kafka.prod.acme-corp.net`",
  );
});

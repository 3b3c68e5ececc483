// Issue 7: axe finds nothing on any step or state, in light and dark; the
// whole zone-aware journey works with the keyboard alone.
import type { Locator, Page } from "@playwright/test";
import { at, parseValues, unzip } from "./files";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { readDownload, type WizardPage } from "./wizard-page";

/** The wizard's states, each reached from the previous one. */
const STATES: { name: string; reach: (wizard: WizardPage) => Promise<void> }[] = [
  { name: "defaults (in-cluster, ClusterIP)", reach: async () => {} },
  {
    name: "error finding (outside clients, ClusterIP)",
    reach: async (wizard) => {
      await wizard.chooseClients("Outside the cluster");
      await expect(wizard.notWorkingBanner).toBeVisible();
    },
  },
  {
    name: "invalid answer (load balancer without host)",
    reach: async (wizard) => {
      await wizard.chooseExposure("Cloud load balancer");
      await wizard.chooseHostKnownNow();
      await wizard.loadBalancerHost.fill("");
      await expect(wizard.page.getByTestId("outputs-waiting").first()).toBeVisible();
    },
  },
  {
    name: "load balancer with host",
    reach: async (wizard) => {
      await wizard.loadBalancerHost.fill("kafka.prod.acme-corp.net");
      await expect(wizard.notWorkingBanner).toHaveCount(0);
    },
  },
  {
    name: "zone-aware preset",
    reach: async (wizard) => {
      await wizard.loadPreset("Zone-aware with per-zone NLBs");
    },
  },
  {
    name: "broken link notice",
    reach: async (wizard) => {
      await wizard.page.goto("about:blank");
      await wizard.open("v1.AAAA");
      await expect(wizard.linkNotice).toBeVisible();
    },
  },
];

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: every state in the ${colorScheme} theme`, async ({ wizard, page }) => {
    test.slow(); // six states, each audited in full
    await page.emulateMedia({ colorScheme });
    await wizard.open();
    for (const state of STATES) {
      await state.reach(wizard);
      await wizard.diagramSvg().catch(() => undefined);
      await expectNoAxeViolations(page, `${state.name}, ${colorScheme}`);
    }
  });
}

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
  test.slow(); // a few hundred key presses
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

  await tabTo(page, page.getByRole("checkbox", { name: /Zone-aware routing/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: /^Use AWS/ }));
  await page.keyboard.press("Enter");

  for (const zone of zones) {
    await tabTo(page, page.getByLabel(`Load balancer host for ${zone}`, { exact: true }));
    await page.keyboard.type(`kafka-${zone}.prod.acme-corp.net`);
  }
  const bootstrap = page.getByLabel(/Bootstrap address across zones/);
  if ((await bootstrap.count()) > 0) {
    await tabTo(page, bootstrap.first());
    await page.keyboard.type("kafka.prod.acme-corp.net");
  }
  await expect(wizard.notWorkingBanner).toHaveCount(0);

  await tabTo(page, wizard.downloadAllButton);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  const files = unzip((await readDownload(download)).bytes);
  for (const zone of zones) {
    const text = files.get(`bufstream-${zone}-values.yaml`)?.toString("utf8") ?? "";
    expect(at(parseValues(text), "kafka", "publicAddress", "host")).toBe(
      `kafka-${zone}.prod.acme-corp.net`,
    );
  }
});

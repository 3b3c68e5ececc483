// The files panel follows a renamed release: most file names carry the release
// name (`<release>-values.yaml`), so the tabs are keyed by the file's role. The
// chosen tab stays chosen, and only the lines the rename changed are marked.
import { expect, test } from "./fixtures";

const ZONE_B = (release: string) => `${release}-us-east-1b-values.yaml`;

test("renaming the release keeps the chosen file and marks only the lines it changed", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.loadPreset("Zone-aware with per-zone NLBs");
  await wizard.selectFile(ZONE_B("bufstream"));
  const before = (await wizard.fileText(ZONE_B("bufstream")).textContent()) ?? "";

  await page.locator("#field-release-name").fill("orders");

  await expect(wizard.fileTab(ZONE_B("orders"))).toHaveAttribute("aria-selected", "true");
  const shown = wizard.fileText(ZONE_B("orders"));
  await expect(shown).toBeVisible();
  const after = (await shown.textContent()) ?? "";

  // A rename changes lines in place; the marks are exactly the lines that differ.
  const [old, now] = [before.split("\n"), after.split("\n")];
  expect(now).toHaveLength(old.length);
  const differing = now.filter((line, i) => line !== old[i]).length;
  expect(differing).toBeGreaterThan(0);
  expect(differing).toBeLessThan(now.length - 1);
  await expect(shown.getByTestId("changed-line")).toHaveCount(differing);
});

// Issue 14: an edit re-renders the fields it concerns, not the whole form. When
// every field re-rendered at every edit (they all read a context value that
// changed with it), React re-wrote each of the form's inputs in the DOM (for a
// radio, its name is cleared and set again), about 100 DOM writes per edit
// that showed in the 4x-throttled edit → text figures. Counted, not timed: the
// inputs of the form whose attributes an edit writes.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

declare global {
  interface Window {
    __writtenInputs?: Set<string>;
  }
}

/** Records the ids of the form's inputs whose attributes are written from now on. */
async function recordWrittenInputs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const form = document.querySelector("form");
    if (form === null) throw new Error("no form");
    window.__writtenInputs = new Set();
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.target instanceof HTMLInputElement)
          window.__writtenInputs?.add(record.target.id);
      }
    }).observe(form, { subtree: true, attributes: true });
  });
}

async function writtenInputs(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__writtenInputs ?? [])].sort());
}

test("an edit re-writes only the field edited, and its finding still follows", async ({
  page,
  wizard,
}) => {
  await wizard.open();
  const replicas = page.locator("#field-replicas");
  await expect(wizard.fieldFindings("replicas")).toContainText("3 brokers");
  await recordWrittenInputs(page);

  await replicas.fill("4");
  await replicas.press("Tab");
  // The finding on the field itself follows once it is left (scenario-context.tsx).
  await expect(wizard.fieldFindings("replicas")).toContainText("4 brokers");
  await expect(wizard.fileText("bufstream-values.yaml")).toContainText("replicaCount: 4");

  expect(await writtenInputs(page)).toEqual(["field-replicas"]);
});

test("typing the release name re-writes no other field", async ({ page, wizard }) => {
  await wizard.open();
  await recordWrittenInputs(page);
  // react-hook-form matches watched names by prefix: "release.namespace" once
  // re-rendered the access step at every key typed into the release name.
  const name = page.locator("#field-release-name");
  await name.focus();
  await page.keyboard.press("End");
  // Valid at every key ("bufstream-" is not a valid name, and answers turning
  // invalid or valid again re-render every field once: each compares its value
  // with the last valid answers then).
  await name.pressSequentially("eu2", { delay: 50 });
  await expect(wizard.fileText("bufstreameu2-values.yaml")).toBeVisible();
  expect(await writtenInputs(page)).toEqual(["field-release-name"]);
});

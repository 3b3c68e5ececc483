import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { guardPage, type PageGuard } from "./guards";
import { WizardPage } from "./wizard-page";

interface Fixtures {
  /** The site's origin (scheme, host and port), from the configured baseURL. */
  origin: string;
  /** Guards on the default page; checked after every test. */
  guard: PageGuard;
  wizard: WizardPage;
  /** Opens a fresh browser context (no storage, no history) with the same guards. */
  freshPage: () => Promise<{ page: Page; guard: PageGuard; wizard: WizardPage }>;
}

export const test = base.extend<Fixtures>({
  origin: async ({ baseURL }, provide) => {
    if (baseURL === undefined) throw new Error("playwright.config.ts sets baseURL");
    await provide(new URL(baseURL).origin);
  },
  guard: async ({ page, origin }, provide, testInfo) => {
    const guard = await guardPage(page, origin);
    await provide(guard);
    const problems = await guard.problems();
    if (problems.length > 0) await testInfo.attach("guard", { body: problems.join("\n") });
    expect(problems, "the page must stay within its origin, CSP and console").toEqual([]);
  },
  wizard: async ({ page, guard }, provide) => {
    void guard; // the guard must be installed before the first navigation
    await provide(new WizardPage(page));
  },
  freshPage: async ({ browser, origin, baseURL }, provide) => {
    const opened: { context: BrowserContext; guard: PageGuard }[] = [];
    await provide(async () => {
      const context = await browser.newContext({ baseURL, acceptDownloads: true });
      const page = await context.newPage();
      const guard = await guardPage(page, origin);
      opened.push({ context, guard });
      return { page, guard, wizard: new WizardPage(page) };
    });
    for (const { context, guard } of opened) {
      const problems = await guard.problems();
      await context.close();
      expect(problems, "a fresh page must stay within its origin, CSP and console").toEqual([]);
    }
  },
});

export { expect };

/** axe with the WCAG 2.x A and AA rules; fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  // Legacy mode runs axe in the page itself. The default mode finishes in a new
  // tab, which leaves this page in the background, where requestAnimationFrame
  // stops and later actions wait forever for the page to be "stable".
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .setLegacyMode(true)
    .analyze();
  await page.bringToFront();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(summary, `axe violations in ${state}`).toEqual([]);
}

// Issue 17: the attack run, kept in the suite and bounded. A few dozen hostile
// share links of each kind (lib/share/testing/hostile-links.ts, "small") are
// opened in Chromium, most under the site's full headers and every fourth under
// the page's <meta> policy alone. After each: no script ran, no error, no CSP
// violation, no request left the origin, no markup was injected, and the form
// shows what the decoder made of the link; after each kind, the form still
// edits. `npm run attack` opens the large corpora the same way.
import { HOSTILE_KINDS, hostileLinks, type HostileLink } from "../lib/share/testing/hostile-links";
import type { PageGuard } from "./guards";
import { expect, test } from "./fixtures";
import { formStillEdits, installRecorders, openHostileLink, serveMetaPolicyOnly } from "./hostile";
import type { Page } from "@playwright/test";

async function openAll(page: Page, guard: PageGuard, links: readonly HostileLink[]) {
  for (const [i, link] of links.entries()) {
    // Every twelfth by a fresh page load, the rest as the page's fragment changes.
    const outcome = await openHostileLink(page, guard, link, { fresh: i % 12 === 0 });
    expect(outcome.problems, `${link.name}: ${link.payload.slice(0, 120)}`).toEqual([]);
  }
}

for (const kind of HOSTILE_KINDS) {
  test(`hostile links (${kind}): nothing runs or breaks, and the form still edits`, async ({
    page,
    guard,
    freshPage,
  }) => {
    test.setTimeout(180_000);
    const links = hostileLinks(kind, "small");
    const full = links.filter((_, i) => i % 4 !== 3);
    const metaOnly = links.filter((_, i) => i % 4 === 3);
    expect(full.length + metaOnly.length).toBeGreaterThanOrEqual(15);

    await installRecorders(page);
    await page.goto("./");
    await openAll(page, guard, full);
    expect(await formStillEdits(page, `after-${kind}`), "the form edits after the links").toBe(
      true,
    );

    const meta = await freshPage();
    await serveMetaPolicyOnly(meta.page.context());
    await installRecorders(meta.page);
    const response = await meta.page.goto("./");
    expect(response?.headers()["content-security-policy"]).toBeUndefined();
    await expect(meta.page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
    await openAll(meta.page, meta.guard, metaOnly);
    expect(await formStillEdits(meta.page, `meta-${kind}`), "the form edits (meta policy)").toBe(
      true,
    );
  });
}

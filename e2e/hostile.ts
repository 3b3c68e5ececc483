// Opening hostile share links in Chromium (issue 17), shared by the bounded
// test in `npm test` (hostile-links.spec.ts) and the attack run over the large
// corpora (`npm run attack`, scripts/attack-run.ts). Plain Playwright, no test
// runner: each function reports what it saw and leaves judging to the caller.
import type { BrowserContext, Page } from "@playwright/test";

import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { decodeScenario, encodeScenario, type DecodeResult } from "../lib/share/codec";
import type { HostileLink } from "../lib/share/testing/hostile-links";
import type { PageGuard } from "./guards";
import { findInjectedMarkup } from "./injection";

const NOTICE = '[data-testid="link-notice"]';
const RELEASE = "#field-release-name";
const CLUSTER = "#field-cluster";
const WAIT_MS = 15_000;

declare global {
  interface Window {
    __longTasks?: number[];
    __arrivedWith?: string;
  }
}

/**
 * Runs before any page script: keeps the fragment the page arrived with (the
 * page soon rewrites it to the answers it kept) and records the main thread's
 * long tasks (50 ms or more).
 */
function recordArrival() {
  window.__arrivedWith = window.location.hash.replace(/^#/, "");
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration);
    }).observe({ type: "longtask" });
  } catch {
    // No long-task timing in this browser: nothing is recorded.
  }
}

/** Call once per page, before it first navigates. */
export async function installRecorders(page: Page): Promise<void> {
  await page.addInitScript(recordArrival);
}

/**
 * A context that strips the Content-Security-Policy header from the page, so
 * only the policy the HTML carries in its `<meta>` applies (a host that cannot
 * set headers, such as GitHub Pages).
 */
export async function serveMetaPolicyOnly(context: BrowserContext): Promise<void> {
  await context.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-security-policy"];
    await route.fulfill({ response, headers });
  });
}

/** What the page showed for one link. */
export interface LinkOutcome {
  /** The fragment as the page read it (the browser percent-encodes some characters). */
  seen: string;
  decoded: DecodeResult["kind"];
  /** Everything that went wrong, as readable lines; empty when the page held. */
  problems: string[];
  /** Longest main-thread task while the link was applied (hash change only; 0 when none of 50 ms). */
  longestTaskMs: number;
}

interface Shown {
  release: string;
  cluster: string;
  notice: boolean;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(
    ({ release, cluster, notice }) => ({
      release: (document.querySelector(release) as HTMLInputElement | null)?.value ?? "",
      cluster: (document.querySelector(cluster) as HTMLInputElement | null)?.value ?? "",
      notice: document.querySelector(notice) !== null,
    }),
    { release: RELEASE, cluster: CLUSTER, notice: NOTICE },
  );
}

async function waitForShown(page: Page, want: Shown): Promise<boolean> {
  return page
    .waitForFunction(
      ({ want, release, cluster, notice }) =>
        (document.querySelector(release) as HTMLInputElement | null)?.value === want.release &&
        (document.querySelector(cluster) as HTMLInputElement | null)?.value === want.cluster &&
        (document.querySelector(notice) !== null) === want.notice,
      { want, release: RELEASE, cluster: CLUSTER, notice: NOTICE },
      { timeout: WAIT_MS },
    )
    .then(
      () => true,
      () => false,
    );
}

async function setHash(page: Page, payload: string): Promise<string> {
  return page.evaluate((p) => {
    window.__longTasks?.splice(0);
    window.location.hash = p;
    return window.location.hash.replace(/^#/, "");
  }, payload);
}

let sentinels = 0;

/** A valid link unlike anything shown, so the next link's effect cannot be mistaken for a stale one. */
async function applySentinel(page: Page): Promise<void> {
  const cluster = `sentinel-${++sentinels}`;
  await setHash(page, encodeScenario({ ...DEFAULT_SCENARIO, cluster }));
  await waitForShown(page, { release: DEFAULT_SCENARIO.release.name, cluster, notice: false });
}

/** Problems the guard has seen since the last call, which are then forgotten. */
export async function takeGuardProblems(page: Page, guard: PageGuard): Promise<string[]> {
  const problems = await guard.problems();
  guard.foreignRequests.splice(0);
  guard.consoleErrors.splice(0);
  guard.pageErrors.splice(0);
  guard.dialogs.splice(0);
  await page
    .evaluate(() => {
      window.__cspViolations?.splice(0);
      delete window.__pwned;
    })
    .catch(() => undefined);
  return problems;
}

/**
 * Opens one hostile link: by a fresh page load when `fresh`, else by changing
 * the fragment of the open page (the page listens for that; it is how a pasted
 * link or Back arrives). Waits until the form shows what the decoder makes of
 * the link, then lists every way the page gave in.
 */
export async function openHostileLink(
  page: Page,
  guard: PageGuard,
  link: HostileLink,
  { fresh }: { fresh: boolean },
): Promise<LinkOutcome> {
  const problems: string[] = [];
  let seen: string;
  if (fresh) {
    await page.goto("about:blank");
    await page.goto(`./#${link.payload}`);
    await page.locator('form[data-hydrated="true"]').waitFor({ state: "attached" });
    const arrived = await page.evaluate(() => window.__arrivedWith);
    if (arrived === undefined) throw new Error("installRecorders(page) was not called");
    seen = arrived;
  } else {
    seen = link.payload;
  }
  const result = decodeScenario(seen);
  const want: Shown = {
    release: result.scenario.release.name,
    cluster: result.scenario.cluster,
    notice: !result.ok,
  };
  if (!fresh) {
    // Clear what the last link left, so this one's effect cannot be mistaken for it:
    // a notice is dismissed (a failing link brings its own back), and answers equal
    // to this link's are replaced by a sentinel's.
    const dismiss = page.locator(NOTICE).getByRole("button", { name: "Dismiss" });
    if ((await dismiss.count()) > 0) {
      await dismiss.click();
      await page.locator(NOTICE).waitFor({ state: "detached", timeout: WAIT_MS });
    }
    const before = await shown(page);
    if (!want.notice && before.release === want.release && before.cluster === want.cluster) {
      await applySentinel(page);
    }
    seen = await setHash(page, link.payload);
    if (seen !== link.payload) {
      // The browser rewrote the fragment (percent-encoding): judge what the page read.
      const reread = decodeScenario(seen);
      Object.assign(want, {
        release: reread.scenario.release.name,
        cluster: reread.scenario.cluster,
        notice: !reread.ok,
      });
    }
  }
  const decoded = decodeScenario(seen).kind;
  if (!(await waitForShown(page, want))) {
    const now = await shown(page);
    problems.push(
      `the page did not show the link's answers (want ${JSON.stringify(want)}, shows ${JSON.stringify(now)})`,
    );
  }
  if (!link.expect.includes(decoded)) {
    problems.push(`decoded as ${decoded}, expected ${link.expect.join(" or ")}`);
  }
  problems.push(...(await findInjectedMarkup(page)));
  problems.push(...(await takeGuardProblems(page, guard)));
  const tasks = fresh ? [] : await page.evaluate(() => window.__longTasks?.splice(0) ?? []);
  return { seen, decoded, problems, longestTaskMs: Math.max(0, ...tasks) };
}

/**
 * Whether the form still edits: a new release name must reach the generated
 * files (their names carry it). Dismisses the link notice first, as a user would.
 */
export async function formStillEdits(page: Page, release: string): Promise<boolean> {
  const dismiss = page.locator(NOTICE).getByRole("button", { name: "Dismiss" });
  if ((await dismiss.count()) > 0) await dismiss.click();
  await page.locator(RELEASE).fill(release);
  return page
    .getByRole("tablist", { name: "Generated files" })
    .getByRole("tab", { name: `${release}-values.yaml`, exact: true })
    .waitFor({ timeout: WAIT_MS })
    .then(
      () => true,
      () => false,
    );
}

// Issue 7, "Safety": no request leaves the origin, the security headers and the
// CSP computed by scripts/postbuild.ts are in force, and the page works under them.
import { test as unguardedTest } from "@playwright/test";
import { expect, test } from "./fixtures";

test("every request stays on the site's origin, with nothing cross-origin @phone", async ({
  wizard,
  guard,
  origin,
}) => {
  await wizard.open();
  await wizard.chooseClients("Outside the cluster");
  await wizard.chooseExposure("Cloud load balancer");
  await wizard.chooseHostKnownNow();
  await wizard.loadBalancerHost.fill("kafka.prod.acme-corp.net");
  await wizard.diagramSvg();
  await wizard.download(wizard.downloadAllButton);
  expect(guard.requests.length).toBeGreaterThan(3);
  expect(
    guard.requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:")),
  ).toEqual([]);
});

test("the page is served with a CSP that blocks injected inline script, and works under it", async ({
  wizard,
  page,
  guard,
}) => {
  const response = await page.goto("./");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-encoding"]).toMatch(/^(gzip|br)$/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);

  // The page hydrated and, once the answers differ from the defaults (whose
  // drawing is made at build time), loaded mermaid and drew under the policy (the
  // guard fails the test on any violation); an injected inline script is refused.
  await wizard.waitUntilInteractive();
  await expect(wizard.diagram).toHaveAttribute("data-diagram-state", "prerendered");
  await wizard.chooseExposure("Headless Service");
  await wizard.diagramSvg();
  const probe = await page.evaluate(async () => {
    const before = window.__cspViolations?.length ?? 0;
    const script = document.createElement("script");
    script.textContent = "window.__pwned = 'inline script ran'";
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const violations = window.__cspViolations?.splice(before) ?? [];
    return { ran: window.__pwned, violations };
  });
  expect(probe.ran).toBeUndefined();
  expect(probe.violations.join("\n")).toMatch(/script-src/);
  // Chromium reports the refusal in the console too; that one error is expected here.
  const refused = /(Refused to execute|Executing) inline script/;
  await expect.poll(() => guard.consoleErrors.some((text) => refused.test(text))).toBe(true);
  guard.consoleErrors.splice(
    0,
    guard.consoleErrors.length,
    ...guard.consoleErrors.filter((text) => !refused.test(text)),
  );
});

// Without the page guard: the blocked chunks are console errors by design here.
unguardedTest(
  "when the wizard's code cannot load, the page says so and offers a reload instead of breaking",
  async ({ page, request }) => {
    const html = await (await request.get("./")).text();
    // The framework's scripts: the ones the HTML names, and the ones its start-up
    // script loads first (scripts/start-up-html.ts lists them on its tag).
    const framework = /<script data-start-up-script [^>]*data-scripts="([^"]*)"/.exec(html)?.[1];
    const firstLoad = new Set(
      [
        ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? ""),
        ...(framework ?? "").split(" "),
      ].map((src) => new URL(src, "http://x").pathname),
    );
    expect(firstLoad.size).toBeGreaterThan(3);
    // Every script the HTML does not name (the lazily loaded wizard) fails.
    await page.route("**/_next/static/chunks/*.js", (route) =>
      firstLoad.has(new URL(route.request().url()).pathname)
        ? route.continue()
        : route.abort("failed"),
    );
    await page.goto("./");
    await page.mouse.move(4, 4); // the page's code loads at the first sign of use
    const alert = page.getByRole("alert").filter({ hasText: "The wizard could not load" });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert.getByRole("button", { name: "Reload the page" })).toBeVisible();
  },
);

unguardedTest(
  "when the framework's own scripts cannot load, the page stays readable and says the outputs will not follow",
  async ({ page }) => {
    await page.route("**/_next/static/chunks/*.js", (route) => route.abort("failed"));
    await page.goto("./");
    await expect(page.locator('pre[data-file="bufstream-values.yaml"]')).toBeVisible();
    await page.mouse.move(4, 4); // the first sign of use asks for the code
    await expect(page.getByText("This page's code did not load", { exact: false })).toBeVisible({
      timeout: 20_000,
    });
  },
);

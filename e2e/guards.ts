import type { Page, Request } from "@playwright/test";

/**
 * What a page must never do (issue 7, "Safety"; issue 4, injection): send a request
 * outside its origin, log a console error, throw, violate the CSP, open a dialog,
 * or run injected script (which would set `window.__pwned`).
 */
export interface PageGuard {
  /** Requests that left the origin (data: and blob: URLs stay local). */
  foreignRequests: string[];
  /** Every request, for the request recorder journey. */
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Problems found so far, as readable lines; empty when all is well. */
  problems(): Promise<string[]>;
}

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

/** Records CSP violations from the first script on, before any page code runs. */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations?.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
}

export async function guardPage(page: Page, origin: string): Promise<PageGuard> {
  await page.addInitScript(recordCspViolations);
  const guard: PageGuard = {
    foreignRequests: [],
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    async problems() {
      const lines: string[] = [];
      const csp = page.isClosed()
        ? []
        : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      const pwned = page.isClosed()
        ? undefined
        : await page.evaluate(() => window.__pwned).catch(() => undefined);
      for (const url of guard.foreignRequests) lines.push(`request outside the origin: ${url}`);
      for (const text of guard.consoleErrors) lines.push(`console error: ${text}`);
      for (const text of guard.pageErrors) lines.push(`uncaught error: ${text}`);
      for (const text of guard.dialogs) lines.push(`dialog opened: ${text}`);
      for (const text of csp) lines.push(`CSP violation: ${text}`);
      if (pwned !== undefined) lines.push(`injected script ran: window.__pwned = ${String(pwned)}`);
      return lines;
    },
  };
  page.on("request", (request: Request) => {
    const url = request.url();
    guard.requests.push(url);
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) guard.foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") guard.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => guard.pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  // Block anything outside the origin so a stray request fails fast instead of hanging.
  await page.route(
    (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => route.abort("blockedbyclient"),
  );
  return guard;
}

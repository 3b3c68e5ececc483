// Hostile share links (issue 4): script, HTML and Mermaid injection payloads in
// every string field. The documents come from the hostile-link corpus
// (lib/share/testing/hostile-links.ts, issue 17), which reads the string fields
// off the schema, so a new field is attacked too.
import type { Page } from "@playwright/test";

import { encodeScenario } from "../lib/share/codec";
import { acceptedDocument, everyFieldDocument } from "../lib/share/testing/hostile-links";
import type { Scenario } from "../lib/scenario/schema";

export const PAYLOADS = {
  "script tag": `<script>window.__pwned="script"</script>`,
  "img onerror": `<img src=x onerror="window.__pwned='img'">`,
  "mermaid init directive": `%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%`,
  // Under 64 characters, so the free-text fields accept it whole.
  "mermaid click": `x"]; click A href "javascript:window.__pwned='click'"; C["y`,
} as const;

export interface HostileLink {
  variant: string;
  payload: string;
  /** Whether the page must say the link could not be used as it is. */
  expectNotice: boolean;
}

export function hostileLinks(payload: string): HostileLink[] {
  const accepted = acceptedDocument(payload);
  if (accepted === null || accepted.storage.prefix !== payload) {
    throw new Error("the accepted hostile scenario must be valid and carry the payload");
  }
  return [
    {
      variant: "every string field",
      payload: encodeScenario(everyFieldDocument(payload) as Scenario),
      expectNotice: true,
    },
    { variant: "free-text fields", payload: encodeScenario(accepted), expectNotice: false },
  ];
}

/**
 * Markup a payload would leave behind had it been rendered as HTML rather than
 * text: event handler attributes, scripts naming `__pwned`, `javascript:`
 * links, the `<img src=x>` of an onerror payload. One line per finding.
 */
export async function findInjectedMarkup(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      handlers: all
        .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")))
        .map((el) => el.outerHTML.slice(0, 120)),
      scripts: [...document.querySelectorAll("script")]
        .filter((s) => (s.textContent ?? "").includes("__pwned"))
        .map((s) => s.outerHTML.slice(0, 120)),
      jsLinks: [...document.querySelectorAll("a")]
        .map((a) => a.getAttribute("href") ?? a.getAttribute("xlink:href") ?? "")
        .filter((href) => /^\s*javascript:/i.test(href)),
      images: [...document.querySelectorAll("img")]
        .map((img) => img.getAttribute("src") ?? "")
        .filter((src) => src === "x"),
    };
  });
  return [
    ...found.handlers.map((html) => `event handler in the page: ${html}`),
    ...found.scripts.map((html) => `injected script element: ${html}`),
    ...found.jsLinks.map((href) => `javascript: link: ${href}`),
    ...found.images.map(() => "injected <img src=x>"),
  ];
}

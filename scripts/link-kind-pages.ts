// The static page behind each scenario kind's share links, `s/<slug>/index.html`
// (lib/share/link-kind.ts): what a chat app's unfurler reads for a pasted link,
// since it never sees the fragment that carries the scenario. In a browser the
// inline script sends the visit on to the wizard at once, query and fragment
// kept (location.replace: the kind page stays out of the history, so Back
// leaves the wizard instead of bouncing into it again). postbuild.ts writes
// these before it hashes every page's inline scripts, so the CSP allows the
// script like any other.
import { LINK_KINDS, linkKindPath, type LinkKind } from "../lib/share/link-kind";
import { LINK_KIND_TEXT } from "../lib/share/link-kind-text";
import { escapeAttribute } from "./start-up-html";

export const SITE_NAME = "Bufstream networking wizard";

/**
 * The one inline script: to the wizard's root, as an absolute path under the
 * base path rather than "../../", so it lands right even when a host serves
 * the page at `s/<slug>` without the trailing slash.
 */
export function redirectScript(basePath: string): string {
  // JSON with `<` escaped: a string literal that cannot end the <script> element.
  const root = JSON.stringify(`${basePath}/`).replace(/</g, "\\u003c");
  return `location.replace(${root}+location.search+location.hash)`;
}

export function renderLinkKindPage(kind: LinkKind, basePath: string): string {
  const { title, description } = LINK_KIND_TEXT[kind];
  const text = { title: escapeAttribute(title), description: escapeAttribute(description) };
  const root = escapeAttribute(`${basePath}/`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8"/>',
    `<title>${text.title} · ${SITE_NAME}</title>`,
    `<meta name="description" content="${text.description}"/>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<meta name="color-scheme" content="light dark"/>',
    // No og:url or og:image: the site's address is not known at build time, and
    // both must be absolute. Unfurlers then use the pasted link itself.
    '<meta property="og:type" content="website"/>',
    `<meta property="og:site_name" content="${SITE_NAME}"/>`,
    `<meta property="og:title" content="${text.title}"/>`,
    `<meta property="og:description" content="${text.description}"/>`,
    '<meta name="twitter:card" content="summary"/>',
    `<meta name="twitter:title" content="${text.title}"/>`,
    `<meta name="twitter:description" content="${text.description}"/>`,
    `<link rel="icon" href="${root}icon.svg" type="image/svg+xml"/>`,
    `<script>${redirectScript(basePath)}</script>`,
    "</head><body>",
    `<h1>${text.title}</h1>`,
    `<p>${text.description}</p>`,
    // Without JavaScript there is no way to the fragment, and the wizard needs it anyway.
    `<p>The scenario travels in this link after the #, which the wizard reads with JavaScript. <a href="${root}">Open the ${SITE_NAME}</a>.</p>`,
    "</body></html>",
    "",
  ].join("\n");
}

/** Every kind's page, by its path under out/. */
export function buildLinkKindPages(basePath: string): { file: string; html: string }[] {
  return LINK_KINDS.map((kind) => ({
    file: `${linkKindPath(kind)}index.html`,
    html: renderLinkKindPage(kind, basePath),
  }));
}

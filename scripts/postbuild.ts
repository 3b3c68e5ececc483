// After `next build`: defer the framework's scripts on wizard pages behind the
// start-up script (scripts/start-up-html.ts), and make the static export work
// under a Content-Security-Policy that blocks injected inline script (issue 7,
// "Safety").
//
// Next's static export inlines its flight data as `<script>self.__next_f.push(…)</script>`,
// so `script-src 'self'` alone would break hydration. We hash every inline script of
// every page and
//  - put a `<meta http-equiv="Content-Security-Policy">` with that page's hashes at the
//    top of its <head> (works on any host, even one that cannot set headers);
//  - write `out/_headers` (Netlify / Cloudflare Pages format; scripts/serve.mjs reads it
//    too) with the full header set and the union of all hashes, including the directives
//    a <meta> policy cannot carry (frame-ancestors).
// Mermaid writes <style> into its SVGs, hence `style-src 'unsafe-inline'`.
// First it writes each scenario kind's share-link page, out/s/<slug>/index.html
// (scripts/link-kind-pages.ts), so their inline scripts are hashed like the rest.
// It also writes out/.build-info.json (the base path the site was built for), which
// scripts/serve.mjs and scripts/start.mjs read; dotfiles are never served.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCompileHint } from "./compile-hints";
import { buildLinkKindPages } from "./link-kind-pages";
import { deferFrameworkScripts, startUpScriptUrls } from "./start-up-html";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.resolve(root, process.env.OUT_DIR ?? "out");

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXISTING_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/gi;
// Attributes a CSP without 'unsafe-inline' would block: inline handlers and javascript: URLs.
const INLINE_HANDLER = /<[a-z][^>]*\s(on[a-z]+\s*=|(href|src|action)\s*=\s*["']?\s*javascript:)/i;

export function sha256Source(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

/** The hash sources of every inline (no `src`) script in a page, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? "";
    const content = match[2] ?? "";
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(sha256Source(content));
  }
  return [...new Set(hashes)];
}

/** The policy. `forMeta` drops what browsers ignore (and warn about) in a <meta> policy. */
export function buildPolicy(scriptHashes: readonly string[], forMeta: boolean): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", ...scriptHashes]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
  ];
  if (!forMeta) directives.push(["frame-ancestors", ["'none'"]]);
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** Puts the page's policy first in <head> (after <meta charset>), before any script. */
export function injectMetaPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`;
  const cleaned = html.replace(EXISTING_META, "");
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(cleaned);
  if (charset) {
    const at = charset.index + charset[0].length;
    return cleaned.slice(0, at) + meta + cleaned.slice(at);
  }
  const head = /<head\b[^>]*>/i.exec(cleaned);
  if (!head) throw new Error("page has no <head>");
  const at = head.index + head[0].length;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

/** The full header set for static hosts (Netlify / Cloudflare Pages `_headers`). */
export function renderHeadersFile(policy: string): string {
  return [
    "# Written by scripts/postbuild.ts: security headers for static hosts (Netlify, Cloudflare Pages).",
    "# scripts/serve.mjs sends the same. See README.md, 'Security headers'.",
    "/*",
    `  Content-Security-Policy: ${policy}`,
    "  X-Content-Type-Options: nosniff",
    "  X-Frame-Options: DENY",
    "  Referrer-Policy: no-referrer",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "  Cross-Origin-Opener-Policy: same-origin",
    "  Cross-Origin-Resource-Policy: same-origin",
    "/_next/static/*",
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}

function listHtmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listHtmlFiles(full));
    else if (entry.isFile() && entry.name.endsWith(".html")) files.push(full);
  }
  return files.sort();
}

/** The file in out/ of a script of the site by its URL path (under BASE_PATH), or null. */
function scriptFile(src: string): string | null {
  const basePath = (process.env.BASE_PATH ?? "").replace(/\/+$/, "");
  const pathname = src.startsWith(basePath) ? src.slice(basePath.length) : src;
  const file = path.join(outDir, pathname);
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

function readScript(src: string): string | null {
  const file = scriptFile(src);
  return file === null ? null : readFileSync(file, "utf8");
}

function main(): void {
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${outDir} does not exist: run next build first.`);
  }
  const basePath = (process.env.BASE_PATH ?? "").replace(/\/+$/, "");
  const kindPages = buildLinkKindPages(basePath);
  for (const { file, html } of kindPages) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
  }
  const pages = listHtmlFiles(outDir);
  const allHashes = new Set<string>();
  let scripts = 0;
  let deferredPages = 0;
  const startUpScripts = new Set<string>();
  for (const file of pages) {
    // On wizard pages the framework's scripts leave the HTML and an inline
    // start-up script loads them (scripts/start-up-html.ts); hashed below like
    // every other inline script.
    const { html, deferred } = deferFrameworkScripts(readFileSync(file, "utf8"), readScript);
    if (deferred) deferredPages += 1;
    startUpScriptUrls(html).forEach((url) => startUpScripts.add(url));
    const offender = INLINE_HANDLER.exec(html);
    if (offender) {
      throw new Error(
        `${path.relative(root, file)} has an inline handler or javascript: URL, which the CSP blocks: ${offender[0].slice(0, 120)}`,
      );
    }
    const hashes = inlineScriptHashes(html);
    scripts += hashes.length;
    hashes.forEach((hash) => allHashes.add(hash));
    writeFileSync(file, injectMetaPolicy(html, buildPolicy(hashes, true)));
  }
  // After every page has listed them: lazyChunks() above reads these files.
  for (const url of startUpScripts) {
    const file = scriptFile(url);
    if (file === null) throw new Error(`the start-up script loads ${url}, which is not in out/`);
    writeFileSync(file, withCompileHint(readFileSync(file, "utf8")));
  }
  const headerPolicy = buildPolicy([...allHashes].sort(), false);
  writeFileSync(path.join(outDir, "_headers"), renderHeadersFile(headerPolicy));
  writeFileSync(
    path.join(outDir, ".build-info.json"),
    `${JSON.stringify({ basePath }, null, 2)}\n`,
  );
  console.log(
    `postbuild: CSP for ${pages.length} pages (${scripts} inline scripts, ${allHashes.size} distinct hashes); framework scripts deferred on ${deferredPages}; ${startUpScripts.size} start-up scripts marked for eager compilation; ${kindPages.length} share-link pages under s/; wrote out/_headers, base path "${basePath}".`,
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    main();
  } catch (error) {
    console.error(`postbuild: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

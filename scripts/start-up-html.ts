// Part of postbuild (issues 13 and 14): on pages holding the wizard, take the
// framework's scripts out of the HTML and inline the start-up script that loads
// them (components/start-up/start-up-script.ts says when, and why).
//
// Next's static export references its chunks as `<script src=… async>` in <head>
// (plus a low-priority `<link rel="preload" as="script">`); they run as soon as
// they arrive and hydrate the whole page. Their data (`self.__next_f.push(…)`,
// the Turbopack chunk list) is inline and only queues itself until the runtime
// arrives, so it stays. The legacy `nomodule` polyfills stay too: browsers with
// ES modules never fetch them.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import {
  START_UP_LAZY_CHUNKS_ATTRIBUTE,
  START_UP_ROOT_ATTRIBUTE,
  START_UP_SCRIPTS_ATTRIBUTE,
} from "../components/start-up/start-up-protocol";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPT_ENTRY = path.join(root, "components", "start-up", "start-up-script.ts");

const EXTERNAL_SCRIPT = /<script\b([^>]*)>\s*<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\bas="script"[^>]*>/gi;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;
/** Marks the inlined start-up script, so running postbuild twice changes nothing. */
const START_UP_SCRIPT_MARK = "data-start-up-script";

/** Whether the page renders the wizard (the element the start-up script watches). */
export function hasStartUpRoot(html: string): boolean {
  return html.includes(` ${START_UP_ROOT_ATTRIBUTE}=`);
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match?.[1] ?? null;
}

/**
 * Removes the framework's module scripts and script preloads from the HTML and
 * returns their URLs in document order (each once).
 */
export function takeFrameworkScripts(html: string): { html: string; scripts: string[] } {
  const scripts: string[] = [];
  const add = (src: string | null) => {
    if (src !== null && src !== "" && !scripts.includes(src)) scripts.push(src);
  };
  let rest = html.replace(SCRIPT_PRELOAD, (tag) => {
    add(attribute(tag, "href"));
    return "";
  });
  rest = rest.replace(EXTERNAL_SCRIPT, (tag, attributes: string) => {
    const src = attribute(` ${attributes}`, "src");
    if (src === null || /\snomodule\b/i.test(` ${attributes}`)) return tag;
    add(src);
    return "";
  });
  return { html: rest, scripts };
}

const CHUNK_REFERENCE = /"(static\/chunks\/[\w.-]+\.js)"/g;

/**
 * The chunks the framework's scripts load lazily (`import()`, which Turbopack
 * writes as a list of chunk paths): the wizard's own code. Loaded with the
 * framework instead of one round trip after another as each import runs; their
 * modules still evaluate only when imported.
 */
export function lazyChunks(
  scripts: readonly string[],
  read: (src: string) => string | null,
): string[] {
  const found: string[] = [];
  for (const src of scripts) {
    const at = src.indexOf("static/chunks/");
    if (at < 0) continue;
    const prefix = src.slice(0, at);
    for (const match of (read(src) ?? "").matchAll(CHUNK_REFERENCE)) {
      const url = `${prefix}${match[1] ?? ""}`;
      if (!scripts.includes(url) && !found.includes(url)) found.push(url);
    }
  }
  return found;
}

/** The start-up script, compiled (the same for every page: it reads its lists from its tag). */
export function compileStartUpScript(): string {
  const result = buildSync({
    entryPoints: [SCRIPT_ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    // Every browser the site supports runs ES2020.
    target: ["es2020"],
    legalComments: "none",
  });
  const code = result.outputFiles[0]?.text.trim() ?? "";
  if (code === "" || /<\/script/i.test(code)) {
    throw new Error("the start-up script did not compile to inlinable code");
  }
  return code;
}

/** Escapes text for an HTML attribute value or element content. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

/**
 * Puts the start-up script first in <head>, right after <meta charset>, with the
 * scripts it loads in its attributes (START_UP_SCRIPTS_ATTRIBUTE, space-separated
 * URLs): the framework's, then the chunks they import lazily.
 */
export function injectStartUpScript(
  html: string,
  code: string,
  lists: { scripts: readonly string[]; lazy: readonly string[] },
): string {
  const charset = CHARSET.exec(html);
  if (!charset) throw new Error("page has no <meta charset>");
  const at = charset.index + charset[0].length;
  const attributes = [
    START_UP_SCRIPT_MARK,
    `${START_UP_SCRIPTS_ATTRIBUTE}="${escapeAttribute(lists.scripts.join(" "))}"`,
    `${START_UP_LAZY_CHUNKS_ATTRIBUTE}="${escapeAttribute(lists.lazy.join(" "))}"`,
  ].join(" ");
  return `${html.slice(0, at)}<script ${attributes}>${code}</script>${html.slice(at)}`;
}

/**
 * What a page's start-up script loads, read back from its tag (injectStartUpScript
 * writes it): the framework's scripts, then the lazy chunks, each once; none on
 * a page without it. Read from the page, not kept from deferFrameworkScripts, so
 * that a second postbuild run, which leaves the page as it is, finds them too.
 */
export function startUpScriptUrls(html: string): string[] {
  const tag = new RegExp(`<script ${START_UP_SCRIPT_MARK}(?=\\s)[^>]*>`, "i").exec(html)?.[0];
  const urls: string[] = [];
  for (const name of [START_UP_SCRIPTS_ATTRIBUTE, START_UP_LAZY_CHUNKS_ATTRIBUTE]) {
    for (const url of unescapeAttribute(attribute(tag ?? "", name) ?? "").split(" ")) {
      if (url !== "" && !urls.includes(url)) urls.push(url);
    }
  }
  return urls;
}

/**
 * The whole step for one page: pages without the wizard are left alone (nothing
 * on them would claim the input the start-up script holds).
 */
export function deferFrameworkScripts(
  html: string,
  read: (src: string) => string | null = () => null,
): { html: string; deferred: boolean } {
  if (!hasStartUpRoot(html)) return { html, deferred: false };
  if (html.includes(`<script ${START_UP_SCRIPT_MARK} `)) return { html, deferred: true };
  const taken = takeFrameworkScripts(html);
  if (taken.scripts.length === 0) throw new Error("a wizard page without framework scripts");
  const lists = { scripts: taken.scripts, lazy: lazyChunks(taken.scripts, read) };
  return { html: injectStartUpScript(taken.html, compileStartUpScript(), lists), deferred: true };
}

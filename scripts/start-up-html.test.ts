import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./postbuild";
import {
  compileStartUpScript,
  deferFrameworkScripts,
  hasStartUpRoot,
  injectStartUpScript,
  lazyChunks,
  startUpScriptUrls,
  takeFrameworkScripts,
} from "./start-up-html";

// The shape of Next's static export (next 16, Turbopack), trimmed.
const wizardPage = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>',
  '<script src="/_next/static/chunks/r.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-t.js" async=""></script>',
  '<script src="/_next/static/chunks/poly.js" noModule=""></script>',
  "</head><body><main>",
  '<div class="wizard-layout" data-start-up-root=""><form></form></div>',
  '</main><script id="_R_">(globalThis.TURBOPACK||[]).push({"otherChunks":[]})</script>',
  '<script src="/_next/static/chunks/w.js" async=""></script>',
  '<script>self.__next_f.push([1,"a"])</script>',
  "</body></html>",
].join("");

const bareHead = '<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body></body></html>';

describe("start-up HTML (postbuild)", () => {
  it("takes the framework's scripts and preloads out, in order and once each, keeping nomodule and inline ones", () => {
    const { html, scripts } = takeFrameworkScripts(wizardPage);
    expect(scripts).toEqual([
      "/_next/static/chunks/w.js",
      "/_next/static/chunks/r.js",
      "/_next/static/chunks/turbopack-t.js",
    ]);
    expect(html).not.toMatch(/<script[^>]*\sasync/);
    expect(html).not.toContain('as="script"');
    expect(html).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script>');
    expect(html).toContain('<script id="_R_">');
    expect(html).toContain("self.__next_f.push");
    expect(html).toContain('<link rel="stylesheet"');
  });

  it("inlines the compiled start-up script first in <head>, with the scripts it loads on its tag", () => {
    const chunks: Record<string, string> = {
      "/_next/static/chunks/w.js":
        'e.v(t=>Promise.all(["static/chunks/lazy-a.js","static/chunks/lazy-b.js"].map(t=>e.l(t))))',
      "/_next/static/chunks/r.js": 'e.l("static/chunks/r.js")',
    };
    const { html, deferred } = deferFrameworkScripts(wizardPage, (src) => chunks[src] ?? null);
    expect(deferred).toBe(true);
    const head = html.slice(0, html.indexOf("</head>"));
    const tag = /<script data-start-up-script ([^>]*)>/.exec(head);
    expect(tag?.index).toBe(
      head.indexOf('<meta charSet="utf-8"/>') + '<meta charSet="utf-8"/>'.length,
    );
    expect(tag?.[1]).toBe(
      'data-scripts="/_next/static/chunks/w.js /_next/static/chunks/r.js /_next/static/chunks/turbopack-t.js"' +
        ' data-lazy-chunks="/_next/static/chunks/lazy-a.js /_next/static/chunks/lazy-b.js"',
    );
    expect(inlineScriptHashes(html).length).toBe(inlineScriptHashes(wizardPage).length + 1);
  });

  it("finds the chunks the framework's scripts import lazily, under the scripts' own path", () => {
    const read = () => '["static/chunks/a.js","static/chunks/b.js"],"static/chunks/a.js"';
    expect(lazyChunks(["/base/_next/static/chunks/x.js"], read)).toEqual([
      "/base/_next/static/chunks/a.js",
      "/base/_next/static/chunks/b.js",
    ]);
    expect(lazyChunks(["/_next/static/chunks/x.js"], () => null)).toEqual([]);
  });

  it("changes nothing on a second run, and leaves pages without the wizard alone", () => {
    const once = deferFrameworkScripts(wizardPage).html;
    expect(deferFrameworkScripts(once)).toEqual({ html: once, deferred: true });
    const other = wizardPage.replace(' data-start-up-root=""', "");
    expect(hasStartUpRoot(other)).toBe(false);
    expect(deferFrameworkScripts(other)).toEqual({ html: other, deferred: false });
  });

  it("compiles to one small, self-contained script", () => {
    const code = compileStartUpScript();
    expect(code).not.toMatch(/\bimport\b|\brequire\(/);
    expect(code).toContain("__bufstreamWizardStartUp");
    expect(code.length).toBeLessThan(6 * 1024);
  });

  it("reads back what the start-up script loads: the framework's scripts, then the lazy chunks, each once", () => {
    const html = injectStartUpScript(bareHead, "0", {
      scripts: ["/_next/static/chunks/a.js", "/_next/static/chunks/turbopack-t.js"],
      lazy: ["/_next/static/chunks/l&1.js", "/_next/static/chunks/a.js"],
    });
    expect(startUpScriptUrls(html)).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/turbopack-t.js",
      "/_next/static/chunks/l&1.js",
    ]);
  });

  it("finds nothing on a page without the start-up script", () => {
    expect(startUpScriptUrls(bareHead)).toEqual([]);
    expect(startUpScriptUrls('<script src="/x.js" data-scripts="/y.js"></script>')).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./postbuild";
import {
  compileStartUpScript,
  deferFrameworkScripts,
  hasStartUpRoot,
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

  it("inlines the compiled start-up script first in <head>, hashable like any inline script", () => {
    const { html, deferred } = deferFrameworkScripts(wizardPage);
    expect(deferred).toBe(true);
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head.indexOf("<script data-start-up-script>")).toBe(
      head.indexOf('<meta charSet="utf-8"/>') + '<meta charSet="utf-8"/>'.length,
    );
    // It names every deferred script, so it can load them.
    const inline = /<script data-start-up-script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    for (const src of ["w.js", "r.js", "turbopack-t.js"]) {
      expect(inline).toContain(`/_next/static/chunks/${src}`);
    }
    expect(inlineScriptHashes(html).length).toBe(inlineScriptHashes(wizardPage).length + 1);
  });

  it("changes nothing on a second run, and leaves pages without the wizard alone", () => {
    const once = deferFrameworkScripts(wizardPage).html;
    expect(deferFrameworkScripts(once)).toEqual({ html: once, deferred: true });
    const other = wizardPage.replace(' data-start-up-root=""', "");
    expect(hasStartUpRoot(other)).toBe(false);
    expect(deferFrameworkScripts(other)).toEqual({ html: other, deferred: false });
  });

  it("compiles to one small, self-contained script", () => {
    const code = compileStartUpScript(["/_next/static/chunks/x.js"]);
    expect(code).not.toMatch(/\bimport\b|\brequire\(/);
    expect(code).toContain("__bufstreamWizardStartUp");
    expect(code.length).toBeLessThan(6 * 1024);
  });
});

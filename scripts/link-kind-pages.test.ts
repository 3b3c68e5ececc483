import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LINK_KINDS } from "../lib/share/link-kind";
import { LINK_KIND_TEXT } from "../lib/share/link-kind-text";
import { buildLinkKindPages, redirectScript, renderLinkKindPage } from "./link-kind-pages";
import { inlineScriptHashes } from "./postbuild";

function meta(html: string, attribute: "property" | "name", key: string): string | undefined {
  return new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"/>`).exec(html)?.[1];
}

/** Where the page's script sends a browser that opened `href`. */
function redirectOf(html: string, href: string): string {
  const script = /<script>([^<]*)<\/script>/.exec(html)?.[1] ?? "";
  const url = new URL(href);
  let target = "";
  runInNewContext(script, {
    location: {
      search: url.search,
      hash: url.hash,
      replace: (to: string) => (target = new URL(to, url).href),
    },
  });
  return target;
}

describe("share-link pages of the scenario kinds", () => {
  it("writes one page per kind, at s/<slug>/index.html", () => {
    const pages = buildLinkKindPages("");
    expect(pages.map((page) => page.file)).toEqual(LINK_KINDS.map((k) => `s/${k}/index.html`));
  });

  it.each(LINK_KINDS.map((kind) => [kind]))(
    "page %s carries its kind's title and sentence",
    (kind) => {
      const html = renderLinkKindPage(kind, "");
      const { title, description } = LINK_KIND_TEXT[kind];
      const escaped = (text: string) => text.replace(/&/g, "&amp;");
      expect(html).toContain(`<title>${escaped(title)} · Bufstream networking wizard</title>`);
      expect(meta(html, "property", "og:title")).toBe(escaped(title));
      expect(meta(html, "property", "og:description")).toBe(escaped(description));
      expect(meta(html, "name", "description")).toBe(escaped(description));
      expect(meta(html, "property", "og:type")).toBe("website");
      expect(meta(html, "name", "twitter:card")).toBe("summary");
      // The site's address is unknown at build time: no absolute URL at all.
      expect(html).not.toMatch(/og:url|https?:\/\//);
      expect(html).toMatch(/<a href="\/">Open the Bufstream networking wizard<\/a>/);
      // One inline script, which postbuild hashes into the page's CSP.
      expect(inlineScriptHashes(html)).toHaveLength(1);
    },
  );

  it("sends the browser to the wizard's root with the query and fragment, base path kept", () => {
    const html = renderLinkKindPage("headless", "");
    expect(redirectOf(html, "https://w.example/s/headless/#v1.abc")).toBe(
      "https://w.example/#v1.abc",
    );
    const under = renderLinkKindPage("headless", "/bufstream-wizard");
    expect(under).toContain('<a href="/bufstream-wizard/">');
    expect(redirectOf(under, "https://w.example/bufstream-wizard/s/headless/?x=1#v1.abc")).toBe(
      "https://w.example/bufstream-wizard/?x=1#v1.abc",
    );
    // Served without the trailing slash, it still lands on the root.
    expect(redirectOf(under, "https://w.example/bufstream-wizard/s/headless#v1.abc")).toBe(
      "https://w.example/bufstream-wizard/#v1.abc",
    );
  });

  it("cannot be broken out of by a base path", () => {
    expect(redirectScript('/a</script><script>alert(1)//"')).not.toMatch(/<\/script/i);
  });
});

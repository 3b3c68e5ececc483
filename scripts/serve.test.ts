import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, normaliseBasePath, parseHeadersFile } from "./serve.mjs";

const bigScript = `console.log(${JSON.stringify("x".repeat(4000))});\n`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "serve-test-"));
  mkdirSync(path.join(dir, "about"), { recursive: true });
  mkdirSync(path.join(dir, "_next", "static"), { recursive: true });
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(path.join(dir, "about", "index.html"), "<!doctype html><title>about</title>");
  writeFileSync(path.join(dir, "404.html"), "<!doctype html><title>missing</title>");
  writeFileSync(path.join(dir, "_next", "static", "app.js"), bigScript);
  writeFileSync(path.join(dir, ".build-info.json"), '{"basePath":""}');
  writeFileSync(
    path.join(dir, "_headers"),
    "# comment\n/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\n/_next/static/*\n  X-Test: static\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Reply {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

async function withServer(
  basePath: string,
  run: (request: (p: string, gzip?: boolean) => Promise<Reply>) => Promise<void>,
) {
  const server: Server = createStaticServer({ dir, basePath });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const request = (urlPath: string, gzip = false) =>
    new Promise<Reply>((resolve, reject) => {
      get(
        {
          host: "127.0.0.1",
          port,
          path: urlPath,
          headers: gzip ? { "Accept-Encoding": "gzip" } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      ).on("error", reject);
    });
  try {
    await run(request);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("serve.mjs", () => {
  it("normalises base paths", () => {
    expect(normaliseBasePath(undefined)).toBe("");
    expect(normaliseBasePath("/")).toBe("");
    expect(normaliseBasePath("wizard/")).toBe("/wizard");
    expect(normaliseBasePath("/a/b")).toBe("/a/b");
  });

  it("parses the _headers format with wildcards", () => {
    const rules = parseHeadersFile("/*\n  A: 1\n/x/:id/y\n  B: two: parts\n");
    expect(rules.map((r) => r.pattern)).toEqual(["/*", "/x/:id/y"]);
    expect(rules[1]?.headers).toEqual([["B", "two: parts"]]);
    expect(rules[0]?.regex.test("/anything/at/all")).toBe(true);
    expect(rules[1]?.regex.test("/x/42/y")).toBe(true);
    expect(rules[1]?.regex.test("/x/4/2/y")).toBe(false);
  });

  it("serves pages with the security headers, gzip and the trailing-slash layout", async () => {
    await withServer("", async (request) => {
      const home = await request("/");
      expect(home.status).toBe(200);
      expect(home.body.toString()).toContain("home");
      expect(home.headers["content-security-policy"]).toBe("default-src 'self'");
      expect(home.headers["x-frame-options"]).toBe("DENY");
      expect(home.headers["x-test"]).toBeUndefined();

      const about = await request("/about/");
      expect(about.body.toString()).toContain("about");
      const redirect = await request("/about");
      expect(redirect.status).toBe(301);
      expect(redirect.headers.location).toBe("/about/");

      const script = await request("/_next/static/app.js", true);
      expect(script.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(script.body).toString()).toBe(bigScript);
      expect(script.headers["cache-control"]).toContain("immutable");
      expect(script.headers["x-test"]).toBe("static");
    });
  });

  it("picks up a rewritten _headers file without a restart", async () => {
    await withServer("", async (request) => {
      expect((await request("/")).headers["x-frame-options"]).toBe("DENY");
      const file = path.join(dir, "_headers");
      const original = readFileSync(file, "utf8");
      writeFileSync(file, `${original.replace("DENY", "SAMEORIGIN")}\n`);
      try {
        expect((await request("/")).headers["x-frame-options"]).toBe("SAMEORIGIN");
      } finally {
        writeFileSync(file, original);
      }
    });
  });

  it("answers unknown paths and host files with the 404 page", async () => {
    await withServer("", async (request) => {
      const missing = await request("/nope/");
      expect(missing.status).toBe(404);
      expect(missing.body.toString()).toContain("missing");
      expect(missing.headers["content-security-policy"]).toBe("default-src 'self'");
      expect((await request("/_headers")).status).toBe(404);
      expect((await request("/.build-info.json")).status).toBe(404);
    });
  });

  it("serves the site under its base path and redirects / to it", async () => {
    await withServer("/wizard", async (request) => {
      const root = await request("/");
      expect(root.status).toBe(302);
      expect(root.headers.location).toBe("/wizard/");
      expect((await request("/wizard")).headers.location).toBe("/wizard/");
      expect((await request("/wizard/")).body.toString()).toContain("home");
      expect((await request("/wizard/about/")).body.toString()).toContain("about");
      expect((await request("/about/")).status).toBe(404);
    });
  });
});

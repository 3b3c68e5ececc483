#!/usr/bin/env node
// Serves the static export in out/ the way a real static host does (DESIGN.md
// section 5: no server state, any static host): gzip/brotli, /x/ -> x/index.html,
// a 404 page, long caching for hashed assets, and the security headers that
// scripts/postbuild.ts wrote to out/_headers (Netlify / Cloudflare Pages format),
// so that the CSP the browser sees here is the one a real host would send.
//
//   PORT=3000 (default)   BASE_PATH=/sub-path (default: the one the build used)
//   OUT_DIR=out (default) HOST=127.0.0.1 (default; 0.0.0.0 to listen everywhere)
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import finalhandler from "finalhandler";
import serveStatic from "serve-static";
import { normaliseBasePath } from "./ensure-build.mjs";

export { normaliseBasePath };

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const outDir = path.resolve(root, process.env.OUT_DIR ?? "out");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

/**
 * Parses the `_headers` file format (Netlify, Cloudflare Pages): a path pattern
 * on its own line, then indented `Name: value` lines. `*` matches any run of
 * characters, `:name` placeholders one segment.
 */
export function parseHeadersFile(text) {
  const rules = [];
  let current;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      current = { pattern: raw.trim(), headers: [] };
      rules.push(current);
      continue;
    }
    const colon = raw.indexOf(":");
    if (current && colon > 0) {
      current.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
    }
  }
  return rules.map((rule) => ({ ...rule, regex: patternToRegex(rule.pattern) }));
}

function patternToRegex(pattern) {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]\w*/g, "[^/]+"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

function readBuildInfo() {
  const file = path.join(outDir, ".build-info.json");
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

export function createStaticServer({ dir = outDir, basePath = "" } = {}) {
  const headersFile = path.join(dir, "_headers");
  // Re-read when a rebuild rewrites it: a long-running server must never send the
  // previous build's CSP hashes (the new pages' inline scripts would be blocked).
  let rules = [];
  let rulesStamp = "";
  const currentRules = () => {
    const stat = statSync(headersFile, { throwIfNoEntry: false });
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : "";
    if (stamp !== rulesStamp) {
      rules = stat ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
      rulesStamp = stamp;
    }
    return rules;
  };
  const notFoundHtml = () => {
    const page = [path.join(dir, "404.html"), path.join(dir, "404", "index.html")].find((file) =>
      existsSync(file),
    );
    return page ? readFileSync(page) : Buffer.from("Not found\n");
  };

  const compress = compression();
  const files = serveStatic(dir, {
    index: ["index.html"],
    // Next's export with trailingSlash writes x/index.html; also accept x.html.
    extensions: ["html"],
    redirect: true,
    dotfiles: "ignore",
    fallthrough: true,
    setHeaders(res, filePath) {
      const rel = path.relative(dir, filePath).split(path.sep).join("/");
      // Hashed build assets never change; pages must be revalidated.
      res.setHeader(
        "Cache-Control",
        rel.startsWith("_next/static/")
          ? "public, max-age=31536000, immutable"
          : "public, max-age=0, must-revalidate",
      );
    },
  });

  const applyHeaders = (res, sitePath) => {
    for (const rule of currentRules()) {
      if (!rule.regex.test(sitePath)) continue;
      for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
  };

  const sendNotFound = (req, res, sitePath) => {
    applyHeaders(res, sitePath);
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.end(req.method === "HEAD" ? undefined : notFoundHtml());
  };

  return createServer((req, res) => {
    const done = finalhandler(req, res);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.statusCode = 405;
      res.setHeader("Allow", "GET, HEAD");
      res.end();
      return;
    }
    if (basePath !== "" && (url.pathname === "/" || url.pathname === basePath)) {
      res.statusCode = 302;
      res.setHeader("Location", `${basePath}/${url.search}`);
      res.end();
      return;
    }
    if (basePath !== "" && !url.pathname.startsWith(`${basePath}/`)) {
      compress(req, res, () => sendNotFound(req, res, url.pathname));
      return;
    }
    const sitePath = url.pathname.slice(basePath.length) || "/";
    // The headers file describes the host, it is not part of the site.
    if (sitePath === "/_headers") {
      compress(req, res, () => sendNotFound(req, res, sitePath));
      return;
    }
    req.url = sitePath + url.search;
    compress(req, res, (err) => {
      if (err) return done(err);
      applyHeaders(res, sitePath);
      files(req, res, (staticErr) => {
        if (staticErr) return done(staticErr);
        sendNotFound(req, res, sitePath);
      });
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!existsSync(path.join(outDir, "index.html"))) {
    console.error(`No static site in ${outDir}: run \`npm run build\` first (or \`npm start\`).`);
    process.exit(1);
  }
  const built = normaliseBasePath(readBuildInfo().basePath);
  const requested =
    process.env.BASE_PATH === undefined ? built : normaliseBasePath(process.env.BASE_PATH);
  if (requested !== built) {
    console.error(
      `out/ was built for BASE_PATH="${built}" but BASE_PATH="${requested}" was asked for: rebuild with \`BASE_PATH=${requested} npm run build\`.`,
    );
    process.exit(1);
  }
  const server = createStaticServer({ basePath: built });
  server.listen(port, host, () => {
    const shown = ["0.0.0.0", "::", "127.0.0.1", "::1"].includes(host) ? "localhost" : host;
    console.log(
      `Serving ${path.relative(root, outDir) || "."} at http://${shown}:${port}${built}/`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

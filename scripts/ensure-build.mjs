// Shared by `npm start` (scripts/start.mjs) and `npm run bench` (bench/run.ts):
// build the static site when out/ is missing, older than the sources, or built
// for another BASE_PATH. Only one `next build` at a time: it needs ~2 GiB.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const stamp = path.join(root, "out", ".build-info.json");

// Everything that changes what `npm run build` writes.
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "scripts/postbuild.ts",
  "scripts/link-kind-pages.ts",
  "scripts/start-up-html.ts",
  "scripts/write-schema.ts",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];
const IGNORED = new Set(["node_modules", "__golden__", ".next", "out", "scenario.schema.json"]);

function newestMtime(target) {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (IGNORED.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function normaliseBasePath(value) {
  const trimmed = (value ?? "").trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/** Why out/ must be (re)built, or undefined when it is up to date. */
export function buildReason() {
  if (!existsSync(stamp) || !existsSync(path.join(root, "out", "index.html"))) {
    return "out/ has no complete build";
  }
  const built = normaliseBasePath(JSON.parse(readFileSync(stamp, "utf8")).basePath);
  if (process.env.BASE_PATH !== undefined && built !== normaliseBasePath(process.env.BASE_PATH)) {
    return `out/ was built for BASE_PATH="${built}", not "${normaliseBasePath(process.env.BASE_PATH)}"`;
  }
  const builtAt = statSync(stamp).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Runs `npm run build` when needed; returns false when the build failed. */
export function ensureBuilt() {
  const reason = buildReason();
  if (!reason) {
    console.log("out/ is up to date (delete out/ to force a rebuild).");
    return true;
  }
  console.log(`Building the site (${reason}); this takes about a minute…`);
  const build = spawnSync("npm", ["run", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  return build.status === 0;
}

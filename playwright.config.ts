import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The suite runs against the built static export (`npm run build` writes out/),
// served the way a static host would serve it (scripts/serve.mjs: compression,
// the CSP and security headers from out/_headers).
//
// The port: E2E_PORT when set, else a free one the system hands out, so two test
// runs (two clones, or a dev server on a common port) never collide. The config is
// evaluated again in every worker, so the first evaluation stores its choice in
// the environment the workers inherit.
function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
process.env.E2E_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);

// The site may be built under a sub-path (BASE_PATH); serve.mjs serves it there.
function builtBasePath(): string {
  const file = "out/.build-info.json";
  if (!existsSync(file)) return "";
  const info = JSON.parse(readFileSync(file, "utf8")) as { basePath?: string };
  return (info.basePath ?? "").replace(/\/+$/, "");
}
const origin = `http://127.0.0.1:${PORT}`;
const baseURL = `${origin}${builtBasePath()}/`;

// Debian's Chromium, not a downloaded build (STACK.md trap 10): without the
// background-networking flags it floods the closed network with connections.
const launchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  forbidOnly: true,
  // 2 cores: one browser at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    acceptDownloads: true,
    launchOptions,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // Phones read and share (issue 7): the journeys tagged @phone, at a phone viewport.
      name: "phone",
      grep: /@phone/,
      use: { ...devices["Pixel 7"], launchOptions },
    },
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    url: baseURL,
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
    // Always a fresh server for the out/ just built (a stale one could serve old headers).
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});

#!/usr/bin/env node
// `npm start`: build the static site if out/ is missing, older than the sources or
// built for another BASE_PATH (scripts/ensure-build.mjs), then serve it
// (scripts/serve.mjs) at http://localhost:3000 (PORT to change).
// Goal: `npm install && npm start` works on a fresh machine.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "./ensure-build.mjs";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
process.env.NEXT_TELEMETRY_DISABLED = "1";

if (!ensureBuilt()) {
  console.error("The build failed; see above.");
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));

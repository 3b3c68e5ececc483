// Entry point: `npm run render -- …` (tsx cli/main.ts render …) and the
// `bufstream-wizard` binary (cli/bin.mjs). See cli/args.ts for the usage.
import { readFileSync } from "node:fs";

import { runCli } from "./run";

/**
 * `npm run render` runs scripts from the package root, so relative paths would
 * resolve there; npm keeps the directory the user typed the command in as
 * INIT_CWD. Only for that script: anywhere else the process's cwd is right.
 */
function userCwd(): string {
  const env = process.env;
  const viaNpmRender =
    env.npm_lifecycle_event === "render" && env.npm_package_name === "bufstream-wizard";
  return viaNpmRender && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

process.exitCode = runCli(process.argv.slice(2), {
  cwd: userCwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
});

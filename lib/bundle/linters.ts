// External checkers the tests run over generated files: bash -n, shellcheck
// and yamllint (Debian packages; .ci/run installs them). Test support only:
// nothing in the product imports this file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SHELLCHECK = "/usr/bin/shellcheck";
export const YAMLLINT = "/usr/bin/yamllint";

/** yamllint's default rules, minus line length (hosts and annotations are long) and `---`. */
export const YAMLLINT_CONFIG = `extends: default
rules:
  line-length: disable
  document-start: disable
`;

export interface LintResult {
  ok: boolean;
  output: string;
}

function run(command: string, args: string[], input?: string): LintResult {
  const result = spawnSync(command, args, { input, encoding: "utf8" });
  if (result.error) return { ok: false, output: String(result.error) };
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export function bashSyntax(script: string): LintResult {
  return run("bash", ["-n"], script);
}

export function hasShellcheck(): boolean {
  return existsSync(SHELLCHECK);
}

export function hasYamllint(): boolean {
  return existsSync(YAMLLINT);
}

/** shellcheck at its strictest severity (style), reading the script from stdin. */
export function shellcheck(script: string): LintResult {
  return run(SHELLCHECK, ["--severity=style", "--shell=bash", "-"], script);
}

/** Lints many YAML files in one yamllint run (2 shared cores: one process, not hundreds). */
export function yamllint(files: ReadonlyArray<{ name: string; content: string }>): LintResult {
  const dir = mkdtempSync(join(tmpdir(), "wizard-yamllint-"));
  try {
    writeFileSync(join(dir, ".yamllint.yaml"), YAMLLINT_CONFIG);
    const paths = files.map((file, i) => {
      const path = join(dir, `${i}-${file.name}`);
      writeFileSync(path, file.content);
      return path;
    });
    return run(YAMLLINT, [
      "--strict",
      "-f",
      "parsable",
      "-c",
      join(dir, ".yamllint.yaml"),
      ...paths,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets";
import { buildBundle } from "./build-bundle";
import { bundleFolderName } from "./folder";
import { hasShellcheck, shellcheck } from "./linters";
import { renderShellBundle } from "./render-shell-bundle";
import type { BundleFile } from "./types";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the command in a fresh directory with `shell`; returns that directory. */
function paste(script: string, shell: string): { cwd: string; stdout: string } {
  const cwd = mkdtempSync(join(tmpdir(), "wizard-paste-"));
  dirs.push(cwd);
  const result = spawnSync(shell, ["-s"], { cwd, input: script, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return { cwd, stdout: result.stdout };
}

function expectWritten(cwd: string, folder: string, files: readonly BundleFile[]) {
  const dir = join(cwd, folder);
  expect(readdirSync(cwd)).toEqual([folder]);
  expect(readdirSync(dir).sort()).toEqual(files.map((f) => f.name).sort());
  for (const file of files) {
    expect(readFileSync(join(dir, file.name), "utf8"), file.name).toBe(file.content);
    const executable = (statSync(join(dir, file.name)).mode & 0o111) !== 0;
    expect(executable, `${file.name} executable`).toBe(file.kind === "script");
  }
}

const context = { generatorVersion: "0.1.0", shareLink: "https://wizard.example/#v1.q64FAA" };

describe("renderShellBundle", () => {
  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
    "%s: pasted into bash, writes every file byte for byte into the bundle's folder",
    (_id, scenario) => {
      const files = buildBundle(scenario, context);
      const folder = bundleFolderName(scenario.release.name);
      const { cwd, stdout } = paste(renderShellBundle(files, folder), "bash");
      expectWritten(cwd, folder, files);
      expect(stdout).toBe(`Wrote ${files.length} files to ./${folder}/\n`);
    },
  );

  // Nothing in a file reaches the shell: quoted delimiters, a delimiter no line
  // equals, and a file without a final newline written exactly.
  const hostile: BundleFile[] = [
    {
      name: "values.yaml",
      kind: "values",
      content: "a: $(touch pwned)\nb: `touch pwned`\nc: \\n ${HOME} '\"\nBUFSTREAM_WIZARD_EOF\n",
    },
    { name: "install.sh", kind: "script", content: "#!/usr/bin/env bash\necho $0\n" },
    { name: "README.md", kind: "readme", content: "no final newline\n\n)\"' EOF" },
  ];

  it.each(["bash", "dash"])("writes hostile text literally under %s", (shell) => {
    const script = renderShellBundle(hostile, "x-bundle");
    expect(script).toContain("<<'BUFSTREAM_WIZARD_EOF_1'");
    const { cwd } = paste(script, shell);
    expectWritten(cwd, "x-bundle", hostile);
    expect(readdirSync(join(cwd, "x-bundle"))).not.toContain("pwned");
  });

  it("pastes again over its own files", () => {
    const files = buildBundle(PRESETS[0]!.scenario, context);
    const script = renderShellBundle(files, "bufstream-bundle");
    const { cwd } = paste(`${script}\n${script}`, "bash");
    expectWritten(cwd, "bufstream-bundle", files);
  });

  it.skipIf(!hasShellcheck())("passes shellcheck", () => {
    const zoned = PRESETS.find((p) => p.scenario.zones.enabled)!.scenario;
    const result = shellcheck(renderShellBundle(buildBundle(zoned, context), "b-bundle"));
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});

// The CLI as users run it: a separate Node process through tsx (`npm run
// render`), and the package binary (`npx bufstream-wizard`, cli/bin.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildBundle } from "../lib/bundle/build-bundle";
import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { PRESETS } from "../lib/scenario/presets";
import { buildShareLink } from "../lib/share/codec";
import { GENERATOR_VERSION } from "../lib/version";
import { DEFAULT_BASE_URL } from "./args";
import { expectedFiles, makeTempDir, readWritten } from "./test-helpers";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = path.join(ROOT, "cli", "main.ts");
const BIN = path.join(ROOT, "cli", "bin.mjs");

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe("tsx cli/main.ts render (npm run render)", () => {
  it("writes the same bytes as buildBundle and exits 0, relative to where npm was run", () => {
    const scenario = PRESETS.find((p) => p.scenario.exposure === "load-balancer")!.scenario;
    writeFileSync(path.join(temp.dir, "s.json"), JSON.stringify(scenario));
    // As `npm run render` runs it: from the package root, with the user's directory in INIT_CWD.
    const npmEnv = {
      npm_lifecycle_event: "render",
      npm_package_name: "bufstream-wizard",
      INIT_CWD: temp.dir,
    };
    const result = run(
      TSX,
      [MAIN, "render", "--scenario", "s.json", "--out", "deploy"],
      ROOT,
      npmEnv,
    );
    expect(result.stderr).toMatch(/^wrote \d+ files to /);
    expect(result.status).toBe(0);
    const files = buildBundle(scenario, {
      generatorVersion: GENERATOR_VERSION,
      shareLink: buildShareLink(DEFAULT_BASE_URL, scenario),
    });
    expect(readWritten(path.join(temp.dir, "deploy"))).toEqual(expectedFiles(files));
  });

  it("exits 2 with one line per problem and writes nothing for an invalid scenario", () => {
    writeFileSync(
      path.join(temp.dir, "s.json"),
      JSON.stringify({ version: 1, replicas: 0, cluster: "A" }),
    );
    const result = run(TSX, [MAIN, "render", "--scenario", "s.json", "--out", "deploy"], temp.dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^error: s\.json: cluster: /),
      "error: s.json: replicas: At least 1 broker.",
    ]);
    expect(readdirSync(temp.dir)).toEqual(["s.json"]);
  });

  it("exits 2 naming the field for a lone surrogate, and refuses input that is not UTF-8", () => {
    const stdin = (input: Buffer) =>
      spawnSync(TSX, [MAIN, "render", "--scenario", "-", "--out", "deploy"], {
        cwd: temp.dir,
        input,
        encoding: "utf8",
        timeout: 120_000,
      });
    // The escape as JSON.stringify writes a lone surrogate.
    const escaped = stdin(Buffer.from(JSON.stringify({ storage: { prefix: "kafka\ud800" } })));
    expect(escaped.status).toBe(2);
    expect(escaped.stderr).toMatch(
      /^error: standard input: storage\.prefix: Character 6 is broken \(U\+D800, .* cannot be written as UTF-8\./,
    );
    const bytes = stdin(Buffer.from([...Buffer.from('{"cluster":"'), 0xc0, 0xaf, 0x22, 0x7d]));
    expect(bytes.status).toBe(2);
    expect(bytes.stderr).toBe(
      "error: standard input: not valid UTF-8 (byte 13 starts a sequence UTF-8 does not allow); save the file as UTF-8.\n",
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it("exits 1 from --check when a finding is an error", () => {
    writeFileSync(
      path.join(temp.dir, "s.json"),
      JSON.stringify({ ...DEFAULT_SCENARIO, clients: "outside-cluster" }),
    );
    const result = run(TSX, [MAIN, "render", "--scenario", "s.json", "--check"], temp.dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const findings = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { severity: string });
    expect(findings.some((finding) => finding.severity === "error")).toBe(true);
  });
});

describe("the package binary", () => {
  it("cli/bin.mjs runs from any directory and renders a link", () => {
    const link = buildShareLink("https://wizard.example/", PRESETS[PRESETS.length - 1]!.scenario);
    const result = run(
      process.execPath,
      [BIN, "render", "--link", link, "--out", "b", "--print-link"],
      temp.dir,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${link}\n`);
    const scenario = PRESETS[PRESETS.length - 1]!.scenario;
    expect(readWritten(path.join(temp.dir, "b"))).toEqual(
      expectedFiles(
        buildBundle(scenario, { generatorVersion: GENERATOR_VERSION, shareLink: link }),
      ),
    );
  });

  it("runs as `npx bufstream-wizard` from the checkout", () => {
    const result = run("npx", ["--no-install", "bufstream-wizard", "render", "--help"], ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: bufstream-wizard render/);
  });

  it("leaves no directory behind when the link is bad", () => {
    const result = run(
      process.execPath,
      [BIN, "render", "--link", "v1.AAAA", "--out", "b"],
      temp.dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: link: This link was cut short/);
    expect(existsSync(path.join(temp.dir, "b"))).toBe(false);
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});

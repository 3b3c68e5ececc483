import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const loader = require("./mermaid-yaml-loader.cjs") as ((source: string) => string) & {
  BRIDGE: string;
};

const chunkDir = path.join(
  path.dirname(require.resolve("mermaid/package.json")),
  "dist/chunks/mermaid.core",
);
const chunkFiles = readdirSync(chunkDir).filter((name) => /^chunk-[A-Z0-9]+\.mjs$/.test(name));

type Load = (text: string, options?: { schema: unknown }) => unknown;
interface YamlModule {
  load: Load;
  JSON_SCHEMA: unknown;
}

/** What mermaid hands to load(): shape data (`A@{ … }` wrapped in braces) and front matter bodies. */
const INPUTS = [
  "{\nshape: rect\n}",
  '{\nshape: circle, label: "A node"\n}',
  "{\n shape: icon, icon: 'fa:bell', pos: t, h: 60\n}",
  "{\nanimate: true\n}",
  "{\nimg: https://example.com/a.png, w: 40, constraint: on\n}",
  "title: Topology\nconfig:\n  theme: dark\n  flowchart:\n    htmlLabels: false\n    nodeSpacing: 40\n",
  "displayMode: compact\n",
  "a: ~\nb: null\nc: 0x1F\nd: 1.5e3\ne: .inf\nf: yes\ng: 0o17\nh: -12\ni: 'quoted'\nj: [1, two, 3.0]\n",
  "",
  "# only a comment\n",
];

/** Inputs js-yaml rejects; the bridge must reject them too, not read something else. */
const REJECTED = ["{\nshape: rect, shape: circle\n}", "{ a: [ }", "a: b: c\n", "a: *missing\n"];

/** The chunks the loader rewrites: must be exactly one, mermaid's js-yaml. */
const replaced = chunkFiles.filter((name) => {
  const source = readFileSync(path.join(chunkDir, name), "utf8");
  return loader(source) !== source;
});

let workDir = "";
let original: YamlModule;
let bridge: YamlModule;

beforeAll(async () => {
  // Without exactly one js-yaml chunk there is nothing to compare: every test fails.
  if (replaced.length !== 1)
    throw new Error(`expected one js-yaml chunk, found ${replaced.length}`);
  original = (await import(
    pathToFileURL(path.join(chunkDir, replaced[0] ?? "")).href
  )) as YamlModule;
  // The bridge imports "yaml"; from a temporary file, point it at the project's copy.
  workDir = mkdtempSync(path.join(tmpdir(), "mermaid-yaml-bridge-"));
  const bridgeFile = path.join(workDir, "bridge.mjs");
  const yamlUrl = pathToFileURL(require.resolve("yaml")).href;
  writeFileSync(bridgeFile, loader.BRIDGE.replace('"yaml"', JSON.stringify(yamlUrl)));
  bridge = (await import(pathToFileURL(bridgeFile).href)) as YamlModule;
});

afterAll(() => {
  if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
});

describe("mermaid's js-yaml, swapped for a bridge to yaml (next.config.ts)", () => {
  it("replaces exactly one of mermaid's chunks, the js-yaml one, and leaves the others alone", () => {
    expect(chunkFiles.length).toBeGreaterThan(1);
    expect(replaced).toHaveLength(1);
    expect(Object.keys(original).sort()).toEqual(["JSON_SCHEMA", "load"]);
    expect(Object.keys(bridge).sort()).toEqual(["JSON_SCHEMA", "load"]);
  });

  it.each(INPUTS)("reads %j as js-yaml does", (text) => {
    expect(bridge.load(text, { schema: bridge.JSON_SCHEMA })).toEqual(
      original.load(text, { schema: original.JSON_SCHEMA }),
    );
  });

  it.each(REJECTED)("rejects %j, as js-yaml does", (text) => {
    expect(() => original.load(text, { schema: original.JSON_SCHEMA })).toThrow();
    expect(() => bridge.load(text, { schema: bridge.JSON_SCHEMA })).toThrow();
  });

  it("fails the build when the js-yaml chunk no longer fits the bridge", () => {
    expect(() => loader("function requireJsYaml() {}\nexport { load, dump };\n")).toThrow(
      /no longer exports exactly/,
    );
  });
});

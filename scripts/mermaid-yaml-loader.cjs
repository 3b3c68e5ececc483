// A Turbopack loader (next.config.ts) for mermaid's own chunks. Mermaid's
// package bundles a copy of js-yaml (one chunk, about 15 KiB gzip) to read a
// diagram's front matter and `@{ … }` shape data; the page already ships the
// `yaml` library, complete, because it writes the values files. This loader
// swaps that one chunk for a two-line bridge to `yaml`, so the page loads one
// YAML reader, not two (issue 14: JavaScript fetched by the first live
// drawing). Every other chunk passes through untouched.
//
// The chunk is found by content, not by its hashed name, and must export
// exactly what mermaid imports from it ({ JSON_SCHEMA, load }): if a mermaid
// upgrade changes that, the build fails here rather than shipping a bridge
// that does not fit. scripts/mermaid-yaml-loader.test.ts reads the same
// inputs through js-yaml and through the bridge and compares them.
"use strict";

const JS_YAML_CHUNK = /function requireJsYaml\(/;
const EXPORTS = /export \{\s*JSON_SCHEMA,\s*load\s*\};\s*$/;

// js-yaml's JSON_SCHEMA is YAML 1.2's core schema (null, booleans, ints and
// floats; no timestamps or merge keys), which is `yaml`'s "core". Mermaid only
// passes the constant back to load(). Empty text gives undefined and a document
// of comments null, as in js-yaml; errors throw, as in js-yaml (duplicate keys
// included). Text of only whitespace gives null where js-yaml mostly gives
// undefined: mermaid's callers (shape data) only test the result for truth.
const BRIDGE = `import { parse } from "yaml";
export const JSON_SCHEMA = "core";
export function load(text) {
  return text === "" ? undefined : parse(text, { schema: "core", logLevel: "error" });
}
`;

/** @param {string} source */
function mermaidYamlLoader(source) {
  if (!JS_YAML_CHUNK.test(source)) return source;
  if (!EXPORTS.test(source)) {
    throw new Error(
      "mermaid's js-yaml chunk no longer exports exactly { JSON_SCHEMA, load }: update scripts/mermaid-yaml-loader.cjs",
    );
  }
  return BRIDGE;
}

module.exports = mermaidYamlLoader;
module.exports.BRIDGE = BRIDGE;

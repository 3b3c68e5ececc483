// The faster assignWithDepth (scripts/mermaid-config-copy-loader.cjs) must give
// what mermaid's own gives, for every input: the same properties (keys, order,
// descriptors, prototypes), the same objects shared with the source, and the
// same changes to the target. Both are built from their source text here and
// run on identical inputs, mermaid's default configuration and generated ones
// (keys such as __proto__ and toString included).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const loader = require("./mermaid-config-copy-loader.cjs") as ((source: string) => string) & {
  ORIGINAL: string;
  REPLACEMENT: string;
};

type Assign = (dst: unknown, src: unknown, options?: { depth?: number }) => unknown;

/** The function a `var assignWithDepth = __name(…)` text defines. */
function compile(text: string): Assign {
  const name = <T>(fn: T) => fn;
  return new Function("__name", `${text}\nreturn assignWithDepth;`)(name) as Assign;
}

const original = compile(loader.ORIGINAL);
const replacement = compile(loader.REPLACEMENT);

const chunkDir = path.join(
  path.dirname(require.resolve("mermaid/package.json")),
  "dist/chunks/mermaid.core",
);

/** A JSON-like tree; objects are lists of [key, value] so that `__proto__` can be an own key. */
type Spec =
  | { kind: "value"; value: string | number | boolean | null | undefined }
  | { kind: "array"; items: Spec[] }
  | { kind: "object"; entries: Array<[string, Spec]> };

const KEYS = ["a", "b", "c", "0", "__proto__", "toString", "constructor", "hasOwnProperty"];

const specArbitrary: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      kind: fc.constant("value" as const),
      value: fc.oneof(
        fc.constantFrom(null, undefined, true, false, 0, 1, "x"),
        fc.string({ maxLength: 3 }),
      ),
    }),
    fc.record({
      kind: fc.constant("array" as const),
      items: fc.array(tie("spec"), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("object" as const),
      entries: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie("spec")), {
        maxLength: 4,
        selector: ([key]) => key,
      }),
    }),
  ),
})).spec;

/** Builds the tree, naming every object it makes (`label:path`) so sharing can be compared. */
function build(spec: Spec, label: string, names: Map<object, string>): unknown {
  if (spec.kind === "value") return spec.value;
  const made: unknown[] | Record<string, unknown> =
    spec.kind === "array" ? spec.items.map((item, i) => build(item, `${label}.${i}`, names)) : {};
  if (spec.kind === "object") {
    for (const [key, value] of spec.entries) {
      Object.defineProperty(made, key, {
        value: build(value, `${label}.${key}`, names),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  names.set(made, label);
  return made;
}

/** Everything observable about a value: own properties with descriptors, prototype, and origin. */
function observe(value: unknown, names: Map<object, string>, seen = new Set<object>()): unknown {
  if (typeof value === "function") return "function";
  if (typeof value !== "object" || value === null) return { primitive: value ?? String(value) };
  const origin = names.get(value) ?? "new";
  if (seen.has(value)) return { again: origin };
  seen.add(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  return {
    origin,
    proto:
      proto === Object.prototype
        ? "Object"
        : proto === Array.prototype
          ? "Array"
          : observe(proto, names, seen),
    props: Reflect.ownKeys(value).map((key) => {
      const { value: inner, ...flags } = Object.getOwnPropertyDescriptor(value, key) ?? {};
      return [String(key), flags, observe(inner, names, seen)];
    }),
  };
}

/** Runs one implementation on fresh copies of the inputs; what came back, and what the target became. */
function run(assign: Assign, dst: Spec, src: Spec, depth: number | undefined) {
  const names = new Map<object, string>();
  const target = build(dst, "dst", names);
  const source = build(src, "src", names);
  let result: unknown;
  try {
    result = assign(target, source, depth === undefined ? undefined : { depth });
  } catch (error) {
    result = { threw: String(error) };
  }
  return {
    result: observe(result, names),
    target: observe(target, names),
    source: observe(source, names),
  };
}

describe("mermaid's assignWithDepth, replaced by a faster one (next.config.ts)", () => {
  it("replaces the original in exactly one of mermaid's chunks and fails on code it does not know", () => {
    const changed = readdirSync(chunkDir)
      .filter((name) => /^chunk-[A-Z0-9]+\.mjs$/.test(name))
      .filter((name) => {
        const source = readFileSync(path.join(chunkDir, name), "utf8");
        const out = loader(source);
        if (out === source) return false;
        expect(out).toContain(loader.REPLACEMENT);
        expect(out).not.toContain(loader.ORIGINAL);
        return true;
      });
    expect(changed).toHaveLength(1);
    expect(() =>
      loader('var assignWithDepth = /* @__PURE__ */ __name((dst, src) => src, "assignWithDepth");'),
    ).toThrow(/no longer the code/);
  });

  it("copies mermaid's default configuration as the original does (what getConfig returns)", async () => {
    const [chunk] = readdirSync(chunkDir).filter((name) =>
      readFileSync(path.join(chunkDir, name), "utf8").includes(loader.ORIGINAL),
    );
    const mermaidConfig = (await import(path.join(chunkDir, chunk ?? ""))) as {
      defaultConfig_default: object;
    };
    const names = new Map<object, string>();
    const copy = (assign: Assign) =>
      observe(assign({}, mermaidConfig.defaultConfig_default), names);
    expect(copy(replacement)).toEqual(copy(original));
  });

  it("gives the same result, target and source as the original on generated inputs", () => {
    fc.assert(
      fc.property(
        specArbitrary,
        specArbitrary,
        fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }),
        (dst, src, depth) => {
          expect(run(replacement, dst, src, depth)).toEqual(run(original, dst, src, depth));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

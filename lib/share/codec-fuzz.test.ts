// Fuzz: at least 10,000 random and mutated links through the decoder. Whatever
// the input, decodeScenario must not throw, must return a schema-valid
// scenario, and must explain every failure.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { PRESETS } from "../scenario/presets";
import { ScenarioSchema } from "../scenario/schema";
import { encodeBase64Url, decodeBase64Url } from "./base64url";
import { buildShareLink, decodeScenario, encodeScenario } from "./codec";
import { deflateBytes } from "./compress";
import { HOSTILE_STRINGS, arbitraryScenario } from "./testing/arbitrary-scenario";

let decoded = 0;
/** Most failures fall back to the same scenario: validate each distinct one once. */
const validated = new Map<string, boolean>();

function checkDecodes(input: string): void {
  decoded++;
  const result = decodeScenario(input);
  const key = JSON.stringify(result.scenario);
  let valid = validated.get(key);
  if (valid === undefined) {
    valid = ScenarioSchema.safeParse(result.scenario).success;
    validated.set(key, valid);
  }
  expect(valid).toBe(true);
  expect(result.ok).toBe(result.kind === "ok");
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
}

const payloadOfJson = (json: string) =>
  `v1.${encodeBase64Url(deflateBytes(new TextEncoder().encode(json)))}`;

// A fixed pool of valid scenarios to mutate (drawing fresh ones per run costs
// more than the decoding under test); the mutations are what is random.
const pool = [
  ...PRESETS.map((preset) => preset.scenario),
  ...fc.sample(arbitraryScenario, { numRuns: 40, seed: 4 }),
];
const validScenario = fc.constantFrom(...pool);
const validLink = validScenario.map((s) => buildShareLink("https://w.example/", s));
const hostile = fc.constantFrom(...HOSTILE_STRINGS);

/** Sets one value somewhere in a JSON tree (by a path of indexes), to mutate scenarios. */
function replaceAt(value: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || typeof value !== "object" || value === null) return replacement;
  const entries = Object.entries(value);
  if (entries.length === 0) return replacement;
  const [first = 0, ...rest] = choices;
  const [key, child] = entries[first % entries.length]!;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[key] = replaceAt(child, rest, replacement);
  return copy;
}

describe("decodeScenario fuzz", () => {
  afterAll(() => {
    expect(decoded).toBeGreaterThanOrEqual(10_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("survives arbitrary strings, with and without a v1 prefix or URL", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
        fc.constantFrom("", "v1.", "#v1.", "https://w.example/#v1.", "v9.", "v0."),
        (text, prefix) => checkDecodes(prefix + text),
      ),
      { numRuns: 2000 },
    );
  });

  it("survives random base64url after the v1 prefix", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/), (text) =>
        checkDecodes(`v1.${text}`),
      ),
      { numRuns: 2000 },
    );
  });

  it("survives valid links cut short anywhere", () => {
    fc.assert(
      fc.property(validLink, fc.nat(), (link, cut) =>
        checkDecodes(link.slice(0, cut % link.length)),
      ),
      { numRuns: 1500 },
    );
  });

  it("survives bit flips in the compressed bytes", () => {
    fc.assert(
      fc.property(validLink, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (link, flips) => {
        const payload = link.slice(link.indexOf("#v1.") + 4);
        const bytes = decodeBase64Url(payload)!;
        for (const flip of flips) {
          const at = flip % (bytes.length * 8);
          bytes[at >> 3]! ^= 1 << (at & 7);
        }
        checkDecodes(`v1.${encodeBase64Url(bytes)}`);
      }),
      { numRuns: 1500 },
    );
  });

  it("survives random JSON inside valid deflate", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.object()), (value) => {
        checkDecodes(payloadOfJson(JSON.stringify(value) ?? "null"));
      }),
      { numRuns: 1500 },
    );
  });

  it("survives scenarios with one value replaced by junk or hostile text", () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.oneof(hostile, fc.jsonValue(), fc.constant(null)),
        (scenario, path, junk) => {
          checkDecodes(payloadOfJson(JSON.stringify(replaceAt(scenario, path, junk))));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("survives hostile strings in every string field, and never keeps them where the schema forbids", () => {
    const preset = PRESETS.find((p) => p.scenario.zones.enabled) ?? PRESETS[0]!;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (typeof value === "string") paths.push(path);
      else if (value !== null && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      }
    };
    walk(preset.scenario, []);
    for (const path of paths) {
      for (const text of HOSTILE_STRINGS) {
        const doc = structuredClone(preset.scenario) as unknown as Record<string, unknown>;
        let at = doc;
        path.slice(0, -1).forEach((key) => (at = at[key] as Record<string, unknown>));
        at[path[path.length - 1]!] = text;
        checkDecodes(payloadOfJson(JSON.stringify(doc)));
      }
    }
    expect(paths.length).toBeGreaterThan(20);
  });

  it("survives prototype keys, deep nesting and hostile fragments", () => {
    const attacks = [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"zones":{"hosts":{"__proto__":{"polluted":1}}}}',
      '{"release":{"__proto__":{"name":"x"}}}',
      `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
      `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
      `{"zones":${'{"hosts":'.repeat(5000)}{}${"}".repeat(5000)}}`,
      '{"replicas":1e999}',
      '{"replicas":-0}',
      '"<script>alert(1)</script>"',
    ];
    for (const json of attacks) checkDecodes(payloadOfJson(json));
    for (const text of HOSTILE_STRINGS) {
      checkDecodes(text);
      checkDecodes(`https://w.example/#${text}`);
      checkDecodes(`v1.${text}`);
    }
    const plain = encodeScenario(PRESETS[0]!.scenario);
    checkDecodes(`${plain}%`);
    checkDecodes(`${plain}%ZZ`);
  });
});

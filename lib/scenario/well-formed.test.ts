// Issue 17: a lone UTF-16 surrogate in any string field (record keys included)
// is rejected with a message on that field, and whatever the schema accepts is
// written to UTF-8 and read back unchanged. The fields come from the schema
// itself (lib/share/testing/string-fields.ts), so a new field is covered too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ITEM,
  VALUE,
  stringFields,
  withText,
  type StringField,
} from "../share/testing/string-fields";
import { findPreset } from "./presets";
import { ScenarioSchema } from "./schema";
import { findLoneSurrogate, loneSurrogateMessage } from "./well-formed";

/** A valid scenario with something in every list and map, so every field has a place. */
const zonal = findPreset("zone-aware-per-zone-nlbs")!.scenario;
// Issue 16's lists, one entry each (the preset leaves most of them empty).
const peer = { namespace: "orders", namespaceLabels: "team=a", podLabels: "app=b" };
const base = {
  ...zonal,
  access: {
    ...zonal.access,
    clientGroups: [peer],
    kafkaPeers: [peer],
    adminPeers: [peer],
    outsideClientCidrs: ["10.1.0.0/16"],
    loadBalancerSourceRanges: ["10.1.0.0/16"],
    lbTrafficCidrs: ["10.0.0.0/16"],
    metadataCidrs: ["10.2.0.0/24"],
    httpsCidrs: ["10.3.0.0/24"],
  },
};
const fields = stringFields();
const name = (field: StringField) => `${field.kind} ${field.path.join(".")}`;

/** Any text with one lone surrogate put somewhere in it (never completing a pair). */
const withLoneSurrogate = fc
  .tuple(
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.nat(),
  )
  .map(([around, code, at]) => {
    const cut = at % (around.length + 1);
    // Spaces either side keep the half from pairing with a neighbouring half.
    return `${around.slice(0, cut)} ${String.fromCharCode(code)} ${around.slice(cut)}`;
  })
  .filter((text) => findLoneSurrogate(text) !== -1);

const utf8RoundTrip = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

describe("findLoneSurrogate", () => {
  it.each([
    ["", -1],
    ["plain ascii", -1],
    ["🦄 and 日本 and é", -1],
    ["\ud83e\udd84", -1],
    ["a\ud800", 1],
    ["\udc00a", 0],
    ["ab\udd84\ud83e", 2],
    ["🦄\ud83e", 2],
    ["\ud800\ud800\udc00", 0],
  ])("%j → %i", (text, at) => {
    expect(findLoneSurrogate(text)).toBe(at);
    expect(loneSurrogateMessage(text) === undefined).toBe(at === -1);
  });

  it("names the character and where it is", () => {
    expect(loneSurrogateMessage("https://xa\ud800b")).toBe(
      "Character 11 is broken (U+D800, half of a character pair without its other half) and cannot be written as UTF-8. Delete it and type the character again.",
    );
  });
});

describe("the string fields read off the schema", () => {
  /** Whether a concrete path (`zones.names.2`) is the abstract field path (`zones.names.[]`). */
  const matches = (field: StringField, path: readonly string[]) =>
    field.path.length === path.length &&
    field.path.every((key, i) =>
      key === ITEM ? /^\d+$/.test(path[i] ?? "") : key === VALUE ? true : key === path[i],
    );

  it("cover every string the base scenario holds", () => {
    const strings: string[][] = [];
    const collect = (value: unknown, path: string[]) => {
      if (typeof value === "string") strings.push(path);
      else if (value !== null && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
      }
    };
    collect(base, []);
    expect(strings.length).toBeGreaterThan(40);
    const missing = strings.filter(
      (path) => !fields.some((field) => field.kind !== "key" && matches(field, path)),
    );
    expect(missing.map((path) => path.join("."))).toEqual([]);
  });

  it("include the keys of the zone host map, and both kinds of value", () => {
    expect(fields.filter((f) => f.kind === "key").map((f) => f.path.join("."))).toEqual([
      "zones.hosts",
    ]);
    expect(fields.filter((f) => f.kind === "text").length).toBeGreaterThan(30);
    expect(fields.filter((f) => f.kind === "choice").length).toBeGreaterThan(10);
  });
});

describe("a lone surrogate in any string field (property)", () => {
  it("the base scenario is valid", () => {
    expect(ScenarioSchema.safeParse(base).success).toBe(true);
  });

  it.each(fields.map((field) => [name(field), field] as const))(
    "%s: rejected, with a message on that field",
    (_name, field) => {
      fc.assert(
        fc.property(withLoneSurrogate, (text) => {
          const { doc, issuePath } = withText(base, field, text);
          const result = ScenarioSchema.safeParse(doc);
          expect(result.success).toBe(false);
          const onField = (result.error?.issues ?? []).filter(
            (issue) => issue.path.map(String).join("\u0000") === issuePath.join("\u0000"),
          );
          expect(onField.length, `an issue on ${issuePath.join(".")}`).toBeGreaterThan(0);
          // Free text and keys say what is wrong; a fixed list says what it expects.
          if (field.kind !== "choice") {
            expect(onField.map((issue) => issue.message)).toEqual([loneSurrogateMessage(text)]);
          }
        }),
        { numRuns: 25 },
      );
    },
  );
});

describe("whatever a string field accepts survives UTF-8 unchanged (property)", () => {
  // "binary" draws any code point, surrogate halves included.
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.string({ unit: "binary-ascii", maxLength: 20 }),
    withLoneSurrogate,
  );
  it.each(fields.map((field) => [name(field), field] as const))("%s", (_name, field) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { doc, issuePath } = withText(base, field, text);
        const result = ScenarioSchema.safeParse(doc);
        const rejected = (result.error?.issues ?? []).some(
          (issue) => issue.path.map(String).join("\u0000") === issuePath.join("\u0000"),
        );
        if (!rejected) expect(utf8RoundTrip(text)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

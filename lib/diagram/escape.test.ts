import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MERMAID_UNSAFE_CHARACTERS,
  decodeLabel,
  escapeAccessibleText,
  escapeLabel,
  escapeLabelLines,
  renderMermaidComment,
} from "./escape";

/** Every code point, including lone surrogates and line separators. */
const anyText = fc.string({ unit: "binary", maxLength: 80 });
/** Strings built from the characters that matter to Mermaid, so the tricky ones meet often. */
const trickyText = fc
  .array(
    fc.constantFrom(
      ...MERMAID_UNSAFE_CHARACTERS,
      ":",
      "fa",
      "fa-",
      "fa:fa-car",
      "style",
      "classDef",
      "#quot;",
      "%%{init: {}}%%",
      "<br/>",
      "-->",
      "end",
      "ﬂ°°35¶ß",
      "\u2028",
      "\u0085",
      "a",
      " ",
      "é",
      "😀",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));
const text = fc.oneof(anyText, trickyText);

/** What is left of an escaped label once its entity codes are taken out. */
function withoutEntities(label: string): string {
  return label.replace(/#\d+;/g, "");
}

describe("escapeLabel", () => {
  it("leaves no dangerous character outside an entity code", () => {
    fc.assert(
      fc.property(text, (input) => {
        const rest = withoutEntities(escapeLabel(input));
        for (const char of MERMAID_UNSAFE_CHARACTERS) expect(rest).not.toContain(char);
        expect(rest).not.toMatch(/[\p{C}\p{Zl}\p{Zp}\uFB02\u00B0\u00B6\u00DF]/u);
        // No icon syntax, no word that trips mermaid's style-statement rewrite next to an entity.
        expect(escapeLabel(input)).not.toMatch(/:fa-/);
        if (escapeLabel(input).includes("#"))
          expect(escapeLabel(input)).not.toMatch(/style|classDef/);
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips: decoding the entity codes gives the input back", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(decodeLabel(escapeLabel(input))).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps addresses and ordinary words readable", () => {
    expect(escapeLabel("bufstream.bufstream.svc.cluster.local:9092 ×3")).toBe(
      "bufstream.bufstream.svc.cluster.local:9092 ×3",
    );
    expect(escapeLabel("client.id my-app,zone=us-east-1a (after install)")).toBe(
      "client.id my-app,zone=us-east-1a (after install)",
    );
  });

  it("uses Mermaid's entity codes for each dangerous character", () => {
    expect(escapeLabel('a"b')).toBe("a#34;b");
    expect(escapeLabel("#;")).toBe("#35;#59;");
    expect(escapeLabel("<script>")).toBe("#60;script#62;");
    expect(escapeLabel("%%{init}%%")).toBe("#37;#37;#123;init#125;#37;#37;");
    expect(escapeLabel("line\nbreak")).toBe("line#10;break");
    expect(escapeLabel("`**md**`")).toBe("#96;#42;#42;md#42;#42;#96;");
    expect(escapeLabel("&lt;")).toBe("#38;lt#59;");
    expect(escapeLabel("[x]|{y}")).toBe("#91;x#93;#124;#123;y#125;");
    expect(escapeLabel("$$x$$")).toBe("#36;#36;x#36;#36;");
    expect(escapeLabel("fa:fa-car")).toBe("fa#58;fa-car");
    expect(escapeLabel("my style;")).toBe("my st#121;le#59;");
    expect(escapeLabel("😀")).toBe("😀");
    expect(escapeLabel("\u2028")).toBe("#8232;");
  });

  it("joins lines with Mermaid line breaks, escaping each", () => {
    expect(escapeLabelLines(["a<b", "c"])).toBe("a#60;b<br/>c");
  });
});

describe("escapeAccessibleText", () => {
  it("is one line with no entity, directive or statement separator", () => {
    fc.assert(
      fc.property(text, (input) => {
        const out = escapeAccessibleText(input);
        expect(out).not.toMatch(/[\n\r#%;&<>\u2028\u2029]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("renderMermaidComment", () => {
  it("makes comment lines that cannot become directives or other statements", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (lines) => {
        const out = renderMermaidComment(lines);
        const outLines = out === "" ? [] : out.split("\n");
        expect(outLines).toHaveLength(lines.length);
        for (const line of outLines) {
          expect(line.startsWith("%% ")).toBe(true);
          expect(line.slice(3)).not.toContain("%%");
          expect(line).not.toMatch(/[\r\u2028\u2029]/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

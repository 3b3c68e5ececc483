// Escaping for text that reaches Mermaid (DESIGN.md section 5: every label is
// escaped; Mermaid runs with securityLevel "strict").
//
// Mermaid's own escape is the entity code `#<number>;` (mermaid docs, "Entity
// codes to escape characters"): before parsing, `encodeEntities` swaps every
// `#\w+;` for a placeholder that no lexer rule reacts to, and the renderer turns
// it back into an HTML character reference, i.e. text, never markup. So a label
// keeps the user's exact characters on screen while the diagram source only
// ever holds a small safe alphabet. What each escaped character guards against
// (mermaid 11.17 lexers and preprocessing):
// - `"` ends a quoted flowchart label; `[ ] { } ( | \` are shape and edge-label syntax;
// - `#` and `;` end a sequence message (`[^#\n;]*`) and form entity codes; `;` separates statements;
// - `%` starts `%%` comments and `%%{init}%%` directives; newlines and other controls end statements;
// - `< > &` would reach the HTML label as tags or character references;
// - a leading backtick makes a markdown string; `* _ ~` are markdown emphasis;
// - `$` (`$$…$$`) switches a label to KaTeX;
// - `:` is escaped only before `fa-`: `fa:fa-car` becomes a Font Awesome icon;
// - mermaid's placeholder characters `ﬂ ° ¶ ß` would decode into character references.
// Everything else printable (letters of any script, digits, space and
// `. , : / = + - ( ) ' ! ? @`) passes through, so addresses stay readable in
// topology.mmd.

/** Printable ASCII that is inert in flowchart quoted labels and in sequence messages and notes. */
const SAFE_ASCII = /^[A-Za-z0-9 .,:/=+\-'!?@()]$/;
/** Non-ASCII that is escaped anyway: controls, format characters, separators, and mermaid's entity placeholders. */
const UNSAFE_NON_ASCII = /^[\p{C}\p{Zl}\p{Zp}\uFB02\u00B0\u00B6\u00DF]$/u;
/** ASCII characters that never appear raw in an escaped label (the property test checks them). */
export const MERMAID_UNSAFE_CHARACTERS = [
  '"',
  "#",
  "$",
  "%",
  "&",
  "*",
  ";",
  "<",
  ">",
  "[",
  "\\",
  "]",
  "^",
  "_",
  "`",
  "{",
  "|",
  "}",
  "~",
  "\n",
  "\r",
  "\t",
] as const;

function entity(char: string): string {
  return `#${char.codePointAt(0) ?? 0};`;
}

function isSafe(char: string): boolean {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return SAFE_ASCII.test(char);
  return !UNSAFE_NON_ASCII.test(char);
}

/**
 * Escapes any text for use inside a Mermaid label: a flowchart quoted string
 * (node, subgraph title, edge label) or a sequence message or note. The result
 * holds no raw character from MERMAID_UNSAFE_CHARACTERS; `#` and `;` appear only
 * as the delimiters of `#<decimal>;` entity codes.
 */
export function escapeLabel(text: string): string {
  let out = "";
  // for…of walks code points, so a surrogate pair becomes one entity (and a lone surrogate its own).
  for (const char of text) {
    out += isSafe(char) ? char : entity(char);
  }
  out = out.replace(/:(?=fa-)/g, entity(":"));
  if (out.includes("#")) {
    // encodeEntities first strips the last `;` of any line matching
    // /style.*:\S*#.*;/ or /classDef.*:\S*#.*;/ (meant for style statements).
    // In a label that would cut an entity short, so break those words with an
    // entity of their own letter.
    out = out.replace(/style/g, `st${entity("y")}le`).replace(/classDef/g, `cl${entity("a")}ssDef`);
  }
  return out;
}

/** The line break Mermaid understands in both flowchart labels and sequence text. */
export const LABEL_LINE_BREAK = "<br/>";

/** Escapes each line and joins them with Mermaid line breaks. */
export function escapeLabelLines(lines: readonly string[]): string {
  return lines.map(escapeLabel).join(LABEL_LINE_BREAK);
}

/** Reverses escapeLabel (for tests and for reading labels back out of diagram text). */
export function decodeLabel(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/**
 * Text for `accTitle:` / `accDescr:`. Mermaid copies these into the SVG's
 * <title>/<desc> as plain text without decoding entity codes, so instead of
 * escaping, neutralise: line breaks and controls become spaces (the statement
 * is one line), and `#`, `%`, `;`, `&`, `<` and `>` become their full-width
 * forms so that no entity code, directive, style rule or HTML can form.
 */
export function escapeAccessibleText(text: string): string {
  return (
    text
      .replace(/[\p{C}\p{Zl}\p{Zp}]/gu, " ")
      .replace(/#/g, "\uFF03")
      .replace(/%/g, "\uFF05")
      .replace(/;/g, "\uFF1B")
      // Mermaid sanitises these texts as HTML: `<…>` would be cut and `&`, `<`, `>` shown as entities.
      .replace(/&/g, "\uFF06")
      .replace(/</g, "\uFF1C")
      .replace(/>/g, "\uFF1E")
      .trim()
  );
}

/**
 * `%%` comment lines (e.g. a provenance header for topology.mmd). A comment
 * ends at the line break, and `%%{` anywhere is read as a directive, so line
 * breaks become spaces and no `%%` survives inside the text.
 */
export function renderMermaidComment(lines: readonly string[]): string {
  return lines
    .map((line) => `%% ${line.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, " ").replace(/%(?=%)/g, "% ")}`)
    .join("\n");
}

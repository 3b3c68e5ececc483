// Stands in for the `marked` package inside mermaid (next.config.ts aliases it;
// issue 14: JavaScript fetched by the first live drawing, about 12 KiB gzip).
//
// Mermaid reads a label with marked's lexer only when the label is a markdown
// string (`"`…`"` in the diagram text). The wizard's diagrams never hold one:
// every label goes through lib/diagram/escape.ts, which writes a backtick as
// the entity `#96;`, and its property test checks that no label keeps a raw
// backtick. So the lexer is unreachable here; should a change ever reach it,
// the drawing fails with this message instead of silently losing the label.
// scripts/mermaid-marked-stub.test.ts checks that mermaid still uses nothing
// of marked but `marked.lexer`.
function lexer() {
  throw new Error(
    "This diagram has a markdown label, which the wizard does not load marked for (scripts/mermaid-marked-stub.mjs).",
  );
}

export const marked = { lexer };

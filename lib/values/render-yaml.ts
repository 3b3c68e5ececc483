// The only importer of `yaml` (DESIGN.md section 5: one adapter per library).
// Every YAML file the wizard writes goes through renderYaml, so quoting is the
// library's job, never string concatenation.
import { Document, parse, parseAllDocuments } from "yaml";

/** Options that make output stable and lint-clean: no line folding, block style. */
const TO_STRING = { lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

/**
 * The header as `#` lines. Comments carry no data, so writing them here is
 * safe; each line is one comment (split on every line break, CR included), and
 * blank lines become a bare `#` so the block stays one block (yamllint's
 * comments rule wants `# ` before text and no trailing spaces).
 */
function commentBlock(headerComment: string): string {
  if (headerComment === "") return "";
  const lines = headerComment.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
  return `${lines.map((line) => (line.trim() === "" ? "#" : `# ${line.trimEnd()}`)).join("\n")}\n\n`;
}

/** One YAML document with a header comment (provenance, notes). */
export function renderYaml(value: unknown, headerComment: string): string {
  return `${commentBlock(headerComment)}${new Document(value).toString(TO_STRING)}`;
}

/** Several documents in one file (`---` separated), e.g. Kubernetes manifests. */
export function renderYamlDocuments(values: unknown[], headerComment: string): string {
  const docs = values.map((value) => new Document(value).toString(TO_STRING));
  return `${commentBlock(headerComment)}${docs.join("---\n")}`;
}

/** Parse one YAML document (tests and the CLI read generated files back). */
export function parseYaml(text: string): unknown {
  return parse(text);
}

/** Parse every document of a multi-document file. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => doc.toJS());
}

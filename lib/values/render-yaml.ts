// The only importer of `yaml` (DESIGN.md section 5: one adapter per library).
// Every YAML file the wizard writes goes through renderYaml, so quoting is the
// library's job, never string concatenation; every values file a user brings is
// read by parseYamlValues (issue 15), with positions for messages that name lines.
import {
  Document,
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parse,
  parseAllDocuments,
  type Node,
  type Tags,
} from "yaml";

/**
 * Helm reads values with sigs.k8s.io/yaml, which is go-yaml v2: YAML 1.1, where
 * `yes`, `no`, `on`, `off`, `y` and `n` are booleans and `0755` is octal. Both
 * directions follow it. Writing: with version 1.1 the library quotes every such
 * string (a zone or release named `no` stays the text "no" for Helm; under the
 * library's 1.2 default it was written bare and Helm read `false`). The output
 * carries no `%YAML` directive, so it is still plain YAML to every other tool.
 */
const HELM_YAML_VERSION = "1.1";

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

function helmDocument(value: unknown): Document {
  return new Document(value, { version: HELM_YAML_VERSION });
}

/** One YAML document with a header comment (provenance, notes). */
export function renderYaml(value: unknown, headerComment: string): string {
  return `${commentBlock(headerComment)}${helmDocument(value).toString(TO_STRING)}`;
}

/** Several documents in one file (`---` separated), e.g. Kubernetes manifests. */
export function renderYamlDocuments(values: unknown[], headerComment: string): string {
  const docs = values.map((value) => helmDocument(value).toString(TO_STRING));
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

// ── Reading values a user brings (issue 15) ──────────────────────────────────

export type YamlIssueKind = "syntax" | "duplicate-key" | "tag" | "key" | "alias" | "value";

/** Something in the text Helm would read differently or not at all; lines are 1-based. */
export interface YamlIssue {
  kind: YamlIssueKind;
  message: string;
  line: number;
  column: number;
}

/** Where a map key or list item sits: the path from the document's root, and its line. */
export interface YamlEntry {
  path: Array<string | number>;
  line: number;
}

export interface ParsedYamlDocument {
  /** Plain data: objects, arrays, strings, numbers, booleans and null. */
  value: unknown;
  /** Line of the document's first content (or of its `---`). */
  line: number;
  /** Every map key and list item, in document order, anchors expanded. */
  entries: YamlEntry[];
  /** Lines of the aliases (`*name`) that were expanded. */
  aliasLines: number[];
  issues: YamlIssue[];
}

export interface YamlReadLimits {
  /** Values created in total, aliases expanded: bounds an alias bomb (nested aliases that multiply). */
  maxNodes: number;
  /** Aliases expanded in total (the library's own default limit is 100). */
  maxAliases: number;
}

/**
 * The tags Helm's reader resolves like plain values. Everything else (`!vault`,
 * `!!binary`, `!!set`, `!!timestamp`, a custom `!Ref`) is either an error for
 * go-yaml or arrives as something other than what the text shows.
 */
const PLAIN_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * YAML 1.1 as go-yaml v2 reads it: booleans, nulls, ints (binary, octal, hex)
 * and floats, but none of the library's 1.1 extras go-yaml does not apply to
 * plain values: timestamps stay text (go-yaml turns them into time values only
 * for time fields, and Helm's map of values has none), and base-60 numbers
 * (`1:30`), `!!binary`, `!!set`, `!!omap` and `!!pairs` are left unresolved.
 */
function helmTags(tags: Tags): Tags {
  const extras = ["binary", "omap", "pairs", "set", "timestamp"].map(
    (t) => `tag:yaml.org,2002:${t}`,
  );
  return tags.filter(
    (tag) =>
      typeof tag !== "object" ||
      !(extras.includes(tag.tag) || ("format" in tag && tag.format === "TIME")),
  );
}

/** Keys that would reach an object's prototype when assigned; no chart has them. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

class ReadLimit extends Error {}

/** A broken file can produce one error per character; the first few say enough. */
const MAX_ISSUES = 20;

/**
 * Reads every document of `text` as Helm would, keeping positions for
 * messages. Never throws for any input text: problems come back as issues
 * (a document may then hold partial data, which callers must not use).
 */
export function parseYamlValues(text: string, limits: YamlReadLimits): ParsedYamlDocument[] {
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(text, {
      version: HELM_YAML_VERSION,
      customTags: helmTags,
      uniqueKeys: true,
      prettyErrors: false,
      lineCounter,
    });
  } catch (error) {
    return [failedDocument(error)];
  }
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const parsed: ParsedYamlDocument[] = [];
  const budget = { nodes: 0, aliases: 0 };
  for (const doc of documents) {
    const issues: YamlIssue[] = [];
    for (const error of doc.errors) {
      // Duplicate keys are reported below, with both lines.
      if (error.code === "DUPLICATE_KEY") continue;
      const deep = /call stack/i.test(error.message);
      const message = deep ? "The values are nested too deeply to read." : firstLine(error.message);
      if (issues.some((issue) => issue.message === message)) continue;
      issues.push({ kind: "syntax", message, ...at(error.pos[0]) });
      if (issues.length >= MAX_ISSUES) break;
    }
    const entries: YamlEntry[] = [];
    const aliasLines: number[] = [];
    const expanding = new Set<Node>();
    const lineOf = (node: Node | null | undefined) => at(node?.range?.[0] ?? 0).line;

    const toValue = (node: unknown, path: Array<string | number>): unknown => {
      if (node === null || node === undefined) return null;
      if (isAlias(node)) {
        aliasLines.push(lineOf(node));
        budget.aliases += 1;
        if (budget.aliases > limits.maxAliases) {
          throw new ReadLimit(
            `More than ${limits.maxAliases} aliases (*name): Helm values rarely need them, and this many can expand without bound.`,
          );
        }
        const target = node.resolve(doc);
        if (target === undefined) {
          issues.push({
            kind: "alias",
            message: `The alias *${node.source} has no anchor &${node.source} before it.`,
            ...at(node.range?.[0] ?? 0),
          });
          return null;
        }
        if (expanding.has(target)) {
          issues.push({
            kind: "alias",
            message: `The alias *${node.source} refers to a value that contains it.`,
            ...at(node.range?.[0] ?? 0),
          });
          return null;
        }
        expanding.add(target);
        try {
          return toValue(target, path);
        } finally {
          expanding.delete(target);
        }
      }
      budget.nodes += 1;
      if (budget.nodes > limits.maxNodes) {
        throw new ReadLimit(
          `The values expand to more than ${limits.maxNodes} entries; anchors and aliases (&name, *name) can multiply a small file into a huge one (an alias bomb).`,
        );
      }
      const tagged = node as Node;
      if (tagged.tag !== undefined && !PLAIN_TAGS.has(tagged.tag)) {
        issues.push({
          kind: "tag",
          message: `The tag ${shortTag(tagged.tag)} is not a plain value: Helm cannot read it as the text shows. Remove the tag.`,
          ...at(tagged.range?.[0] ?? 0),
        });
      }
      if (isScalar(node)) {
        const value = node.value;
        if (typeof value === "number" && !Number.isFinite(value)) {
          issues.push({
            kind: "value",
            message: "Infinity and NaN cannot be Helm values (Helm turns values into JSON).",
            ...at(node.range?.[0] ?? 0),
          });
          return null;
        }
        if (typeof value === "bigint") return Number(value);
        return value ?? null;
      }
      if (isSeq(node)) {
        return node.items.map((item, index) => {
          entries.push({ path: [...path, index], line: lineOf(item as Node) });
          return toValue(item, [...path, index]);
        });
      }
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        const merges: unknown[] = [];
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          const key = pair.key;
          const keyNode = key as Node | null;
          const mergeKey =
            isScalar(key) &&
            (typeof key.value === "symbol" || (key.type === "PLAIN" && key.value === "<<"));
          if (mergeKey) {
            // YAML 1.1 merge key (go-yaml v2 applies it): explicit keys win, whatever their order.
            merges.push(pair.value);
            continue;
          }
          if (!isScalar(key) || (key.value !== null && typeof key.value === "object")) {
            issues.push({
              kind: "key",
              message: "A key must be plain text, not a list, a map or an alias.",
              ...at(keyNode?.range?.[0] ?? 0),
            });
            continue;
          }
          const name = String(key.value);
          if (UNSAFE_KEYS.has(name)) {
            issues.push({
              kind: "key",
              message: `The key ${name} is not allowed (no chart uses it, and it is a way to attack JavaScript tools).`,
              ...at(key.range?.[0] ?? 0),
            });
            continue;
          }
          const line = lineOf(key);
          const earlier = seen.get(name);
          if (earlier !== undefined) {
            issues.push({
              kind: "duplicate-key",
              message: `The key ${name} appears twice, at lines ${earlier} and ${line}. Helm silently uses only the one at line ${line}; keep one.`,
              ...at(key.range?.[0] ?? 0),
            });
          }
          seen.set(name, line);
          entries.push({ path: [...path, name], line });
          out[name] = toValue(pair.value, [...path, name]);
        }
        for (const source of merges) {
          const merged = toValue(source, path);
          const maps = Array.isArray(merged) ? merged : [merged];
          for (const map of maps) {
            if (map === null || typeof map !== "object" || Array.isArray(map)) {
              issues.push({
                kind: "value",
                message: "A merge key (<<) takes a map or a list of maps.",
                ...at(node.range?.[0] ?? 0),
              });
              continue;
            }
            for (const [k, v] of Object.entries(map)) if (!Object.hasOwn(out, k)) out[k] = v;
          }
        }
        return out;
      }
      return null;
    };

    let value: unknown = null;
    try {
      value = toValue(doc.contents, []);
    } catch (error) {
      if (!(error instanceof ReadLimit || error instanceof RangeError)) throw error;
      issues.push({
        kind: "alias",
        message:
          error instanceof ReadLimit ? error.message : "The values are nested too deeply to read.",
        line: aliasLines[0] ?? lineOf(doc.contents),
        column: 1,
      });
      value = null;
    }
    const start = doc.range[0];
    parsed.push({
      value,
      line: at(doc.contents?.range?.[0] ?? start).line,
      entries,
      aliasLines,
      issues,
    });
  }
  return parsed;
}

function failedDocument(error: unknown): ParsedYamlDocument {
  const message =
    error instanceof RangeError
      ? "The values are nested too deeply to read."
      : `Could not read the text as YAML (${error instanceof Error ? error.message : String(error)}).`;
  return {
    value: null,
    line: 1,
    entries: [],
    aliasLines: [],
    issues: [{ kind: "syntax", message, line: 1, column: 1 }],
  };
}

function firstLine(message: string): string {
  // The library appends " at line N, column M:" and a source excerpt; callers name the line.
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}

function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

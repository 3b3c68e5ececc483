// Untrusted text in, Helm values documents out (issue 15, "Bad input gets a
// clear error and loses nothing"). Every refusal is a plain sentence naming the
// file and, where there is one, the line. Nothing here throws for any input.
import { DOCUMENTED_KEYS, FORBIDDEN_KEYS } from "../scenario/chart-keys";
import { isPlainObject, type HelmValues } from "../values/merge";
import { parseYamlValues } from "../values/render-yaml";
import { pathKey, type KeyPath } from "./paths";

/** One values file as the user gave it: a file name, or "pasted values" / "standard input". */
export interface ValuesSource {
  name: string;
  text: string;
}

/** A reason the values cannot be read; `line` is 1-based, null when it concerns the whole file. */
export interface ValuesInputError {
  source: string;
  line: number | null;
  message: string;
}

export interface ValuesDocument {
  source: string;
  values: HelmValues;
  /** The line of every key and list item, by pathKey(). */
  lines: ReadonlyMap<string, number>;
  /** Lines where an alias was expanded (the corrected file writes the values out in full). */
  aliasLines: readonly number[];
  /** Things worth knowing that did not stop the reading (a stripped `helm get values` header). */
  notes: readonly string[];
}

export type ParseValuesResult =
  { ok: true; documents: ValuesDocument[] } | { ok: false; errors: ValuesInputError[] };

/**
 * Helm values files are a few KiB; even with extraObjects they stay far below
 * this. The bound keeps a mistaken file (a log, a disk image, a 5 MB dump)
 * from freezing the page: it is refused before it is parsed.
 */
export const MAX_VALUES_BYTES = 1024 * 1024;
/** The most files one import takes: a shared file and per-zone files (six zones at most) with room to spare. */
export const MAX_VALUES_FILES = 12;

const READ_LIMITS = { maxNodes: 100_000, maxAliases: 100 };

/** Top-level keys that only the Bufstream chart has; generic Helm keys (nameOverride, ...) do not count. */
const GENERIC_KEYS = new Set([
  "nameOverride",
  "namespaceOverride",
  "namespaceCreate",
  "imagePullSecrets",
  "extraObjects",
  "name",
]);
const BUFSTREAM_TOP_KEYS: ReadonlySet<string> = new Set(
  [...DOCUMENTED_KEYS, ...FORBIDDEN_KEYS].map((key) => key.split(".")[0] ?? key),
);
const DISTINCTIVE_KEYS = new Set([...BUFSTREAM_TOP_KEYS].filter((key) => !GENERIC_KEYS.has(key)));
/** Keys that, found one level down, say the values belong to a chart that includes Bufstream. */
const CHART_ROOT_KEYS = ["kafka", "storage", "metadata", "cluster", "observability", "zone"];

/**
 * `helm get values` without `-o yaml` prints a heading first; `--all` prints
 * another. As YAML the heading would become a key, so it is blanked (the line
 * stays, so line numbers still match the user's text).
 */
const HELM_HEADINGS = /^(USER-SUPPLIED VALUES|COMPUTED VALUES):[ \t]*$/;

export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The refusal for a file over MAX_VALUES_BYTES; the page uses it before reading a file at all. */
export function tooLargeError(source: string, bytes: number): ValuesInputError {
  return {
    source,
    line: null,
    message: `${describeSize(bytes)} is far more than a Helm values file (a few KB): is this the right file? The wizard reads values files up to ${describeSize(MAX_VALUES_BYTES)}.`,
  };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function stripHeading(text: string): { text: string; note: string | null } {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  if (first === -1 || !HELM_HEADINGS.test((lines[first] ?? "").replace(/\r$/, ""))) {
    return { text, note: null };
  }
  const heading = (lines[first] ?? "").trim();
  lines[first] = "";
  const note = heading.startsWith("COMPUTED")
    ? "Read the output of helm get values --all (every chart default included). Without --all, only the values you set are shown, and the corrected file keeps only those."
    : "Read the output of helm get values (its USER-SUPPLIED VALUES heading is not a key).";
  return { text: lines.join("\n"), note };
}

function looksBinary(text: string): boolean {
  return text.includes("\u0000");
}

/** Reads one source; one document on success. */
function parseSource(source: ValuesSource): ValuesDocument | ValuesInputError[] {
  const name = source.name;
  const fail = (message: string, line: number | null = null) => [{ source: name, line, message }];
  const bytes = utf8Length(source.text);
  if (bytes > MAX_VALUES_BYTES) return [tooLargeError(name, bytes)];
  if (looksBinary(source.text)) {
    return fail("This is not a text file (it contains NUL bytes). Helm values are YAML text.");
  }
  const { text, note } = stripHeading(source.text.replace(/^\uFEFF/, ""));
  const documents = parseYamlValues(text, READ_LIMITS).filter(
    (doc) => doc.value !== null || doc.entries.length > 0 || doc.issues.length > 0,
  );
  const notes = note === null ? [] : [note];
  if (documents.length === 0) {
    return {
      source: name,
      values: {},
      lines: new Map(),
      aliasLines: [],
      notes: [
        ...notes,
        "Holds no values: a release with these values runs on the chart's defaults.",
      ],
    };
  }
  const issues = documents.flatMap((doc) => doc.issues);
  if (issues.length > 0) {
    return issues.map((issue) => ({
      source: name,
      line: issue.line,
      message:
        issue.kind === "syntax"
          ? `This is not valid YAML: ${sentence(issue.message)}`
          : issue.message,
    }));
  }
  const manifest = documents.map((doc) => manifestKind(doc.value)).find((kind) => kind !== null);
  if (manifest !== undefined && manifest !== null) {
    const doc = documents.find((d) => manifestKind(d.value) === manifest);
    return fail(
      `This is a Kubernetes manifest (kind ${manifest}), not Helm values. To see the values a release runs with: helm get values <release> -n <namespace> -o yaml`,
      doc?.line ?? 1,
    );
  }
  if (documents.length > 1) {
    return fail(
      `This file holds ${documents.length} YAML documents (the second starts at line ${documents[1]?.line ?? "?"}). A values file is one document, and Helm reads only the first. Put each in a file of its own and give them in layering order.`,
      documents[1]?.line ?? null,
    );
  }
  const doc = documents[0];
  if (doc === undefined) return fail("Holds no values.");
  if (doc.value === null) {
    return {
      source: name,
      values: {},
      lines: new Map(),
      aliasLines: doc.aliasLines,
      notes: [
        ...notes,
        "Holds no values: a release with these values runs on the chart's defaults.",
      ],
    };
  }
  if (!isPlainObject(doc.value)) {
    return fail(
      `Helm values are a map of keys at the top, but this holds ${Array.isArray(doc.value) ? "a list" : "a single value"}.`,
      doc.line,
    );
  }
  const values = doc.value;
  const lines = new Map(doc.entries.map((entry) => [pathKey(entry.path), entry.line]));
  const lineOf = (path: KeyPath) => lines.get(pathKey(path)) ?? doc.line;
  const foreign = foreignChart(values);
  if (foreign !== null) {
    return fail(
      foreign.kind === "wrapped"
        ? `These look like the values of a chart that includes Bufstream as its subchart ${foreign.key}: the Bufstream keys (${foreign.found.join(", ")}) sit under ${foreign.key}:. Give the part under ${foreign.key}: on its own, or the values of the Bufstream release itself.`
        : `These are not values for the Bufstream chart: none of its keys (kafka, bufstream, storage, metadata, cluster, ...) appear. The top-level keys are ${foreign.found.join(", ")}.`,
      lineOf([foreign.key]),
    );
  }
  return { source: name, values, lines, aliasLines: doc.aliasLines, notes };
}

function sentence(message: string): string {
  const text = message.trim();
  if (text === "") return "the text cannot be read.";
  const first = text.charAt(0).toLowerCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The `kind` of a Kubernetes object (apiVersion + kind), or null. */
function manifestKind(value: unknown): string | null {
  if (!isPlainObject(value)) return null;
  const { apiVersion, kind } = value;
  return typeof apiVersion === "string" && typeof kind === "string" && kind !== "" ? kind : null;
}

type Foreign = { kind: "other" | "wrapped"; key: string; found: string[] };

/** Values written for another chart, or for a chart that wraps Bufstream; null when they look like Bufstream's. */
function foreignChart(values: HelmValues): Foreign | null {
  const keys = Object.keys(values);
  for (const key of keys) {
    // Chart keys whose maps are free-form (configOverrides may well hold `kafka:`)
    // say nothing; `bufstream` is a chart key, but its own children are
    // service, deployment, ... never kafka or storage.
    if (DISTINCTIVE_KEYS.has(key) && key !== "bufstream") continue;
    const child = values[key];
    if (!isPlainObject(child)) continue;
    const found = CHART_ROOT_KEYS.filter((root) => Object.hasOwn(child, root));
    const otherChartKeys = keys.filter((k) => k !== key && DISTINCTIVE_KEYS.has(k));
    if (found.length > 0 && otherChartKeys.length === 0) return { kind: "wrapped", key, found };
  }
  if (keys.some((key) => DISTINCTIVE_KEYS.has(key))) return null;
  const unknown = keys.filter((key) => !BUFSTREAM_TOP_KEYS.has(key));
  if (unknown.length === 0) return null;
  return { kind: "other", key: unknown[0] ?? "", found: unknown.slice(0, 8) };
}

/** Reads every source; all of them must be readable, or nothing is imported. */
export function parseValuesSources(sources: readonly ValuesSource[]): ParseValuesResult {
  if (sources.length === 0) {
    return {
      ok: false,
      errors: [{ source: "", line: null, message: "Give at least one values file." }],
    };
  }
  if (sources.length > MAX_VALUES_FILES) {
    return {
      ok: false,
      errors: [
        {
          source: "",
          line: null,
          message: `${sources.length} files is more than a release needs (a shared file and one per zone); the wizard reads up to ${MAX_VALUES_FILES}.`,
        },
      ],
    };
  }
  const documents: ValuesDocument[] = [];
  const errors: ValuesInputError[] = [];
  for (const source of sources) {
    const result = parseSource(source);
    if (Array.isArray(result)) errors.push(...result);
    else documents.push(result);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, documents };
}

/** `file:line: message`, the way compilers and the CLI print a problem. */
export function formatInputError(error: ValuesInputError): string {
  const where = [error.source, error.line === null ? null : String(error.line)]
    .filter((part): part is string => part !== null && part !== "")
    .join(":");
  return where === "" ? error.message : `${where}: ${error.message}`;
}

/** The line of `path` in a document, or of its nearest ancestor that has one. */
export function lineOf(doc: ValuesDocument, path: KeyPath): number | null {
  for (let n = path.length; n > 0; n--) {
    const line = doc.lines.get(pathKey(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return null;
}

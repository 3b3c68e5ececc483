// What the readers share: where each value came from (file and line, for
// messages that name them), the values the scenario cannot hold (the corrected
// file keeps the user's own there), and notes made while reading.
import { isSecretValue } from "./secrets";
import { displayPath, getPath, getString, pathKey, type KeyPath } from "./paths";
import { lineOf } from "./parse-values";
import type { ValuesLayout, ValuesRelease } from "./layout";
import type { FindingDraft, ValuesFinding } from "./types";

/** The values key a scenario field was read from. */
export interface FieldSource {
  source: string | null;
  line: number | null;
  key: string;
}

export class ReadContext {
  /** Scenario field path (dot-joined, as the form names it) -> where its value came from. */
  readonly sources = new Map<string, FieldSource>();
  /** Values paths the scenario cannot represent: the corrected file keeps the user's value. */
  readonly preserved: KeyPath[] = [];
  readonly notes: ValuesFinding[] = [];

  constructor(readonly layout: ValuesLayout) {}

  /** The file and line of `path` in a release: the last layer that sets it wins, as in Helm. */
  where(path: KeyPath, release: ValuesRelease | undefined = this.layout.releases[0]): FieldSource {
    const layers = release?.layers ?? [];
    for (let i = layers.length - 1; i >= 0; i--) {
      const doc = layers[i];
      if (doc !== undefined && getPath(doc.values, path) !== undefined) {
        return { source: doc.source, line: lineOf(doc, path), key: displayPath(path) };
      }
    }
    return { source: null, line: null, key: displayPath(path) };
  }

  /** Records that `field` came from `path`. */
  from(field: string, path: KeyPath, release?: ValuesRelease): void {
    this.sources.set(field, this.where(path, release));
  }

  preserve(path: KeyPath): void {
    if (!this.preserved.some((p) => pathKey(p) === pathKey(path))) this.preserved.push(path);
  }

  note(path: KeyPath | null, finding: FindingDraft, release?: ValuesRelease): void {
    const at = path === null ? { source: null, line: null, key: null } : this.where(path, release);
    this.notes.push({ resolved: false, ...finding, source: at.source, line: at.line, key: at.key });
  }

  /**
   * A string for a scenario field, or undefined. A value that looks like a
   * secret never enters the scenario (the scenario travels in links and the
   * local save): it is left out, said so, and kept (masked) in the corrected file.
   */
  text(values: unknown, path: KeyPath, release?: ValuesRelease): string | undefined {
    const value = getString(values, path);
    if (value === undefined || !isSecretValue(value)) return value;
    this.preserve(path);
    this.note(
      path,
      {
        id: "values-secret-not-read",
        severity: "warning",
        message: `${displayPath(path)} looks like it holds a password or key, so the wizard does not copy it into the scenario (which a link carries).`,
        fix: "Keep secrets in a Kubernetes Secret and name the Secret in the values; the corrected file keeps this value, masked.",
      },
      release,
    );
    return undefined;
  }
}

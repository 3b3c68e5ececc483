// Shapes shared by the import modules (issue 15).
import type { Severity } from "../check/types";
import type { KeyPath } from "./paths";

/**
 * Something about the values themselves, as they stand: a misspelt or
 * deprecated key, a key the chart ignores, an address the brokers advertise
 * now. The topology check (lib/check) judges the derived scenario; these judge
 * the file. Messages never quote a value that looks like a secret.
 */
export interface ValuesFinding {
  /** Stable id, e.g. `values-deprecated-key`; tests and the CLI key on it. */
  id: string;
  severity: Severity;
  message: string;
  fix: string;
  /** The file it is in, or null when it concerns the whole set of files. */
  source: string | null;
  line: number | null;
  /** The key it is about (as displayPath writes it), or null. */
  key: string | null;
  /**
   * True when the corrected values (for the scenario in the form) no longer
   * have the problem. The finding still stands for the values as given: the
   * CLI's --check counts it, the page marks it "fixed in the corrected files".
   */
  resolved: boolean;
}

/** A finding before it is placed: where it is comes from the reader, `resolved` defaults to false. */
export type FindingDraft = Omit<ValuesFinding, "source" | "line" | "key" | "resolved"> & {
  resolved?: boolean;
};

/**
 * A change the corrected values make to the user's own keys before the
 * wizard's keys are layered on: a deprecated key renamed to its current
 * name, a misspelt key to the one it was meant to be, a non-key removed.
 */
export interface Fixup {
  from: KeyPath;
  /** The key it becomes, or null to remove it. */
  to: KeyPath | null;
  /** The value under the new key, from the old one (e.g. "true" -> "internal"); the same value when absent. */
  convert?: (value: unknown) => unknown;
  /** Why, in one sentence (the diff shows it). */
  reason: string;
}

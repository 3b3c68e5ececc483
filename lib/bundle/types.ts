/** What a generated file is, for the page's panels and icons. */
export type BundleFileKind = "values" | "manifest" | "script" | "diagram" | "readme";

export interface BundleFile {
  /** File name inside the bundle, e.g. `bufstream-values.yaml`. */
  name: string;
  kind: BundleFileKind;
  content: string;
}

/** Inputs a bundle needs beyond the scenario; passed in, never read from globals. */
export interface BundleContext {
  /** The wizard's version, written into every provenance comment. */
  generatorVersion: string;
  /** The share link that reproduces this scenario, or null when there is none. */
  shareLink: string | null;
}

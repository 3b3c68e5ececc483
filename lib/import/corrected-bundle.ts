// The corrected bundle (issue 15): the wizard's bundle for the scenario in the
// form, as it is, plus the corrected values files, which keep the user's own
// keys. The page's "Download corrected bundle" and the CLI's `--values ... --out`
// both write this.
//
// Why beside, not instead of, the bundle's own values files: imported values are
// a running release's, and on an existing release install.sh layers the
// bundle's values on the values the release runs with (helm get values), which
// keeps the user's keys already. A corrected file in their place would also
// put its secret markers over the release's real secrets. The corrected files
// are the whole set, corrected, to keep in a repository.
import { buildBundle } from "../bundle/build-bundle";
import { provenanceLines } from "../bundle/provenance";
import type { BundleContext, BundleFile } from "../bundle/types";
import type { Scenario } from "../scenario/schema";
import { renderYaml } from "../values/render-yaml";
import { buildCorrectedValues, type CorrectedFile } from "./corrected-values";
import type { ImportedValues } from "./import-values";

/** `corrected-<file>`: never a name of the bundle's own (those start with the release's name). */
export function correctedFileName(name: string): string {
  return `corrected-${name}`;
}

const NOT_READ_BY_INSTALL = [
  "",
  "install.sh does not read this file: on a release that exists it layers the bundle's own values",
  "files on the values the release runs with (helm get values), which keeps your keys. This file is",
  "the whole set, corrected, to keep in your repository (put the secrets back, or move them into",
  "Kubernetes Secrets).",
];

/** One corrected values file as text: provenance, what was corrected, then the values (secrets left out). */
export function renderCorrectedFile(file: CorrectedFile, s: Scenario, ctx: BundleContext): string {
  return renderYaml(
    file.forDownload,
    [...provenanceLines(s, ctx), "", ...file.notes, ...NOT_READ_BY_INSTALL].join("\n"),
  );
}

export function buildCorrectedBundle(
  imported: ImportedValues,
  s: Scenario,
  ctx: BundleContext,
  corrected: readonly CorrectedFile[] = buildCorrectedValues(imported, s),
): BundleFile[] {
  return [
    ...buildBundle(s, ctx),
    ...corrected.map((file) => ({
      name: correctedFileName(file.name),
      kind: "values" as const,
      content: renderCorrectedFile(file, s, ctx),
    })),
  ];
}

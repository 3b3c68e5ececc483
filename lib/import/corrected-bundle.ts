// The corrected bundle (issue 15): the wizard's bundle for the scenario in the
// form, with each values file replaced by its corrected version, which keeps
// the user's own keys. Same file names, so install.sh and the README apply
// as they are. The page's "Download corrected bundle" and the CLI's
// `--values ... --out` both write this.
import { buildBundle } from "../bundle/build-bundle";
import { provenanceLines } from "../bundle/provenance";
import type { BundleContext, BundleFile } from "../bundle/types";
import type { Scenario } from "../scenario/schema";
import { renderYaml } from "../values/render-yaml";
import { buildCorrectedValues, type CorrectedFile } from "./corrected-values";
import type { ImportedValues } from "./import-values";

/** One corrected values file as text: provenance, what was corrected, then the values (secrets left out). */
export function renderCorrectedFile(file: CorrectedFile, s: Scenario, ctx: BundleContext): string {
  return renderYaml(file.forDownload, [...provenanceLines(s, ctx), "", ...file.notes].join("\n"));
}

export function buildCorrectedBundle(
  imported: ImportedValues,
  s: Scenario,
  ctx: BundleContext,
  corrected: readonly CorrectedFile[] = buildCorrectedValues(imported, s),
): BundleFile[] {
  const byName = new Map(corrected.map((file) => [file.name, file]));
  return buildBundle(s, ctx).map((file) => {
    const mine = file.kind === "values" ? byName.get(file.name) : undefined;
    return mine === undefined ? file : { ...file, content: renderCorrectedFile(mine, s, ctx) };
  });
}

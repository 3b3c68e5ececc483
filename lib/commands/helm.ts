// The one `helm upgrade --install` line shape every step uses (domain 2.2:
// Buf's Terraform form, idempotent; gotcha 13: `helm install` twice fails).
import type { Scenario } from "../scenario/schema";
import { sharedValuesFileName } from "../values/build-values";
import { shellQuote } from "./shell-quote";

/**
 * `helm upgrade --install` as continued lines. `releaseWord` and `zoneFileWord`
 * are ready shell words (quoted, or a "${ZONE}" interpolation from zones.ts);
 * zonal releases layer the zone's file after the shared one.
 */
export function helmUpgradeLines(
  s: Scenario,
  releaseWord: string,
  zoneFileWord: string | null,
  extraArgs: string[] = [],
): string[] {
  const parts = [
    `helm upgrade --install ${releaseWord} ${shellQuote(s.release.chart)}`,
    `--version ${shellQuote(s.release.chartVersion)}`,
    `--namespace ${shellQuote(s.release.namespace)}`,
    `--values ${shellQuote(sharedValuesFileName(s.release.name))}`,
    ...(zoneFileWord === null ? [] : [`--values ${zoneFileWord}`]),
    ...extraArgs,
    "--wait",
  ];
  return parts.map((part, i) => {
    const indented = i === 0 ? part : `  ${part}`;
    return i < parts.length - 1 ? `${indented} \\` : indented;
  });
}

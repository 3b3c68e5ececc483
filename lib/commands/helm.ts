// The `helm upgrade --install` line shape every step uses (domain 2.2:
// Buf's Terraform form, idempotent; gotcha 13: `helm install` twice fails),
// and the preview commands built from the same arguments, so what is
// previewed is exactly what is applied.
import type { Scenario } from "../scenario/schema";
import { sharedValuesFileName } from "../values/build-values";
import { layersOnBase } from "./layering";
import { newInstallUpgradeArgs } from "./new-install-guard";
import { shellQuote } from "./shell-quote";

/** The shell word of the file a single release's values are layered on (set by the base-values step). */
export const BASE_VALUES_WORD = '"${BASE_VALUES}"';
/** The same inside the zone loop: a function of the zone (lib/commands/layering.ts). */
export const ZONE_BASE_VALUES_WORD = '"$(base_values_file "${ZONE}")"';

/**
 * The arguments after `helm <verb>`: release, chart, version, namespace and
 * the values files in the order Helm layers them (later files win key by
 * key): the base the bundle is layered on (an existing release's values or
 * the user's own file), the shared file, the zone's file. `releaseWord` and
 * `zoneFileWord` are ready shell words (quoted, or a "${ZONE}" interpolation
 * from zones.ts).
 */
export function helmReleaseArgs(
  s: Scenario,
  releaseWord: string,
  zoneFileWord: string | null,
  extraArgs: string[] = [],
): string[] {
  const base = layersOnBase(s)
    ? [`--values ${zoneFileWord === null ? BASE_VALUES_WORD : ZONE_BASE_VALUES_WORD}`]
    : [];
  return [
    `${releaseWord} ${shellQuote(s.release.chart)}`,
    `--version ${shellQuote(s.release.chartVersion)}`,
    `--namespace ${shellQuote(s.release.namespace)}`,
    ...base,
    `--values ${shellQuote(sharedValuesFileName(s.release.name))}`,
    ...(zoneFileWord === null ? [] : [`--values ${zoneFileWord}`]),
    ...extraArgs,
  ];
}

/** `helm <verb> <args…> <last>` as continued lines (` \` at the end of all but the last). */
function helmLines(verb: string, args: string[], last: string): string[] {
  const [first = "", ...rest] = args;
  const parts = [`helm ${verb} ${first}`, ...rest, last];
  return parts.map((part, i) => {
    const indented = i === 0 ? part : `  ${part}`;
    return i < parts.length - 1 ? `${indented} \\` : indented;
  });
}

/** `helm upgrade --install … --wait` as continued lines. */
export function helmUpgradeLines(
  s: Scenario,
  releaseWord: string,
  zoneFileWord: string | null,
  extraArgs: string[] = [],
): string[] {
  return helmLines(
    "upgrade --install",
    helmReleaseArgs(s, releaseWord, zoneFileWord, [...extraArgs, ...newInstallUpgradeArgs(s)]),
    "--wait",
  );
}

/**
 * `helm diff upgrade` (the helm-diff plugin) with the same arguments;
 * `--allow-unreleased` shows a release that does not exist yet as all new.
 */
export function helmDiffLines(
  s: Scenario,
  releaseWord: string,
  zoneFileWord: string | null,
  extraArgs: string[] = [],
): string[] {
  return helmLines(
    "diff upgrade",
    helmReleaseArgs(s, releaseWord, zoneFileWord, extraArgs),
    "--allow-unreleased",
  );
}

// The zone loop of install.sh. The docs write `for ZONE in $ZONES`, which in
// bash visits only the first element of the array (gotcha 3); we always
// iterate "${ZONES[@]}".
import { DNS_1035_LABEL, DNS_1123_LABEL } from "../scenario/names";
import type { Scenario } from "../scenario/schema";
import type { TopologyPlan } from "../topology/plan";
import { zoneValuesFileName } from "../values/build-values";
import { shellQuote } from "./shell-quote";

export interface ZonalContext {
  zones: string[];
  /** The zonal release name inside the loop, unquoted: `bufstream-${ZONE}` (embed in double quotes). */
  releaseExpr: string;
  /** The same as a complete shell word: `"bufstream-${ZONE}"`. */
  releaseWord: string;
  /** The zone's values file as a shell word inside the loop. */
  zoneFileWord: string;
}

/**
 * Words that interpolate `${ZONE}` must be double-quoted, so the release name
 * around it cannot be shell-quoted; the schema restricts it to a DNS-1035
 * label (inert in double quotes). Guard anyway: never build a script from an
 * unvalidated name.
 */
function assertInert(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value))
    throw new Error(`Invalid ${what} ${JSON.stringify(value)}: validate the scenario first.`);
  return value;
}

export function zonal(s: Scenario, plan: TopologyPlan): ZonalContext | null {
  if (!plan.releases.some((r) => r.zone !== null)) return null;
  const release = assertInert(s.release.name, DNS_1035_LABEL, "release name");
  const zones = plan.releases.flatMap((r) =>
    r.zone === null ? [] : [assertInert(r.zone, DNS_1123_LABEL, "zone")],
  );
  const marker = "ZONEMARKER";
  return {
    zones,
    releaseExpr: `${release}-\${ZONE}`,
    releaseWord: `"${release}-\${ZONE}"`,
    zoneFileWord: `"${zoneValuesFileName(release, marker).replace(marker, "${ZONE}")}"`,
  };
}

/** `ZONES=(...)` and a loop running `body` once per zone, indented. */
export function zoneLoop(z: ZonalContext, body: string[]): string[] {
  return [
    `ZONES=(${z.zones.map(shellQuote).join(" ")})`,
    'for ZONE in "${ZONES[@]}"; do',
    ...body.map((line) => `  ${line}`),
    "done",
  ];
}

// What this bundle's values are layered on (domain 8.1). `helm upgrade` with
// any --values renders the chart's defaults plus only the files it is given:
// a release's earlier values are not kept. So a bundle for an existing
// release reads them first (`helm get values`, the user-supplied values) into
// a file next to install.sh and passes it before our files; later files win
// key by key, so only the keys this bundle sets change. GitOps users name
// their own base file instead (BUFSTREAM_BASE_VALUES, or one per zone).
//
// Zone-aware: every zonal release `<release>-<zone>` is a release of its own
// with values of its own, so each zone is read and layered separately, and
// each must exist (or have a base file). Everything here runs before any
// change: a missing release stops the script before the namespace step.
import type { Scenario } from "../scenario/schema";
import { type ReleasePlan, type TopologyPlan } from "../topology/plan";
import { CALLER_PATH_FN } from "./render-script";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { zoneLoop, type ZonalContext } from "./zones";

/** Names a values file of the user's own to layer on instead of the release's current values. */
export const BASE_VALUES_ENV = "BUFSTREAM_BASE_VALUES";

/** True when install.sh layers this bundle's values on a base: an existing release, or networking-only values. */
export function layersOnBase(s: Scenario): boolean {
  return s.install === "existing" || s.valuesScope === "networking";
}

/**
 * The per-zone variant: `BUFSTREAM_BASE_VALUES_US_EAST_1A` for zone
 * `us-east-1a`. Zone names are DNS labels (lowercase letters, digits, '-'), so
 * upper-casing and '-' → '_' gives a valid, unique variable name.
 */
export function zoneBaseValuesEnv(zone: string): string {
  return `${BASE_VALUES_ENV}_${zone.toUpperCase().replace(/-/g, "_")}`;
}

/** Where install.sh saves a release's current values (`helm get values`), next to itself. */
export function currentValuesFileName(release: string): string {
  return `${release}-current-values.yaml`;
}

/** The files install.sh may write next to itself (the bundle README and the page list them). */
export function writtenFiles(s: Scenario, plan: TopologyPlan): string[] {
  if (s.install !== "existing") return [];
  return plan.releases.map((r) => currentValuesFileName(r.release));
}

const lines = (texts: string[]) => ["printf '%s\\n' >&2 \\", ...continuedWords(texts), "exit 1"];

/** Each text as a quoted printf argument on its own continued line. */
function continuedWords(texts: string[]): string[] {
  return texts.map((text, i) => `  ${text}${i < texts.length - 1 ? " \\" : ""}`);
}

// Release, namespace and zone names are DNS labels (the schema allows nothing
// else; zones.ts asserts it again for zonal names), so they are inert inside
// the double-quoted messages below; every other text is shell-quoted.
const quoted = shellQuote;

function singleStep(s: Scenario, r: ReleasePlan): ScriptStep {
  const release = shellQuote(r.release);
  const ns = shellQuote(s.release.namespace);
  const current = currentValuesFileName(r.release);
  const useNamedFile = [
    `  BASE_VALUES="$(${CALLER_PATH_FN} "\${${BASE_VALUES_ENV}}")"`,
    '  if [ ! -f "${BASE_VALUES}" ]; then',
    `    echo "${BASE_VALUES_ENV}: \${BASE_VALUES} is not a file; nothing was changed." >&2`,
    "    exit 1",
    "  fi",
    `  echo "Layering this bundle's values on \${BASE_VALUES} (${BASE_VALUES_ENV})."`,
  ];
  if (s.install === "new") {
    return {
      title: "Find the values file these networking values are layered on (yours)",
      detail: [
        "A new install needs object storage and a metadata store, which these values do not hold:",
        `the script stops here, before any change, unless ${BASE_VALUES_ENV} names a values file that has them.`,
      ],
      commands: [
        `if [ -z "\${${BASE_VALUES_ENV}:-}" ]; then`,
        ...lines([
          quoted(
            "This bundle is for a new install, but its values cover networking only: Helm would start the brokers with no object storage and no metadata store. Nothing was changed.",
          ),
          quoted(
            '- Choose "A complete install" in the wizard and answer the storage and metadata questions, or',
          ),
          quoted(
            `- layer these values on a values file of yours that has them: ${BASE_VALUES_ENV}=path/to/values.yaml bash install.sh`,
          ),
        ]).map((line) => `  ${line}`),
        "fi",
        ...useNamedFile.map((line) => line.replace(/^ {2}/, "")),
      ],
    };
  }
  return {
    title: `Read the values release ${r.release} has now (or your own base file)`,
    detail: [
      "Helm replaces a release's values with the files it is given, so this script layers this",
      "bundle's values on the release's current ones: only the keys this bundle sets change.",
      `Set ${BASE_VALUES_ENV} to a values file of yours (e.g. from GitOps) to layer on it instead.`,
      "Nothing is changed before this step succeeds.",
    ],
    commands: [
      `if [ -n "\${${BASE_VALUES_ENV}:-}" ]; then`,
      ...useNamedFile,
      `elif STATUS_ERROR="$(helm status ${release} --namespace ${ns} 2>&1 >/dev/null)"; then`,
      `  BASE_VALUES=${shellQuote(current)}`,
      "  # Created readable by you only: a release's values may hold credentials.",
      `  (umask 077 && helm get values ${release} --namespace ${ns} --output yaml >"\${BASE_VALUES}")`,
      `  echo "Saved the values release ${r.release} has now to \${BASE_VALUES}; this bundle's values are layered on them."`,
      "else",
      ...lines([
        `"No Helm release ${r.release} in namespace ${s.release.namespace} to layer this bundle's values on, and ${BASE_VALUES_ENV} is not set. Nothing was changed."`,
        '"helm status said: ${STATUS_ERROR}"',
        quoted(
          "- If Bufstream runs under another release name or namespace, or in another cluster, correct the wizard's release answers or kubectl's context, then run this script again.",
        ),
        quoted(
          `- To layer on a values file of yours (e.g. from GitOps): ${BASE_VALUES_ENV}=path/to/values.yaml bash install.sh`,
        ),
        quoted('- For a new install, choose "New install" and "A complete install" in the wizard.'),
      ]).map((line) => `  ${line}`),
      "fi",
    ],
  };
}

/**
 * `named_base_values ZONE` prints the file the user named for that zone (its
 * own variable, else the shared one) or nothing; `base_values_file ZONE` the
 * file its release is layered on. A `case` per zone, generated here, rather
 * than computing variable names in bash (no `${VAR^^}` in macOS's bash 3.2).
 */
function zoneFunctions(s: Scenario, z: ZonalContext): string[] {
  const release = z.releaseExpr.replace("${ZONE}", "$1");
  return [
    "named_base_values() {",
    '  case "$1" in',
    ...z.zones.map(
      (zone) =>
        `    ${shellQuote(zone)}) printf '%s' "\${${zoneBaseValuesEnv(zone)}:-\${${BASE_VALUES_ENV}:-}}" ;;`,
    ),
    "    *) ;;",
    "  esac",
    "}",
    "",
    "base_values_file() {",
    "  local named",
    '  named="$(named_base_values "$1")"',
    '  if [ -n "${named}" ]; then',
    `    ${CALLER_PATH_FN} "\${named}"`,
    "  else",
    `    printf '%s\\n' "${currentValuesFileName(release)}"`,
    "  fi",
    "}",
  ];
}

const LAYERED_ON =
  'echo "Zone ${ZONE}: this bundle\'s values are layered on $(base_values_file "${ZONE}")."';

function zonalStep(s: Scenario, z: ZonalContext): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  const envList = z.zones.map((zone) => `${zoneBaseValuesEnv(zone)} (${zone})`).join(", ");
  const checkNamed = [
    'if [ -n "$(named_base_values "${ZONE}")" ]; then',
    '  if [ ! -f "$(base_values_file "${ZONE}")" ]; then',
    '    echo "Zone ${ZONE}: $(base_values_file "${ZONE}") is not a file; nothing was changed." >&2',
    "    exit 1",
    "  fi",
  ];
  if (s.install === "new") {
    return {
      title: "Find the values files these networking values are layered on (yours, per zone)",
      detail: [
        "A new install needs object storage and a metadata store, which these values do not hold:",
        `the script stops here, before any change, unless every zone has a values file that has them:`,
        `${envList}, or ${BASE_VALUES_ENV} for every zone without its own.`,
      ],
      commands: [
        ...zoneFunctions(s, z),
        'MISSING_ZONES=""',
        ...zoneLoop(z, [...checkNamed, "else", '  MISSING_ZONES="${MISSING_ZONES} ${ZONE}"', "fi"]),
        'if [ -n "${MISSING_ZONES}" ]; then',
        ...lines([
          '"This bundle is for a new install, but its values cover networking only, and these zones have no values file to layer them on:${MISSING_ZONES}. Nothing was changed."',
          quoted(
            '- Choose "A complete install" in the wizard and answer the storage and metadata questions, or',
          ),
          quoted(
            `- name a values file of yours that has them: ${BASE_VALUES_ENV}=path/to/values.yaml bash install.sh (one per zone: ${envList}).`,
          ),
        ]).map((line) => `  ${line}`),
        "fi",
        ...zoneLoop(z, [LAYERED_ON]),
      ],
    };
  }
  const first = z.zones[0] ?? "";
  const fetch = [
    'if [ -z "$(named_base_values "${ZONE}")" ]; then',
    "  # Created readable by you only: a release's values may hold credentials.",
    `  (umask 077 && helm get values "${z.releaseExpr}" --namespace ${ns} --output yaml >"$(base_values_file "\${ZONE}")")`,
    "fi",
    LAYERED_ON,
  ];
  return {
    title: `Read the values each zonal release has now (or your own base files)`,
    detail: [
      `Each zone's release (${z.releaseExpr.replace("${ZONE}", "<zone>")}) has values of its own, so each is read, and layered, on its own:`,
      "only the keys this bundle sets change. Every zone's release must exist, or have a base file:",
      `${envList}, or ${BASE_VALUES_ENV} for every zone without its own.`,
      "Nothing is changed before this step succeeds.",
    ],
    commands: [
      ...zoneFunctions(s, z),
      'MISSING_ZONES=""',
      ...zoneLoop(z, [
        ...checkNamed,
        `elif ! helm status "${z.releaseExpr}" --namespace ${ns} >/dev/null 2>&1; then`,
        '  MISSING_ZONES="${MISSING_ZONES} ${ZONE}"',
        "fi",
      ]),
      'if [ -n "${MISSING_ZONES}" ]; then',
      ...lines([
        `"These zones have no Helm release in namespace ${s.release.namespace} to layer this bundle's values on, and no base file:\${MISSING_ZONES}. Nothing was changed."`,
        quoted(
          `- Each zone's release is ${z.releaseExpr.replace("${ZONE}", "<zone>")}: check the zones, the release name and kubectl's context.`,
        ),
        quoted(
          `- To add a zone to a running cluster, layer it on a running zone's values (its own file then sets the zone, ServiceAccount and placement), e.g. helm get values ${z.releaseExpr.replace("${ZONE}", first)} --namespace ${s.release.namespace} --output yaml > base.yaml and ${BASE_VALUES_ENV}_<ZONE>=base.yaml bash install.sh for the new zone.`,
        ),
        quoted(`- Base files: ${envList}, or ${BASE_VALUES_ENV} for every zone without its own.`),
      ]).map((line) => `  ${line}`),
      "fi",
      ...zoneLoop(z, fetch),
    ],
  };
}

/** The first steps of install.sh when it layers on a base; empty for a complete new install. */
export function buildBaseValuesSteps(
  s: Scenario,
  plan: TopologyPlan,
  z: ZonalContext | null,
): ScriptStep[] {
  if (!layersOnBase(s)) return [];
  const first = plan.releases[0];
  if (z !== null) return [zonalStep(s, z)];
  return first === undefined ? [] : [singleStep(s, first)];
}

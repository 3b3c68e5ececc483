// A bundle for a new install (complete values, nothing layered) must not run
// over a release that is already there: `helm upgrade --install` with only
// this bundle's values would replace every value the release has (its
// storage, metadata store, identity, resources) without a word. So install.sh
// first looks for the release. Absent: it installs. Present and last changed by
// this kind of bundle (the Helm revision's description, set by every upgrade
// the bundle runs): a re-run, it upgrades. Present otherwise: it stops before
// any change and says how to layer on the release instead, unless the user
// asks to replace the values on purpose.
import type { Scenario } from "../scenario/schema";
import type { ReleasePlan, TopologyPlan } from "../topology/plan";
import { layersOnBase } from "./layering";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { zoneLoop, type ZonalContext } from "./zones";

/** The Helm revision description a new-install bundle's upgrades carry (`helm history` shows it). */
export const NEW_INSTALL_DESCRIPTION = "bufstream-wizard new install";

/** Set to 1 to let a new-install bundle replace the values of a release it did not install. */
export const REPLACE_VALUES_ENV = "BUFSTREAM_REPLACE_VALUES";

/** Whether install.sh guards against an existing release (a complete new install). */
export function guardsNewInstall(s: Scenario): boolean {
  return s.install === "new" && !layersOnBase(s);
}

/** `--description …` for this bundle's Bufstream upgrades, when it is a new install. */
export function newInstallUpgradeArgs(s: Scenario): string[] {
  return guardsNewInstall(s) ? [`--description ${shellQuote(NEW_INSTALL_DESCRIPTION)}`] : [];
}

/**
 * The check for one release; `release` is a ready shell word and `name` its
 * readable form (release and namespace names are DNS labels, inert in double
 * quotes).
 */
function checkRelease(s: Scenario, release: string, name: string): string[] {
  const ns = shellQuote(s.release.namespace);
  return [
    `if helm status ${release} --namespace ${ns} >/dev/null 2>&1; then`,
    // Read into a variable, not piped into `grep -q`: grep stops at the first
    // match, and under pipefail helm's SIGPIPE would then fail the test.
    `  LAST_REVISION="$(helm history ${release} --namespace ${ns} --max 1 --output yaml 2>/dev/null || true)"`,
    `  if [[ "\${LAST_REVISION}" == *${shellQuote(`description: ${NEW_INSTALL_DESCRIPTION}`)}* ]]; then`,
    `    echo "Release ${name} exists and was last changed by a new-install bundle from the wizard: upgrading it (a re-run)."`,
    `  elif [ "\${${REPLACE_VALUES_ENV}:-}" = "1" ]; then`,
    `    echo "Release ${name} exists; ${REPLACE_VALUES_ENV}=1: its values are replaced by this bundle's."`,
    "  else",
    "    printf '%s\\n' >&2 \\",
    `      "Release ${name} already exists in namespace ${s.release.namespace}, and this bundle is for a new install: its values would replace all of the release's own (storage, metadata store, identity, resources). Nothing was changed." \\`,
    `      ${shellQuote("- To change that release, choose \"Already installed\" in the wizard: this bundle's values are then layered on the release's own.")} \\`,
    `      ${shellQuote(`- To replace its values with this bundle's on purpose: ${REPLACE_VALUES_ENV}=1 bash install.sh`)}`,
    "    exit 1",
    "  fi",
    "else",
    `  echo "No release ${name} in namespace ${s.release.namespace} yet: this bundle installs it."`,
    "fi",
  ];
}

/** The first step of a complete new install's install.sh; empty otherwise. */
export function buildNewInstallGuardSteps(
  s: Scenario,
  plan: TopologyPlan,
  z: ZonalContext | null,
): ScriptStep[] {
  if (!guardsNewInstall(s)) return [];
  const detail = [
    "A new install's values replace every value a release has, so the script stops, before any",
    "change, when the release exists and was not installed by a bundle like this one.",
    `${REPLACE_VALUES_ENV}=1 replaces its values on purpose.`,
  ];
  if (z !== null) {
    return [
      {
        title: "Check that no zonal release exists yet, unless this kind of bundle installed it",
        detail,
        commands: zoneLoop(z, checkRelease(s, `"${z.releaseExpr}"`, z.releaseExpr)),
      },
    ];
  }
  const first: ReleasePlan | undefined = plan.releases[0];
  if (first === undefined) return [];
  return [
    {
      title: `Check that release ${first.release} does not exist yet, unless this kind of bundle installed it`,
      detail,
      commands: checkRelease(s, shellQuote(first.release), first.release),
    },
  ];
}

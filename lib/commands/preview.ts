// The preview before any change: with the helm-diff plugin installed, install.sh
// shows what `helm upgrade` would change, release by release, with exactly the
// arguments it will then apply (lib/commands/helm.ts builds both). Without the
// plugin it says how to get the same view. BUFSTREAM_PREVIEW=only stops after
// the preview; on a terminal the script asks before applying.
import type { Scenario } from "../scenario/schema";
import type { ReleasePlan, TopologyPlan } from "../topology/plan";
import { helmDiffLines, helmReleaseArgs } from "./helm";
import { publicAddressArgs } from "./lb-address";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { zoneLoop, type ZonalContext } from "./zones";

export const PREVIEW_ENV = "BUFSTREAM_PREVIEW";
export const HELM_DIFF_INSTALL = "helm plugin install https://github.com/databus23/helm-diff";

/**
 * On the "address after install" flow the values files lack the address; once
 * the load balancer has one (a re-run), the upgrade passes it with
 * --set-string, so the preview must too. Before that, the first pass has none.
 */
function afterInstall(s: Scenario): boolean {
  return s.exposure === "load-balancer" && s.loadBalancer.hostSource === "after-install";
}

function diffOne(s: Scenario, releaseWord: string, zoneFileWord: string | null): string[] {
  if (!afterInstall(s)) return helmDiffLines(s, releaseWord, zoneFileWord);
  const port = s.loadBalancer.port;
  return [
    `PREVIEW_ADDRESS="$(lb_address ${releaseWord})"`,
    'if [ -n "${PREVIEW_ADDRESS}" ]; then',
    ...helmDiffLines(s, releaseWord, zoneFileWord, publicAddressArgs("PREVIEW_ADDRESS", port)).map(
      (line) => `  ${line}`,
    ),
    "else",
    ...helmDiffLines(s, releaseWord, zoneFileWord).map((line) => `  ${line}`),
    "fi",
  ];
}

/**
 * The same change without the plugin: `helm template` renders what the
 * release would become and `kubectl diff` compares it with the cluster.
 * Each argument is printed with %q, so the line pastes back as it was run
 * (a base file path with spaces included).
 */
function templateHint(s: Scenario, releaseWord: string, zoneFileWord: string | null): string[] {
  const args = helmReleaseArgs(s, releaseWord, zoneFileWord).join(" ");
  return [
    "printf '  helm template'",
    `printf ' %q' ${args}`,
    `printf ' | kubectl diff --namespace %q -f -\\n' ${shellQuote(s.release.namespace)}`,
  ];
}

export function buildPreviewStep(
  s: Scenario,
  plan: TopologyPlan,
  z: ZonalContext | null,
): ScriptStep {
  const single = plan.releases[0] as ReleasePlan;
  const releaseWord = z === null ? shellQuote(single.release) : z.releaseWord;
  const zoneFileWord = z === null ? null : z.zoneFileWord;
  const perRelease = (body: string[]) => (z === null ? body : zoneLoop(z, body));
  const indent = (body: string[]) => body.map((line) => `  ${line}`);
  return {
    title: "Preview what Helm will change (with the helm-diff plugin)",
    detail: [
      `With helm-diff installed (${HELM_DIFF_INSTALL}), the change is shown first, with the`,
      `arguments the install then uses; on a terminal the script asks before applying it.`,
      `${PREVIEW_ENV}=only bash install.sh stops after the preview, changing nothing.`,
    ],
    commands: [
      "if helm diff version >/dev/null 2>&1; then",
      ...indent(perRelease(diffOne(s, releaseWord, zoneFileWord))),
      `  if [ "\${${PREVIEW_ENV}:-}" = only ]; then`,
      `    echo "Preview only (${PREVIEW_ENV}=only): nothing was changed."`,
      "    exit 0",
      "  fi",
      "  if [ -t 0 ]; then",
      '    read -r -p "Apply these changes? [y/N] " ANSWER',
      '    case "${ANSWER}" in',
      "      y | Y | yes) ;;",
      '      *) echo "Nothing was changed."; exit 0 ;;',
      "    esac",
      "  fi",
      "else",
      `  echo ${shellQuote(`No preview: the helm-diff plugin is not installed. To see the change before it is made, install it (${HELM_DIFF_INSTALL}) and run ${PREVIEW_ENV}=only bash install.sh, or run:`)}`,
      ...indent(perRelease(templateHint(s, releaseWord, zoneFileWord))),
      ...(afterInstall(s)
        ? [
            `  echo ${shellQuote("  (once the load balancer has an address, add --set-string kafka.publicAddress.host=<address>)")}`,
          ]
        : []),
      `  if [ "\${${PREVIEW_ENV}:-}" = only ]; then`,
      `    echo "${PREVIEW_ENV}=only needs the helm-diff plugin; nothing was changed." >&2`,
      "    exit 1",
      "  fi",
      "fi",
    ],
  };
}

// Scenario -> the steps of install.sh (data; render-script turns them into
// text). Facts: domain reference 2.1-2.4, 3 S3 (the load balancer's two-pass
// flow) and gotchas 3 (zone loop), 13 (helm upgrade --install). Names,
// addresses and file names come from the topology plan and build-values, so
// the script installs exactly the files the bundle contains.
import {
  buildHeadlessServiceManifests,
  headlessServiceFileName,
  regionalServiceFileName,
} from "../manifests/files";
import { buildPlatformSteps } from "../platform";
import { LEGACY_CHART } from "../scenario/defaults";
import type { Scenario } from "../scenario/schema";
import {
  buildTopologyPlan,
  CLUSTER_LABEL,
  type ReleasePlan,
  type TopologyPlan,
} from "../topology/plan";
import { buildAccessSteps, buildAccessVerifySteps } from "./access";
import { helmUpgradeLines } from "./helm";
import { buildBaseValuesSteps } from "./layering";
import { buildNewInstallGuardSteps } from "./new-install-guard";
import { buildPreviewStep } from "./preview";
import { CALLER_PATH_FN } from "./render-script";
import { buildLbAddressSteps, lbAddressHelpers } from "./lb-address";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { buildVerifySteps } from "./verify";
import { zonal, zoneLoop, type ZonalContext } from "./zones";

/**
 * The registry host the legacy chart lives on; it needs a login with Buf's key
 * file (domain 2.1). A host, no scheme and no path: Helm 3.18+ rejects
 * `https://` and Helm 4 (oras) rejects a path (domain 8.2).
 */
export const LEGACY_REGISTRY = "us-docker.pkg.dev";
/** install.sh reads the path of Buf's key file from this variable (never from the scenario). */
export const KEYFILE_ENV = "BUFSTREAM_KEYFILE";

function namespaceStep(s: Scenario): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  return {
    title: `Create the namespace ${s.release.namespace} (safe to re-run)`,
    detail: [
      "`kubectl create namespace` fails when it exists; rendering it and applying does not.",
      "The chart's namespaceCreate stays off, so Helm never tries to create it twice.",
    ],
    commands: [`kubectl create namespace ${ns} --dry-run=client -o yaml | kubectl apply -f -`],
  };
}

function registryLoginStep(): ScriptStep {
  return {
    title: "Log in to Buf's chart registry (legacy chart location), if a key file is given",
    detail: [
      `The chart at ${LEGACY_CHART} is private. With ${KEYFILE_ENV} set to the path of the`,
      "base64 key file Buf gave you, the script logs in; Helm keeps the login, so later runs",
      "need no key file. The newer chart location needs no login at all.",
    ],
    commands: [
      `if [ -n "\${${KEYFILE_ENV}:-}" ]; then`,
      `  helm registry login ${LEGACY_REGISTRY} --username _json_key_base64 --password-stdin <"$(${CALLER_PATH_FN} "\${${KEYFILE_ENV}}")"`,
      "else",
      `  echo ${shellQuote(`${KEYFILE_ENV} is not set: assuming you are already logged in to ${LEGACY_REGISTRY} (helm registry login).`)}`,
      "fi",
    ],
  };
}

function installSteps(s: Scenario, plan: TopologyPlan, z: ZonalContext | null): ScriptStep[] {
  const single = plan.releases[0] as ReleasePlan;
  if (z === null) {
    return [
      {
        title: `Install or upgrade the release ${single.release}`,
        detail: [
          "`helm upgrade --install` works for the first install and every re-run (`helm install` refuses an existing release).",
        ],
        commands: helmUpgradeLines(s, shellQuote(single.release), null),
      },
    ];
  }
  return [
    {
      title: `Install or upgrade one release per zone (${z.zones.join(", ")})`,
      detail: [
        "Each zone's release layers its own values file after the shared one.",
        'The loop uses "${ZONES[@]}": the docs\' `for ZONE in $ZONES` visits only the first zone in bash.',
      ],
      commands: zoneLoop(z, helmUpgradeLines(s, z.releaseWord, z.zoneFileWord)),
    },
  ];
}

/** On an existing release the headless Services are a manifest of their own (lib/manifests/files.ts). */
function headlessServiceStep(s: Scenario): ScriptStep[] {
  const services = buildHeadlessServiceManifests(s);
  if (services.length === 0) return [];
  const file = headlessServiceFileName(s.release.name);
  return [
    {
      title: `Apply the headless Service${services.length === 1 ? "" : "s"} ${services.map((svc) => svc.metadata.name).join(", ")}`,
      detail: [
        "The chart has no Kafka headless Service. On an existing release it is applied on its own,",
        "not through extraObjects: Helm replaces lists whole, so that would drop the release's own.",
        "Applied before the upgrade, so the name the brokers then advertise already resolves.",
      ],
      commands: [
        `kubectl apply --namespace ${shellQuote(s.release.namespace)} -f ${shellQuote(file)}`,
      ],
    },
  ];
}

function regionalServiceStep(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  if (plan.regionalService === null) return [];
  const file = regionalServiceFileName(s.release.name);
  return [
    {
      title: `Apply the regional bootstrap Service ${plan.regionalService}`,
      detail: [
        "The chart does not create it: one ClusterIP Service over the brokers of every zone",
        `(selector ${CLUSTER_LABEL}=${s.cluster}), ports 8080, 9089 and 9092.`,
      ],
      commands: [
        `kubectl apply --namespace ${shellQuote(s.release.namespace)} -f ${shellQuote(file)}`,
      ],
    },
  ];
}

export interface CommandSections {
  /**
   * The base values (read-only; stops before any change when it is missing),
   * registry login, preview, namespace, platform secrets, the helm releases,
   * the Services the chart does not create, then source ranges, NetworkPolicies and monitors.
   */
  install: ScriptStep[];
  /** Checks to run once installed (domain 2.4). */
  verify: ScriptStep[];
}

/** The steps in two parts, for the README's "Steps" and "How to verify". */
export function buildCommandSections(s: Scenario): CommandSections {
  const plan = buildTopologyPlan(s);
  const z = zonal(s, plan);
  const lb = s.exposure === "load-balancer";
  const afterInstall = lb && s.loadBalancer.hostSource === "after-install";
  return {
    install: [
      // Read-only steps first: nothing changes until the base values are found
      // and the preview is accepted.
      ...buildNewInstallGuardSteps(s, plan, z),
      ...buildBaseValuesSteps(s, plan, z),
      ...(s.release.chart === LEGACY_CHART ? [registryLoginStep()] : []),
      ...(lb ? [lbAddressHelpers(s)] : []),
      buildPreviewStep(s, plan, z),
      namespaceStep(s),
      ...buildPlatformSteps(s),
      // Before the upgrade: the brokers start advertising its name, so it must resolve by then.
      ...headlessServiceStep(s),
      ...(afterInstall ? buildLbAddressSteps(s, plan, z) : installSteps(s, plan, z)),
      ...regionalServiceStep(s, plan),
      // After the release (and its second pass): source ranges on the Service
      // the chart made, then the NetworkPolicies and monitors (issue 16).
      ...buildAccessSteps(s, plan),
    ],
    verify: [...buildVerifySteps(s, plan, z), ...buildAccessVerifySteps(s, plan)],
  };
}

export function buildCommands(s: Scenario): ScriptStep[] {
  const { install, verify } = buildCommandSections(s);
  return [...install, ...verify];
}

// Scenario -> the steps of install.sh (data; render-script turns them into
// text). Facts: domain reference 2.1-2.4, 3 S3 (the load balancer's two-pass
// flow) and gotchas 3 (zone loop), 13 (helm upgrade --install). Names,
// addresses and file names come from the topology plan and build-values, so
// the script installs exactly the files the bundle contains.
import { regionalServiceFileName } from "../manifests/files";
import { buildPlatformSteps } from "../platform";
import { LEGACY_CHART } from "../scenario/defaults";
import type { Scenario } from "../scenario/schema";
import {
  buildTopologyPlan,
  CLUSTER_LABEL,
  type ReleasePlan,
  type TopologyPlan,
} from "../topology/plan";
import { helmUpgradeLines } from "./helm";
import { buildLbAddressSteps, lbAddressHelpers } from "./lb-address";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { buildVerifySteps } from "./verify";
import { zonal, zoneLoop, type ZonalContext } from "./zones";

/** The registry the legacy chart lives in; it needs a login with Buf's key file (domain 2.1). */
export const LEGACY_REGISTRY = "https://us-docker.pkg.dev/buf-images-1/bufstream";
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
    title: "Log in to Buf's chart registry (legacy chart location)",
    detail: [
      `The chart at ${LEGACY_CHART} is private: set ${KEYFILE_ENV} to the path of the`,
      "base64 key file Buf gave you. The newer chart location needs no login.",
    ],
    commands: [
      `: "\${${KEYFILE_ENV}:?Set ${KEYFILE_ENV} to the path of the key file from Buf}"`,
      `helm registry login -u _json_key_base64 --password-stdin ${LEGACY_REGISTRY} < "\${${KEYFILE_ENV}}"`,
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
  /** Namespace, registry login, platform secrets, the helm releases, the regional Service. */
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
      namespaceStep(s),
      ...(s.release.chart === LEGACY_CHART ? [registryLoginStep()] : []),
      ...buildPlatformSteps(s),
      ...(lb ? [lbAddressHelpers(s)] : []),
      ...(afterInstall ? buildLbAddressSteps(s, plan, z) : installSteps(s, plan, z)),
      ...regionalServiceStep(s, plan),
    ],
    verify: buildVerifySteps(s, plan, z),
  };
}

export function buildCommands(s: Scenario): ScriptStep[] {
  const { install, verify } = buildCommandSections(s);
  return [...install, ...verify];
}

// Reading a load balancer's address, and the "address after install" flow of
// Bufstream's networking guide (domain 3 S3): the cloud assigns the DNS name
// or IP only once the Service exists, so install first, wait for the address,
// then upgrade with `kafka.publicAddress` set to it.
import type { Scenario } from "../scenario/schema";
import type { ReleasePlan, TopologyPlan } from "../topology/plan";
import { helmUpgradeLines } from "./helm";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { zoneLoop, type ZonalContext } from "./zones";

/** How long install.sh waits for an address: ATTEMPTS x INTERVAL seconds. */
export const LB_WAIT_ATTEMPTS = 60;
export const LB_WAIT_INTERVAL_SECONDS = 10;

/** Shell functions `lb_address SERVICE` and `wait_for_lb_address SERVICE`. */
export function lbAddressHelpers(s: Scenario): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  const minutes = (LB_WAIT_ATTEMPTS * LB_WAIT_INTERVAL_SECONDS) / 60;
  const jsonpath = (field: string) =>
    shellQuote(`jsonpath={.status.loadBalancer.ingress[0].${field}}`);
  return {
    title: "Define helpers that read a load balancer's address",
    detail: [
      "AWS reports a DNS name (hostname), GKE and AKS an IP; an empty answer means not assigned yet.",
    ],
    commands: [
      "lb_address() {",
      "  local address",
      `  address="$(kubectl get service "$1" --namespace ${ns} --ignore-not-found -o ${jsonpath("hostname")})"`,
      '  if [ -z "${address}" ]; then',
      `    address="$(kubectl get service "$1" --namespace ${ns} --ignore-not-found -o ${jsonpath("ip")})"`,
      "  fi",
      `  printf '%s\\n' "\${address}"`,
      "}",
      "",
      "wait_for_lb_address() {",
      "  local address",
      `  for _ in $(seq 1 ${LB_WAIT_ATTEMPTS}); do`,
      '    address="$(lb_address "$1")"',
      '    if [ -n "${address}" ]; then',
      `      printf '%s\\n' "\${address}"`,
      "      return 0",
      "    fi",
      `    sleep ${LB_WAIT_INTERVAL_SECONDS}`,
      "  done",
      `  echo "Load balancer $1 has no address after ${minutes} minutes: kubectl describe service $1 --namespace ${ns}" >&2`,
      "  return 1",
      "}",
    ],
  };
}

/** `kafka.publicAddress` from a shell variable holding the load balancer's address. */
export const publicAddressArgs = (variable: string, port: number) => [
  `--set-string kafka.publicAddress.host="\${${variable}}"`,
  `--set kafka.publicAddress.port=${port}`,
];

const FLOW_NOTE = [
  'You are on the "address after install" flow: the cloud assigns the load balancer\'s',
  "address only once the Service exists, so the values file does not carry it.",
];

function singleFlow(s: Scenario, r: ReleasePlan): ScriptStep[] {
  const release = shellQuote(r.release);
  const port = s.loadBalancer.port;
  return [
    {
      title: `First pass: install ${r.release} and let the cloud create its load balancer`,
      detail: [
        ...FLOW_NOTE,
        "Skipped once the load balancer has an address, so a re-run never advertises a wrong one.",
      ],
      commands: [
        `if [ -z "$(lb_address ${release})" ]; then`,
        ...helmUpgradeLines(s, release, null).map((line) => `  ${line}`),
        "fi",
      ],
    },
    {
      title: "Wait for the load balancer's address",
      commands: [
        `LB_ADDRESS="$(wait_for_lb_address ${release})"`,
        'echo "Load balancer address: ${LB_ADDRESS}"',
      ],
    },
    {
      title: "Second pass: advertise that address (kafka.publicAddress)",
      detail: [
        "Every broker hands clients this address; it must be what clients connect to.",
        "To skip this pass next time, put the address into the values file as kafka.publicAddress.",
      ],
      commands: helmUpgradeLines(s, release, null, publicAddressArgs("LB_ADDRESS", port)),
    },
  ];
}

function zonalFlow(s: Scenario, z: ZonalContext): ScriptStep[] {
  const port = s.loadBalancer.port;
  return [
    {
      title: "First pass: install every zone's release and let the cloud create its load balancers",
      detail: [
        ...FLOW_NOTE,
        "A zone is skipped once its load balancer has an address, so re-runs stay safe.",
      ],
      commands: zoneLoop(z, [
        `if [ -z "$(lb_address ${z.releaseWord})" ]; then`,
        ...helmUpgradeLines(s, z.releaseWord, z.zoneFileWord).map((line) => `  ${line}`),
        "fi",
      ]),
    },
    {
      title: "Second pass: each zone advertises its own load balancer's address",
      detail: [
        "A zone's brokers hand out only their zone's address, so zone-aware clients stay in zone.",
      ],
      commands: zoneLoop(z, [
        `ZONE_ADDRESS="$(wait_for_lb_address ${z.releaseWord})"`,
        'echo "Zone ${ZONE} load balancer address: ${ZONE_ADDRESS}"',
        ...helmUpgradeLines(
          s,
          z.releaseWord,
          z.zoneFileWord,
          publicAddressArgs("ZONE_ADDRESS", port),
        ),
      ]),
    },
  ];
}

export function buildLbAddressSteps(
  s: Scenario,
  plan: TopologyPlan,
  z: ZonalContext | null,
): ScriptStep[] {
  const first = plan.releases[0];
  if (z !== null) return zonalFlow(s, z);
  return first === undefined ? [] : singleFlow(s, first);
}

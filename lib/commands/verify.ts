// Steps that check the install (domain 2.4 "Ways to verify the install"):
// brokers ready, Services and load balancer addresses, the admin status
// endpoint on 9089, and the metadata a client is handed for its client.id.
import { hostPort } from "../check/hosts";
import type { Scenario } from "../scenario/schema";
import { ADMIN_PORT, type ReleasePlan, type TopologyPlan } from "../topology/plan";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";
import { zoneLoop, type ZonalContext } from "./zones";

/** The broker binary inside the image (the chart's effective command, domain 1.4). */
export const BUFSTREAM_BIN = "/usr/local/bin/bufstream";

/** `client.id` for a check: the app name, plus `zone=<z>` when zone-aware (domain 5). */
export function checkClientId(appName: string, zone: string | null): string {
  const parts = [appName === "" ? "install-check" : appName];
  if (zone !== null) parts.push(`zone=${zone}`);
  return parts.join(",");
}

const APP_NAME = /^[A-Za-z0-9._-]*$/;

/**
 * Brokers run as a StatefulSet named after the release: the chart's default
 * `bufstream.deployment.kind`, and `nameOverride` = release name (build-values).
 */
function statefulSet(release: string): string {
  return `statefulset/${release}`;
}

function rolloutStep(s: Scenario, plan: TopologyPlan, z: ZonalContext | null): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  const rollout = (target: string) =>
    `kubectl rollout status ${target} --namespace ${ns} --timeout=10m`;
  const first = plan.releases[0] as ReleasePlan;
  return {
    title: "Check that every broker is ready",
    commands:
      z === null
        ? [rollout(shellQuote(statefulSet(first.release)))]
        : zoneLoop(z, [rollout(`"${statefulSet(z.releaseExpr)}"`)]),
  };
}

function servicesStep(s: Scenario): ScriptStep {
  return {
    title: "List the Services (and load balancer addresses)",
    commands: [`kubectl get service --namespace ${shellQuote(s.release.namespace)} -o wide`],
  };
}

/** With a known host, compare it with what the cloud assigned: a DNS alias is fine, a typo is not. */
function lbAddressCheckStep(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  if (s.exposure !== "load-balancer" || s.loadBalancer.hostSource !== "known") return [];
  const format = shellQuote(
    "%s: clients are handed %s; make sure it resolves to the load balancer address %s\\n",
  );
  const commands = plan.releases.flatMap((r) => {
    const expected = shellQuote(r.advertised.host);
    return [
      `LB_ADDRESS="$(wait_for_lb_address ${shellQuote(r.release)})"`,
      `if [ "\${LB_ADDRESS}" != ${expected} ]; then`,
      `  printf ${format} ${shellQuote(r.release)} ${expected} "\${LB_ADDRESS}" >&2`,
      "fi",
    ];
  });
  return [
    {
      title: "Check the load balancer addresses against the advertised hosts",
      detail: [
        "A different value is fine when the host is a DNS record pointing at the load balancer.",
      ],
      commands,
    },
  ];
}

function statusStep(s: Scenario, plan: TopologyPlan, z: ZonalContext | null): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  const url = `http://localhost:${ADMIN_PORT}`;
  const status = (target: string) =>
    `kubectl exec --namespace ${ns} ${target} -- ${BUFSTREAM_BIN} admin status --url ${url}`;
  const first = plan.releases[0] as ReleasePlan;
  return {
    title: `Check broker status (the admin endpoint /-/status on port ${ADMIN_PORT})`,
    detail: [
      `Or: kubectl port-forward --namespace ${s.release.namespace} service/${first.service} ${ADMIN_PORT}:${ADMIN_PORT}`,
      `and open http://localhost:${ADMIN_PORT}/-/status.`,
    ],
    commands:
      z === null
        ? [status(shellQuote(statefulSet(first.release)))]
        : zoneLoop(z, [status(`"${statefulSet(z.releaseExpr)}"`)]),
  };
}

/** True when a broker pod can ask for metadata the way in-cluster clients do. */
function canCheckFromPod(s: Scenario, plan: TopologyPlan): boolean {
  const plainKafka = !s.tls.enabled && s.auth.sasl === "none";
  return plainKafka && s.exposure !== "load-balancer" && plan.inClusterBootstrap !== null;
}

function metadataFromPodStep(s: Scenario, plan: TopologyPlan, z: ZonalContext | null): ScriptStep {
  const ns = shellQuote(s.release.namespace);
  const bootstrap = plan.inClusterBootstrap ?? { host: "", port: 0 };
  // IPv6 literals need brackets in host:port (hostPort), as the client kit writes them.
  const address = shellQuote(hostPort(bootstrap.host, bootstrap.port));
  const metadata = (target: string, clientId: string) =>
    `kubectl exec --namespace ${ns} ${target} -- ${BUFSTREAM_BIN} client metadata --bootstrap-address ${address} --client-id ${clientId}`;
  const first = plan.releases[0] as ReleasePlan;
  if (z === null) {
    return {
      title: "See what a client in the cluster is handed (the metadata response)",
      detail: [
        `Expect every broker listed as ${hostPort(first.advertised.host, first.advertised.port)}.`,
      ],
      commands: [
        metadata(
          shellQuote(statefulSet(first.release)),
          shellQuote(checkClientId(s.clientKit.appName, null)),
        ),
      ],
    };
  }
  if (!APP_NAME.test(s.clientKit.appName))
    throw new Error("Invalid client app name: validate the scenario first.");
  const clientIdWord = `"${checkClientId(s.clientKit.appName, "ZONEMARKER").replace("ZONEMARKER", "${ZONE}")}"`;
  return {
    title: "See what a client in each zone is handed (zone=<zone> in client.id)",
    detail: [
      `Bootstrap through ${plan.regionalService ?? ""}; each zone's answer lists only that zone's brokers,`,
      "advertised as that zone's address.",
    ],
    commands: zoneLoop(z, [metadata(`"${statefulSet(z.releaseExpr)}"`, clientIdWord)]),
  };
}

/** Printed, not run: the check belongs where the clients are (outside, or with TLS/SASL settings). */
function metadataPrintedStep(s: Scenario, plan: TopologyPlan): ScriptStep {
  const bootstrap = plan.outsideBootstrap ?? plan.inClusterBootstrap;
  const first = plan.releases[0] as ReleasePlan;
  const zones = plan.releases.flatMap((r) => (r.zone === null ? [] : [r.zone]));
  const ids =
    zones.length > 0
      ? zones.map((zone) => checkClientId(s.clientKit.appName, zone))
      : [checkClientId(s.clientKit.appName, null)];
  const port = bootstrap?.port ?? s.loadBalancer.port;
  const known = bootstrap !== null && bootstrap.known;
  // An address read after install comes from the live Service, not a
  // placeholder; an IPv6 literal gets brackets in host:port either way.
  const readAddress = known
    ? []
    : [
        `BOOTSTRAP_HOST="$(lb_address ${shellQuote(first.release)})"`,
        'if [[ "${BOOTSTRAP_HOST}" == *:* ]]; then BOOTSTRAP_HOST="[${BOOTSTRAP_HOST}]"; fi',
      ];
  const address = known
    ? shellQuote(hostPort(bootstrap.host, port))
    : `"\${BOOTSTRAP_HOST}:${port}"`;
  const format = shellQuote("  bufstream client metadata --bootstrap-address %s --client-id %s\\n");
  const security = s.tls.enabled || s.auth.sasl !== "none";
  return {
    title: "Check what clients are handed, from where they run",
    detail: [
      "bufstream client metadata lists the brokers a client with that client.id is handed.",
      ...(security ? ["Add the TLS/SASL settings your clients use (see README.md)."] : []),
    ],
    commands: [
      ...readAddress,
      "echo 'From a machine where your clients run:'",
      ...ids.map((id) => `printf ${format} ${address} ${shellQuote(id)}`),
    ],
  };
}

export function buildVerifySteps(
  s: Scenario,
  plan: TopologyPlan,
  z: ZonalContext | null,
): ScriptStep[] {
  const outside = s.clients !== "in-cluster";
  return [
    rolloutStep(s, plan, z),
    servicesStep(s),
    ...lbAddressCheckStep(s, plan),
    statusStep(s, plan, z),
    ...(canCheckFromPod(s, plan) ? [metadataFromPodStep(s, plan, z)] : []),
    ...(outside || !canCheckFromPod(s, plan) ? [metadataPrintedStep(s, plan)] : []),
  ];
}

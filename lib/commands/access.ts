// install.sh steps for who may connect and monitoring (issue 16): the load
// balancer's source ranges where they cannot go in the values, the
// NetworkPolicies and the Prometheus Operator objects (all applied after the
// release with `kubectl apply`, which is idempotent), and the checks that the
// policies are in place and let each client group through.
import { hostPort } from "../check/hosts";
import { buildMonitorManifests, monitorFileName } from "../manifests/monitor";
import { buildNetworkPolicies, networkPolicyFileName } from "../manifests/network-policy";
import { formatLabels } from "../scenario/labels";
import type { Scenario } from "../scenario/schema";
import { groupTitle, inClusterGroups, outsideGroups } from "../topology/access";
import type { TopologyPlan } from "../topology/plan";
import { sourceRangesVia } from "../values/load-balancer";
import { shellQuote } from "./shell-quote";
import type { ScriptStep } from "./types";

/** kcat's own image (the tool's author publishes it), pinned. */
export const KCAT_IMAGE = "docker.io/edenhill/kcat:1.7.1";
/** Seconds kcat waits for the metadata answer before it gives up. */
const KCAT_TIMEOUT_SECONDS = 10;

function sourceRangesStep(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  const ranges = s.access.loadBalancerSourceRanges;
  if (s.exposure !== "load-balancer" || ranges.length === 0) return [];
  if (sourceRangesVia(s.loadBalancer.provider) !== "patch") return [];
  const patch = shellQuote(JSON.stringify({ spec: { loadBalancerSourceRanges: ranges } }));
  const ns = shellQuote(s.release.namespace);
  return [
    {
      title: `Limit who may reach the load balancer${plan.releases.length > 1 ? "s" : ""} (spec.loadBalancerSourceRanges)`,
      detail: [
        "The chart has no key for it and this load balancer controller reads the Service field, so",
        "it is patched onto the chart's Service; Helm leaves the field alone on later upgrades, and",
        "re-runs patch the same value again.",
      ],
      commands: plan.releases.map(
        (r) =>
          `kubectl patch service ${shellQuote(r.service)} --namespace ${ns} --type merge -p ${patch}`,
      ),
    },
  ];
}

function policyStep(s: Scenario): ScriptStep[] {
  const policies = buildNetworkPolicies(s);
  if (policies.length === 0) return [];
  return [
    {
      title: `Apply the NetworkPolicies (${policies.map((p) => p.metadata.name).join(", ")})`,
      detail: [
        "After the release, so the brokers run before their traffic is restricted; kubectl apply",
        "creates or updates them, so re-runs are safe. They only take effect with a CNI that",
        "enforces NetworkPolicy (see README.md).",
      ],
      commands: [
        `kubectl apply --namespace ${shellQuote(s.release.namespace)} -f ${shellQuote(networkPolicyFileName(s.release.name))}`,
      ],
    },
  ];
}

function monitorStep(s: Scenario): ScriptStep[] {
  const objects = buildMonitorManifests(s);
  if (objects.length === 0) return [];
  const kind =
    s.monitoring.prometheusOperator === "pod-monitor" ? "podmonitors" : "servicemonitors";
  const crd = `${kind}.monitoring.coreos.com`;
  const file = shellQuote(monitorFileName(s.release.name));
  return [
    {
      title: `Apply the Prometheus Operator ${kind === "podmonitors" ? "PodMonitor" : "ServiceMonitor"} for the brokers' metrics (port 9090)`,
      detail: [
        "Only where the Prometheus Operator's CRDs are installed; without them the step says so",
        "and goes on (the pods keep their prometheus.io scrape annotations for a plain Prometheus).",
      ],
      commands: [
        `if kubectl get crd ${crd} >/dev/null 2>&1; then`,
        `  kubectl apply --namespace ${shellQuote(s.release.namespace)} -f ${file}`,
        "else",
        `  echo ${shellQuote(`The Prometheus Operator is not installed (no CRD ${crd}): skipped ${monitorFileName(s.release.name)}.`)}`,
        "fi",
      ],
    },
  ];
}

/** Steps after the release (and after any second pass that sets the advertised address). */
export function buildAccessSteps(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  return [...sourceRangesStep(s, plan), ...policyStep(s), ...monitorStep(s)];
}

/** A one-off pod name per client group, a DNS-1123 label. */
function checkPodName(index: number): string {
  return `bufstream-kcat-check-${index + 1}`;
}

/** `bootstrapWord` is a complete shell word (quoted, or a double-quoted expansion). */
function kcatArgs(bootstrapWord: string): string {
  return `kcat -b ${bootstrapWord} -L -m ${KCAT_TIMEOUT_SECONDS}`;
}

function policyVerifySteps(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  const policies = buildNetworkPolicies(s);
  if (policies.length === 0) return [];
  const ns = shellQuote(s.release.namespace);
  const steps: ScriptStep[] = [
    {
      title: "Check that the NetworkPolicies are in place",
      detail: ["kubectl fails here if any of them is missing or cannot be read."],
      commands: [
        `kubectl get networkpolicy ${policies.map((p) => shellQuote(p.metadata.name)).join(" ")} --namespace ${ns}`,
      ],
    },
  ];
  const bootstrap = plan.inClusterBootstrap;
  const first = plan.releases[0];
  if (bootstrap !== null && first !== undefined && s.clients !== "outside-cluster") {
    const address = hostPort(bootstrap.host, bootstrap.port);
    // An address read after install comes from the live Service (install.sh's lb_address helper).
    const word = bootstrap.known
      ? shellQuote(address)
      : `"$(lb_address ${shellQuote(first.service)}):${bootstrap.port}"`;
    const plain = !s.tls.enabled && s.auth.sasl === "none";
    const groups = inClusterGroups(s);
    const run = (index: number) => {
      const g = groups[index];
      if (g === undefined) return "";
      const labels = formatLabels(g.podLabels);
      return [
        `kubectl run ${checkPodName(index)} --namespace ${shellQuote(g.namespace)}`,
        `--image=${KCAT_IMAGE} --restart=Never --rm --attach --quiet`,
        ...(labels === "" ? [] : [`--labels=${shellQuote(labels)}`]),
        `--command -- ${kcatArgs(word)}`,
      ].join(" ");
    };
    steps.push(
      plain
        ? {
            title:
              "Check that the NetworkPolicy lets each client group through (kcat -L from their namespace)",
            detail: [
              "A one-off pod in each client group's namespace, with its pod labels, asks for metadata.",
              "A timeout here means the policy (or the CNI) blocks that group.",
            ],
            commands: groups.flatMap((g, i) => [
              // A check pod left by an interrupted run would make kubectl run fail as if blocked.
              `kubectl delete pod ${checkPodName(i)} --namespace ${shellQuote(g.namespace)} --ignore-not-found`,
              `if ! ${run(i)}; then`,
              `  echo ${shellQuote(`Clients in ${groupTitle(g)} could not read metadata from ${bootstrap.known ? address : "the load balancer"}: check the NetworkPolicy (kubectl describe networkpolicy --namespace ${s.release.namespace}).`)} >&2`,
              "  exit 1",
              "fi",
            ]),
          }
        : {
            title:
              "Check that the NetworkPolicy lets each client group through (printed: add your TLS/SASL settings)",
            detail: [
              "kcat needs the same security settings as your clients (README.md, client settings):",
              "add them as -X options.",
            ],
            commands: groups.map((_, i) => `echo ${shellQuote(`  ${run(i)}`)}`),
          },
    );
  }
  return steps;
}

function outsideVerifyStep(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  const judged = s.access.networkPolicy || s.access.loadBalancerSourceRanges.length > 0;
  const bootstrap = plan.outsideBootstrap;
  if (!judged || s.exposure !== "load-balancer" || bootstrap === null || s.clients === "in-cluster")
    return [];
  const address = bootstrap.known
    ? hostPort(bootstrap.host, bootstrap.port)
    : `<load balancer address>:${bootstrap.port}`;
  return [
    {
      title: "Check from each network outside clients use (printed, to run there)",
      commands: [
        "echo 'From a machine in each client network (kcat, or the bufstream CLI):'",
        ...outsideGroups(s).map(
          (g) =>
            `echo ${shellQuote(`  ${g.cidr === null ? "" : `${g.cidr}: `}${kcatArgs(address)}`)}`,
        ),
      ],
    },
  ];
}

export function buildAccessVerifySteps(s: Scenario, plan: TopologyPlan): ScriptStep[] {
  return [...policyVerifySteps(s, plan), ...outsideVerifyStep(s, plan)];
}

// The bundle README's "Who may connect" and "Monitoring" sections (issue 16):
// what the NetworkPolicies allow, what the cluster's network plugin must do
// for them to matter, how to check them from where clients run, and which
// broker and load-balancer metrics to watch, with the commands to see them.
import { KCAT_IMAGE } from "../commands/access";
import { buildMonitorManifests } from "../manifests/monitor";
import {
  buildNetworkPolicies,
  METRICS_PORT,
  networkPolicyFileName,
  servesMetrics,
} from "../manifests/network-policy";
import type { Scenario } from "../scenario/schema";
import { groupTitle, inClusterGroups, lbKeepsClientAddress } from "../topology/access";
import { buildTopologyPlan } from "../topology/plan";
import { sourceRangesVia } from "../values/load-balancer";

const METRICS_DOCS = "https://buf.build/docs/bufstream/observability/metrics";

function policyLines(s: Scenario): string[] {
  const policies = buildNetworkPolicies(s);
  if (policies.length === 0) return [];
  const lines = [
    `\`${networkPolicyFileName(s.release.name)}\` holds ${policies.length} NetworkPolicies, applied by install.sh after the release. Together they select every broker (label \`bufstream.buf.build/cluster=${s.cluster}\`), so the brokers accept and open only what one of them allows:`,
    "",
    ...policies.map(
      (p) =>
        `- \`${p.metadata.name}\`: ${describePolicy(p.metadata.name.slice(s.release.name.length + 1))}`,
    ),
    "",
    "They only work with a network plugin (CNI) that enforces NetworkPolicy, egress rules included: the Amazon VPC CNI with network policy turned on, Calico or Cilium on EKS; GKE Dataplane V2 or network policy enforcement on GKE; a network policy engine (`--network-policy azure`, `calico` or `cilium`) on AKS. They use ingress and egress rules, namespace selectors by name (`kubernetes.io/metadata.name`, Kubernetes 1.22+), namespace and pod selectors in one peer, and `ipBlock` with `except`.",
    "",
    `Read them back: \`kubectl get networkpolicy --namespace ${s.release.namespace}\` and \`kubectl describe networkpolicy --namespace ${s.release.namespace}\`.`,
    "",
    ...(s.exposure === "load-balancer" &&
    s.loadBalancer.provider === "aws" &&
    s.clients !== "outside-cluster" &&
    !s.zones.enabled
      ? [
          "Clients in the cluster are handed the NLB's address too, so their connections come back through the NLB and reach the brokers from its addresses: on that path the policy cannot tell their namespaces apart, and the NLB's source ranges decide.",
          "",
        ]
      : []),
  ];
  const groups = inClusterGroups(s);
  if (s.clients !== "outside-cluster" && groups.length > 0) {
    lines.push(
      `Is the policy letting your clients through? The last steps of install.sh (see How to verify) start a one-off pod running kcat (\`${KCAT_IMAGE}\`) in each client group's namespace, with its pod labels, and ask for metadata: ${groups.map(groupTitle).join("; ")}. From a namespace the policy should refuse, the same command times out.`,
      "",
    );
  }
  return lines;
}

function describePolicy(suffix: string): string {
  switch (suffix) {
    case "kafka":
      return "Kafka (9092) from the client groups allowed, the brokers themselves and, with a load balancer, where its traffic comes from.";
    case "admin":
      return "the admin API (9089, no authentication) and Connect (8080) from the namespaces named only.";
    case "brokers":
      return "broker to broker, both ways (Connect 8080, admin 9089, Kafka 9092).";
    case "metrics":
      return `the metrics port (${METRICS_PORT}) from the namespace Prometheus runs in.`;
    case "egress":
      return "out to the cluster DNS, HTTPS (object storage and cloud APIs; link-local addresses only where workload identity needs them), the metadata store and, when metrics are pushed, the collector.";
    default:
      return "";
  }
}

function sourceRangeLines(s: Scenario): string[] {
  if (s.exposure !== "load-balancer") return [];
  const ranges = s.access.loadBalancerSourceRanges;
  if (ranges.length === 0) {
    return s.clients === "in-cluster"
      ? []
      : [
          s.loadBalancer.scheme === "internet-facing"
            ? "The load balancer has no source ranges: it accepts connections from the whole internet."
            : "The load balancer has no source ranges: it accepts connections from any address that can reach its private IP (the VPC and the networks connected to it).",
          "",
        ];
  }
  const via =
    sourceRangesVia(s.loadBalancer.provider) === "annotation"
      ? "the `service.beta.kubernetes.io/load-balancer-source-ranges` annotation in the values (the chart has no key for `spec.loadBalancerSourceRanges`; this load balancer controller reads the annotation)"
      : "`kubectl patch` of `spec.loadBalancerSourceRanges` after the release (the chart has no key for it; Helm leaves the field alone on upgrades)";
  return [
    `The load balancer accepts only ${ranges.map((r) => `\`${r}\``).join(", ")}, set through ${via}.`,
    "",
    ...(lbKeepsClientAddress(s.loadBalancer.provider) || !s.access.networkPolicy
      ? []
      : [
          "An AWS NLB with ip targets reaches the pods from its own addresses in its subnets, so the NetworkPolicy admits those ranges on 9092 and the source ranges do the filtering by client address. With the VPC CNI, pods have VPC addresses too: a range holding pod addresses admits those pods on 9092 whatever their namespace, so prefer the NLB's own subnets to the whole VPC.",
          "",
        ]),
  ];
}

export function accessSection(s: Scenario): string[] {
  const body = [...sourceRangeLines(s), ...policyLines(s)];
  if (body.length === 0) return [];
  return ["## Who may connect", "", ...body];
}

/**
 * Shell lines running `body` for each of the chart's Services behind a load
 * balancer (one per zone when zone-aware): a loop for several, the name
 * itself for one. Release names are DNS labels, safe in a shell unquoted.
 */
function perLbService(s: Scenario, body: (service: string) => string[]): string[] {
  const services = buildTopologyPlan(s).releases.map((r) => r.release);
  if (services.length === 1) return body(services[0] ?? s.release.name);
  return [
    `for SERVICE in ${services.join(" ")}; do`,
    ...body('"${SERVICE}"').map((line) => `  ${line}`),
    "done",
  ];
}

/** The load balancer's own health, per cloud: where to see it. */
function lbMetricLines(s: Scenario): string[] {
  if (s.exposure !== "load-balancer") return [];
  switch (s.loadBalancer.provider) {
    case "aws":
      return [
        "The NLB's own metrics are in CloudWatch (namespace `AWS/NetworkELB`): `UnHealthyHostCount` and `HealthyHostCount` per target group (a broker the NLB cannot health-check, e.g. because a policy blocks the NLB's subnets), `TCP_Target_Reset_Count`, `ActiveFlowCount`. Target health now (with the How to verify helpers pasted):",
        "",
        "```sh",
        // lb_address (the How to verify helpers) reads the NLB's DNS name from the live Service.
        ...perLbService(s, (service) => [
          `LB_ARN="$(aws elbv2 describe-load-balancers --query "LoadBalancers[?DNSName=='$(lb_address ${service})'].LoadBalancerArn" --output text)"`,
          'for TG in $(aws elbv2 describe-target-groups --load-balancer-arn "${LB_ARN}" --query "TargetGroups[].TargetGroupArn" --output text); do',
          '  aws elbv2 describe-target-health --target-group-arn "${TG}"',
          "done",
        ]),
        "```",
        "",
      ];
    case "gcp":
      return [
        "GKE's passthrough load balancer reports backend health per backend service (Cloud Monitoring has its traffic under `loadbalancing.googleapis.com`). Health now (with the How to verify helpers pasted):",
        "",
        "```sh",
        ...perLbService(s, (service) => [
          `gcloud compute forwarding-rules list --filter="IPAddress=$(lb_address ${service})" --format="value(backendService)" |`,
          '  while read -r BACKEND; do gcloud compute backend-services get-health "${BACKEND}"; done',
        ]),
        "```",
        "",
      ];
    case "azure":
      return [
        "The Azure load balancer (`kubernetes` or `kubernetes-internal` in the cluster's node resource group) reports `DipAvailability` (health probe status per backend) and `VipAvailability` (data path availability) in Azure Monitor (the node resource group is `az aks show --query nodeResourceGroup`):",
        "",
        "```sh",
        // cloud-provider-azure names its load balancers kubernetes and kubernetes-internal.
        `LB_ID="$(az network lb show --resource-group <node resource group> --name ${s.loadBalancer.scheme === "internal" ? "kubernetes-internal" : "kubernetes"} --query id --output tsv)"`,
        'az monitor metrics list --resource "${LB_ID}" --metric DipAvailability VipAvailability --interval PT1M',
        "```",
        "",
      ];
    case "other":
      return [];
  }
}

export function monitoringSection(s: Scenario): string[] {
  const metrics = servesMetrics(s);
  const lb = lbMetricLines(s);
  if (!metrics && lb.length === 0) return [];
  const monitors = buildMonitorManifests(s);
  return [
    "## Monitoring",
    "",
    ...(metrics
      ? [
          `Every broker serves Prometheus metrics on port ${METRICS_PORT} (\`/metrics\`); the pods carry the \`prometheus.io\` scrape annotations for a plain Prometheus${monitors.length > 0 ? ", and install.sh applies a Prometheus Operator " + (s.monitoring.prometheusOperator === "pod-monitor" ? "PodMonitor" : "ServiceMonitor") + " where the Operator runs" : ""}. Metrics to alert on ([all of them](${METRICS_DOCS}); Prometheus writes the dots as underscores):`,
          "",
          "- `bufstream.build_info`: one series per running broker; fewer than the brokers you run means some are down or not scraped.",
          "- `bufstream.kafka.active_connections`: a sudden drop to zero after a change to a NetworkPolicy or the load balancer means clients are shut out.",
          "- `bufstream.intake.delay`: how long written records wait between arriving and being flushed to object storage; a rise means storage or metadata store trouble.",
          "",
          "```sh",
          `kubectl port-forward --namespace ${s.release.namespace} statefulset/${s.zones.enabled ? `${s.release.name}-${s.zones.names[0] ?? "<zone>"}` : s.release.name} ${METRICS_PORT}:${METRICS_PORT} &`,
          `curl -s http://localhost:${METRICS_PORT}/metrics | grep -E '^bufstream_(build_info|kafka_active_connections)'`,
          "```",
          "",
        ]
      : []),
    ...lb,
  ];
}

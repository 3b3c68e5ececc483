// Rules about names that break Kubernetes objects or the regional Service
// (domain 6, gotchas 5 and 6).
import type { Scenario } from "../scenario/schema";
import { CLUSTER_LABEL, buildTopologyPlan } from "../topology/plan";
import { FINDING } from "./finding-ids";
import type { Finding } from "./types";

/**
 * The StatefulSet controller labels each pod `controller-revision-hash:
 * <statefulset>-<10-character hash>`, and a label value is at most 63
 * characters, so a StatefulSet name over 52 characters creates no pods.
 * [inferred] The chart names its StatefulSet after the release (nameOverride),
 * as it does its Service (domain 2.3).
 */
export const MAX_STATEFULSET_NAME = 52;

/** The selector value in the docs' regional Service manifest (domain 2.3). */
const DOCS_CLUSTER_VALUE = "bufstream";

/**
 * Namespaces Kubernetes or a managed cluster keeps for itself: `default`,
 * anything starting `kube-` (the prefix Kubernetes reserves: kube-system,
 * kube-public, kube-node-lease) and the ones GKE, EKS and AKS manage.
 */
const SYSTEM_NAMESPACE = new RegExp(
  `^(${[
    "default",
    "kube-.*",
    "gke-managed-.*",
    "gke-gmp-system",
    "gke-connect",
    "gmp-system",
    "gmp-public",
    "amazon-cloudwatch",
    "amazon-guardduty",
    "aws-observability",
    "azure-arc",
    "aks-command",
    "calico-system",
    "tigera-operator",
    "gatekeeper-system",
  ].join("|")})$`,
);

function checkNamespace(s: Scenario): Finding[] {
  const namespace = s.release.namespace;
  if (!SYSTEM_NAMESPACE.test(namespace)) return [];
  const isDefault = namespace === "default";
  return [
    {
      id: FINDING.systemNamespace,
      severity: "warning",
      message: isDefault
        ? "Namespace default holds whatever is created without a namespace: Bufstream would share it with unrelated workloads."
        : `Namespace ${namespace} belongs to Kubernetes or the cloud's own components, not to applications.`,
      why: isDefault
        ? "Quotas, network policies, RBAC and cleanup (kubectl delete namespace) then reach Bufstream and everything else in default alike; a namespace of its own keeps them apart."
        : "System namespaces run the cluster's own components under stricter policies (Pod Security, admission webhooks, managed add-ons that reconcile what they find there); Bufstream's brokers, Secrets and Services would sit among them and could be changed or blocked by them.",
      fix: "Install Bufstream in a namespace of its own, such as bufstream (install.sh creates it).",
      fields: ["release.namespace"],
      clients: [],
    },
  ];
}

export function checkNames(s: Scenario): Finding[] {
  const plan = buildTopologyPlan(s);
  const findings: Finding[] = [...checkNamespace(s)];
  const tooLong = plan.releases.filter((r) => r.release.length > MAX_STATEFULSET_NAME);
  if (tooLong.length > 0) {
    const zoneFields = tooLong.flatMap((r) => {
      const i = r.zone === null ? -1 : s.zones.names.indexOf(r.zone);
      return i < 0 ? [] : [`zones.names.${i}`];
    });
    findings.push({
      id: FINDING.statefulSetNameTooLong,
      severity: "error",
      message: `The StatefulSet name ${tooLong[0]?.release} is ${tooLong[0]?.release.length} characters; over ${MAX_STATEFULSET_NAME}, Kubernetes creates no pods.`,
      why: "The StatefulSet controller labels every pod controller-revision-hash: <name>-<10-character hash>, and label values are at most 63 characters.",
      fix: "Shorten the release name (or the zone names, which are appended to it).",
      fields: ["release.name", ...zoneFields],
      clients: [],
    });
  }
  if (plan.regionalService !== null) {
    findings.push({
      id: FINDING.regionalServiceCollision,
      severity: "info",
      message: `The regional Service is named ${plan.regionalService}, the name a non-zonal release ${plan.regionalService} gives its own Service: the two cannot live in namespace ${s.release.namespace} together.`,
      why: "A non-zonal release creates a Service named after itself. When moving from a single release to zonal releases, applying the regional Service would overwrite it, and Helm would later delete it with the old release.",
      fix: `If ${plan.regionalService} is installed without zones in ${s.release.namespace}, uninstall it first or pick another release name.`,
      fields: ["release.name"],
      clients: [],
    });
    if (s.cluster !== DOCS_CLUSTER_VALUE) {
      findings.push({
        id: FINDING.clusterLabelSelector,
        severity: "info",
        message: `The regional Service selects ${CLUSTER_LABEL}: ${s.cluster}, not the docs' ${DOCS_CLUSTER_VALUE}.`,
        why: "Brokers carry the label with the cluster value, and the manifest in Bufstream's docs hard-codes bufstream. The wizard writes the selector from your cluster value, so its own file matches; a copy of the docs' manifest would select no pods.",
        fix: "Use the generated regional Service file, not the docs' example; keep the cluster value the same in every zonal release.",
        fields: ["cluster"],
        clients: [],
      });
    }
  }
  return findings;
}

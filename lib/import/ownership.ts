// Which values keys the wizard owns for a scenario: the keys its builders
// (lib/values, lib/platform) write. In the corrected values the wizard's value
// wins on an owned key, and an owned key the wizard leaves out is removed
// (the scenario says "chart default" there); every other key is the user's
// and kept as is. This is the layering install.sh applies to existing
// releases too (issue 11): the user's values first, the wizard's on top where
// it owns the key.
//
// Owned keys are listed leaf by leaf, not by whole subtree, so a key the
// wizard does not model (bufstream.service.annotations of a subnet, a typo
// under storage) stays the user's.
import {
  AZURE_WI_ANNOTATION,
  AZURE_WI_POD_LABEL,
  GKE_WI_ANNOTATION,
  IRSA_ANNOTATION,
} from "../platform/identity";
import { RELEASE_POD_LABEL } from "../manifests/service";
import type { Scenario } from "../scenario/schema";
import { LB_ANNOTATION, sourceRangesVia } from "../values/load-balancer";
import { startsWith, type KeyPath } from "./paths";

const DEPLOYMENT = ["bufstream", "deployment"] as const;
const ANNOTATIONS = ["bufstream", "service", "annotations"] as const;
const SASL = ["kafka", "authentication", "sasl"] as const;

/** Written for every scenario (networking, TLS and authentication apply in both scopes). */
const ALWAYS: KeyPath[] = [
  ["nameOverride"],
  ["zone"],
  ["cluster"],
  ["kafka", "publicAddress"],
  ["kafka", "tlsCertificateSecrets"],
  ["kafka", "tlsClientAuth"],
  ["kafka", "tlsClientCasSecret"],
  [...SASL, "plain"],
  [...SASL, "scram"],
  [...SASL, "oauthBearer"],
  ["kafka", "authentication", "mtls"],
  ["bufstream", "service", "type"],
  ["bufstream", "service", "loadBalancerIP"],
  ...[
    LB_ANNOTATION.awsType,
    LB_ANNOTATION.awsTargetType,
    LB_ANNOTATION.awsScheme,
    LB_ANNOTATION.awsAttributes,
    LB_ANNOTATION.gkeType,
    LB_ANNOTATION.azureInternal,
    LB_ANNOTATION.azureIpv4,
  ].map((key) => [...ANNOTATIONS, key]),
  [...DEPLOYMENT, "replicaCount"],
  [...DEPLOYMENT, "podLabels", RELEASE_POD_LABEL],
];

/** Written per zone when zones are on: each release's ServiceAccount and its zone pin. */
const ZONAL: KeyPath[] = [
  ["bufstream", "serviceAccount", "name"],
  [...DEPLOYMENT, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"],
];

const STORAGE_KEYS: Record<string, string[]> = {
  s3: ["bucket", "region", "endpoint", "prefix", "forcePathStyle", "accessKeyId", "secretName"],
  gcs: ["bucket", "prefix", "secretName"],
  azure: ["bucket", "endpoint", "prefix", "accessKeyId", "secretName"],
};

/** Written for a complete install only (lib/platform/index.ts decides the same way). */
const COMPLETE: KeyPath[] = [
  ["storage", "use"],
  ...Object.entries(STORAGE_KEYS).flatMap(([provider, keys]) =>
    keys.map((key) => ["storage", provider, key]),
  ),
  ["metadata", "use"],
  ["metadata", "etcd", "addresses"],
  // One of dsn, secretName or env: the wizard always uses secretName, so the others go.
  ["metadata", "postgres", "secretName"],
  ["metadata", "postgres", "dsn"],
  ["metadata", "postgres", "env"],
  ["metadata", "postgres", "cloudsql", "instance"],
  ["metadata", "postgres", "cloudsql", "iam"],
  ["metadata", "postgres", "cloudsql", "privateIP"],
  ["metadata", "spanner", "projectId"],
  ["metadata", "spanner", "instanceId"],
  ["metadata", "spanner", "databaseName"],
  ["bufstream", "serviceAccount", "annotations", IRSA_ANNOTATION],
  ["bufstream", "serviceAccount", "annotations", GKE_WI_ANNOTATION],
  ["bufstream", "serviceAccount", "annotations", AZURE_WI_ANNOTATION],
  // The identity binding install.sh makes names the chart's ServiceAccount.
  ["bufstream", "serviceAccount", "name"],
  [...DEPLOYMENT, "podLabels", AZURE_WI_POD_LABEL],
  ["observability", "logLevel"],
  ["observability", "metrics", "exporterType"],
  ...["prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path"].map((key) => [
    ...DEPLOYMENT,
    "podAnnotations",
    key,
  ]),
  [...DEPLOYMENT, "resources", "requests", "cpu"],
  [...DEPLOYMENT, "resources", "requests", "memory"],
  [...DEPLOYMENT, "resources", "limits", "memory"],
  ...["enabled", "minReplicas", "maxReplicas", "targetCPU"].map((key) => [
    ...DEPLOYMENT,
    "autoscaling",
    key,
  ]),
];

/** Key prefixes the wizard writes for this scenario. */
export function ownedPrefixes(s: Scenario): KeyPath[] {
  const owned = [...ALWAYS];
  // The source ranges are values only where the controller reads the annotation;
  // elsewhere install.sh patches the Service, and a user's annotation stays theirs.
  if (s.exposure === "load-balancer" && sourceRangesVia(s.loadBalancer.provider) === "annotation")
    owned.push([...ANNOTATIONS, LB_ANNOTATION.sourceRanges]);
  if (s.zones.enabled) owned.push(...ZONAL);
  if (s.valuesScope === "complete") {
    owned.push(...COMPLETE);
    // The OTLP address is the exporter's, which tracing may share: owned only when metrics use it.
    const otlp = s.observability.metrics === "OTLP_GRPC" || s.observability.metrics === "OTLP_HTTP";
    if (otlp)
      owned.push(
        ["observability", "exporter", "address"],
        ["observability", "exporter", "insecure"],
      );
  }
  return owned;
}

/** Whether `path` overlaps a preserved path: the user's value stands there, whatever the wizard owns. */
export function isPreserved(path: KeyPath, preserved: readonly KeyPath[]): boolean {
  return preserved.some((p) => startsWith(path, p) || startsWith(p, path));
}

export function isOwned(
  path: KeyPath,
  owned: readonly KeyPath[],
  preserved: readonly KeyPath[],
): boolean {
  return owned.some((prefix) => startsWith(path, prefix)) && !isPreserved(path, preserved);
}

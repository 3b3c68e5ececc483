// The chart's documented values keys (domain reference 1.1-1.4, chart as
// documented up to ~v0.3.30), machine-readable, so a test can prove every
// values file the wizard writes uses only keys the chart knows. Open question 3:
// if the chart ships a values.schema.json, an unknown key might be rejected.

/** Every documented key path, dot-separated. Branches are implied by their leaves. */
export const DOCUMENTED_KEYS: readonly string[] = [
  "nameOverride",
  "namespaceOverride",
  "namespaceCreate",
  "imagePullSecrets",
  "cluster",
  "zone",
  "discoverZoneFromNode",
  "dataEnforcement",
  "kafka.address.host",
  "kafka.address.port",
  "kafka.publicAddress.host",
  "kafka.publicAddress.port",
  "kafka.tlsCertificateSecrets",
  "kafka.tlsClientAuth",
  "kafka.tlsClientCasSecret",
  "kafka.tlsClientCasSecretKey",
  "kafka.fetchEager",
  "kafka.fetchSync",
  "kafka.produceConcurrent",
  "kafka.zoneBalanceStrategy",
  "kafka.partitionBalanceStrategy",
  "kafka.requestBufferSize",
  "kafka.idleTimeout",
  "kafka.numPartitions",
  "kafka.exactLogSizes",
  "kafka.exactLogOffsets",
  "kafka.groupConsumerSessionTimeout",
  "kafka.groupConsumerSessionTimeoutMin",
  "kafka.groupConsumerSessionTimeoutMax",
  // 1.3: kafka.authentication
  "kafka.authentication.sasl.plain.credentialsSecrets",
  "kafka.authentication.sasl.anonymous",
  "kafka.authentication.sasl.scram.adminCredentials.hash",
  "kafka.authentication.sasl.scram.adminCredentials.plaintextCredentialsSecret",
  "kafka.authentication.sasl.scram.adminCredentials.salted.iterations",
  "kafka.authentication.sasl.scram.adminCredentials.salted.saltedSecret",
  "kafka.authentication.sasl.oauthBearer.jwks.staticConfig",
  "kafka.authentication.sasl.oauthBearer.jwks.remote.urlConfig",
  "kafka.authentication.sasl.oauthBearer.jwks.remote.refreshInterval",
  "kafka.authentication.sasl.oauthBearer.jwks.remote.tls.insecureSkipVerify",
  "kafka.authentication.sasl.oauthBearer.jwks.remote.tls.rootCaSecret",
  // Where the Helm values reference places them (domain 8.6); the SASL page
  // shows them beside jwks instead, so both spellings are listed as documented.
  "kafka.authentication.sasl.oauthBearer.jwks.audience",
  "kafka.authentication.sasl.oauthBearer.jwks.issuer",
  "kafka.authentication.sasl.oauthBearer.audience",
  "kafka.authentication.sasl.oauthBearer.issuer",
  "kafka.authentication.mtls.principalSource",
  "kafka.authentication.maxReceiveBytes",
  "iceberg.catalogs",
  "connectTLS.server.certificateSecrets",
  "connectTLS.client.insecureSkipVerify",
  "connectTLS.client.rootCaSecret",
  "connectHttpVersion",
  "connectIsolation",
  "adminTLS.certificateSecrets",
  "metadata.use",
  "metadata.etcd.addresses",
  "metadata.etcd.tls.insecureSkipVerify",
  "metadata.etcd.tls.rootCaSecret",
  "metadata.spanner.projectId",
  "metadata.spanner.instanceId",
  "metadata.spanner.databaseName",
  "metadata.postgres.dsn",
  "metadata.postgres.secretName",
  "metadata.postgres.env",
  "metadata.postgres.cloudsql.instance",
  "metadata.postgres.cloudsql.iam",
  "metadata.postgres.cloudsql.privateIP",
  "metadata.postgres.pool.maxConnections",
  "metadata.postgres.pool.minConnections",
  "storage.use",
  "storage.gcs.bucket",
  "storage.gcs.prefix",
  "storage.gcs.secretName",
  "storage.s3.bucket",
  "storage.s3.region",
  "storage.s3.endpoint",
  "storage.s3.prefix",
  "storage.s3.forcePathStyle",
  "storage.s3.accessKeyId",
  "storage.s3.secretName",
  "storage.azure.bucket",
  "storage.azure.endpoint",
  "storage.azure.prefix",
  "storage.azure.accessKeyId",
  "storage.azure.secretName",
  "observability.logLevel",
  "observability.exporter.address",
  "observability.exporter.insecure",
  "observability.metrics.exporterType",
  "observability.metrics.address",
  "observability.metrics.path",
  "observability.metrics.insecure",
  "observability.metrics.enableInternalMetrics",
  "observability.metrics.enableLabels",
  "observability.metrics.otlpTemporalityPreference",
  "observability.metrics.aggregation.topics",
  "observability.metrics.aggregation.partitions",
  "observability.metrics.aggregation.consumerGroups",
  "observability.metrics.aggregation.principalIDs",
  "observability.tracing.exporterType",
  "observability.tracing.address",
  "observability.tracing.path",
  "observability.tracing.insecure",
  "observability.tracing.traceRatio",
  "observability.sensitiveInformationRedaction",
  "bufstream.service.enabled",
  "bufstream.service.type",
  "bufstream.service.annotations",
  "bufstream.service.loadBalancerIP",
  "bufstream.serviceAccount.create",
  "bufstream.serviceAccount.name",
  "bufstream.serviceAccount.annotations",
  "bufstream.deployment.kind",
  "bufstream.deployment.command",
  "bufstream.deployment.args",
  "bufstream.deployment.replicaCount",
  "bufstream.deployment.podAnnotations",
  "bufstream.deployment.selectorLabels",
  "bufstream.deployment.podLabels",
  "bufstream.deployment.podManagementPolicy",
  "bufstream.deployment.serviceName",
  "bufstream.deployment.resources.requests.cpu",
  "bufstream.deployment.resources.requests.memory",
  "bufstream.deployment.resources.limits.cpu",
  "bufstream.deployment.resources.limits.memory",
  "bufstream.deployment.nodeSelector",
  "bufstream.deployment.affinity",
  "bufstream.deployment.tolerations",
  "bufstream.deployment.extraInitContainers",
  "bufstream.deployment.extraEnv",
  "bufstream.deployment.extraVolumeMounts",
  "bufstream.deployment.extraVolumes",
  "bufstream.deployment.extraContainerPorts",
  "bufstream.deployment.extraContainers",
  "bufstream.deployment.livenessProbe.failureThreshold",
  "bufstream.deployment.livenessProbe.timeoutSeconds",
  "bufstream.deployment.readinessProbe.failureThreshold",
  "bufstream.deployment.readinessProbe.timeoutSeconds",
  "bufstream.deployment.startupProbe.failureThreshold",
  "bufstream.deployment.terminationGracePeriodSeconds",
  "bufstream.deployment.shareProcessNamespace",
  "bufstream.deployment.autoscaling.enabled",
  "bufstream.deployment.autoscaling.minReplicas",
  "bufstream.deployment.autoscaling.maxReplicas",
  "bufstream.deployment.autoscaling.targetCPU",
  "bufstream.deployment.autoscaling.targetMemory",
  "bufstream.deployment.autoscaling.behavior",
  "bufstream.controlServerService.enabled",
  "bufstream.controlServerService.annotations",
  "bufstream.podDisruptionBudget.enabled",
  "bufstream.podDisruptionBudget.minAvailable",
  "bufstream.podDisruptionBudget.maxUnavailable",
  "bufstream.image.repository",
  "bufstream.image.tag",
  "bufstream.image.pullPolicy",
  "extraObjects",
  "configOverrides",
];

/**
 * Annotations the wizard writes under `bufstream.service.annotations` that
 * stand for a scenario field rather than a fixed provider setting, so an
 * import of existing values (issue 15) can map them back: the load balancer's
 * source ranges (issue 16; the chart has no key for
 * spec.loadBalancerSourceRanges), a comma-separated list of CIDRs.
 */
export const SCENARIO_SERVICE_ANNOTATIONS: Readonly<Record<string, string>> = {
  "service.beta.kubernetes.io/load-balancer-source-ranges": "access.loadBalancerSourceRanges",
};

/**
 * Keys whose value is a free-form map or a Kubernetes structure: anything below
 * them is the user's or Kubernetes' business, not the chart's key tree.
 */
export const OPAQUE_KEYS: readonly string[] = [
  "dataEnforcement",
  "iceberg.catalogs",
  "kafka.authentication.sasl.oauthBearer.jwks.staticConfig",
  "kafka.authentication.sasl.oauthBearer.jwks.remote.urlConfig",
  "observability.metrics.enableLabels",
  "bufstream.service.annotations",
  "bufstream.serviceAccount.annotations",
  "bufstream.controlServerService.annotations",
  "bufstream.deployment.podAnnotations",
  "bufstream.deployment.selectorLabels",
  "bufstream.deployment.podLabels",
  "bufstream.deployment.nodeSelector",
  "bufstream.deployment.affinity",
  "bufstream.deployment.extraContainerPorts",
  "bufstream.deployment.autoscaling.behavior",
  "configOverrides",
];

/**
 * Keys that exist(ed) but must not be generated: `name` (the zonal guides set
 * it; not a chart key, gotcha 4), `autoMigrateMetadataStorage` (removed in
 * v0.3.29) and the deprecated observability keys (gotcha 8).
 */
export const FORBIDDEN_KEYS: readonly string[] = [
  "name",
  "autoMigrateMetadataStorage",
  "observability.otlpEndpoint",
  "observability.metrics.exporter",
  "observability.metrics.omitPartitionAttribute",
  "observability.tracing.exporter",
];

const documentedLeaves = new Set(DOCUMENTED_KEYS);
const opaque = new Set(OPAQUE_KEYS);
const documentedBranches = new Set(
  DOCUMENTED_KEYS.flatMap((key) => {
    const parts = key.split(".");
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("."));
  }),
);

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The key paths of `values` the chart does not document (or that are
 * forbidden), as lists of keys: a key may itself contain dots. Lists are
 * leaves; opaque maps are not looked into.
 */
export function undocumentedKeyPaths(
  values: Record<string, unknown>,
  prefix: readonly string[] = [],
): string[][] {
  const found: string[][] = [];
  for (const [key, value] of Object.entries(values)) {
    const parts = [...prefix, key];
    const path = parts.join(".");
    if (FORBIDDEN_KEYS.includes(path)) {
      found.push(parts);
    } else if (opaque.has(path)) {
      continue;
    } else if (isMap(value) && documentedBranches.has(path)) {
      found.push(...undocumentedKeyPaths(value, parts));
    } else if (!documentedLeaves.has(path)) {
      found.push(parts);
    }
  }
  return found;
}

/** undocumentedKeyPaths, dot-joined (what the tests of generated values compare). */
export function undocumentedKeys(values: Record<string, unknown>): string[] {
  return undocumentedKeyPaths(values).map((parts) => parts.join("."));
}

/** The documented keys and branches directly under `parent` (dot-joined), for "did you mean" hints. */
export function documentedChildren(parent: string): string[] {
  const prefix = parent === "" ? "" : `${parent}.`;
  const children = new Set<string>();
  for (const key of [...documentedLeaves, ...documentedBranches]) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (rest !== "" && !rest.includes(".")) children.add(rest);
  }
  return [...children];
}

/** True for a documented leaf or branch (dot-joined path). */
export function isDocumentedKey(path: string): boolean {
  return documentedLeaves.has(path) || documentedBranches.has(path);
}

/** True for a key whose value is free-form (annotations, affinity, configOverrides, ...). */
export function isOpaqueKey(path: string): boolean {
  return opaque.has(path);
}

/**
 * Plain names for form fields, for problem lists ("Load balancer host: …").
 * Fields not listed fall back to their path in words.
 */
const LABELS: Record<string, string> = {
  "release.name": "Helm release name",
  "release.namespace": "Namespace",
  "release.chart": "Chart reference",
  "release.chartVersion": "Chart version",
  cluster: "Cluster name",
  clients: "Where Kafka clients run",
  exposure: "Service type",
  "loadBalancer.provider": "Cloud provider",
  "loadBalancer.scheme": "Load balancer scheme",
  "loadBalancer.hostSource": "The load balancer's address",
  "loadBalancer.host": "Load balancer host",
  "loadBalancer.port": "Load balancer port",
  "loadBalancer.staticIp": "Reserved IP",
  "zones.enabled": "Zone-aware routing",
  "zones.names": "Zones",
  "zones.replicasPerZone": "Brokers per zone",
  "zones.bootstrapHost": "Bootstrap address across zones",
  replicas: "Brokers",
  valuesScope: "Values to generate",
  install: "Is Bufstream already installed?",
  "metadata.etcd.source": "Where etcd runs",
  // The platform questions (a complete values file), by the form's own labels,
  // with the step's name where the label alone would be ambiguous in a list.
  "storage.use": "Storage service",
  "storage.region": "Storage region",
  "storage.forcePathStyle": "Path-style requests",
  "storage.prefix": "Key prefix",
  "storage.credentials": "Storage credentials",
  "storage.secretName": "Storage secret name",
  "identity.method": "Workload identity",
  "identity.awsRoleArn": "IAM role ARN",
  "identity.awsClusterName": "EKS cluster name",
  "identity.gcpServiceAccount": "Google service account",
  "identity.azureClientId": "Managed identity client id",
  "identity.azureIdentityName": "Managed identity name",
  "identity.azureResourceGroup": "Resource group of the identity",
  "metadata.use": "Metadata store",
  "metadata.postgres.secretName": "DSN secret name",
  "metadata.postgres.cloudsqlInstance": "Cloud SQL instance",
  "metadata.postgres.cloudsqlIam": "Cloud SQL IAM authentication",
  "metadata.postgres.cloudsqlPrivateIp": "Connect over the instance's private IP",
  "metadata.spanner.projectId": "Spanner project id",
  "metadata.spanner.instanceId": "Spanner instance id",
  "metadata.spanner.databaseName": "Spanner database name",
  "tls.enabled": "Serve Kafka over TLS",
  "tls.certificateSecret": "Certificate secret name",
  "tls.clientAuth": "Client certificates",
  "tls.clientCasSecret": "Client CA secret name",
  "auth.sasl": "SASL mechanism",
  "auth.plainSecret": "Credentials secret name",
  "auth.scramHash": "SCRAM hash",
  "auth.scramSecret": "Admin credentials secret name",
  "auth.oauthJwksUrl": "JWKS URL",
  "auth.oauthIssuer": "Issuer",
  "auth.oauthAudience": "Audience",
  "auth.mtlsPrincipal": "mTLS principal",
  "observability.metrics": "Metrics",
  "observability.otlpAddress": "Collector address",
  "observability.otlpInsecure": "The collector speaks plaintext (no TLS)",
  "observability.logLevel": "Log level",
  "resources.cpu": "CPU request per broker",
  "resources.memory": "Memory per broker",
  "resources.autoscaling.enabled": "Scale brokers with CPU",
  "resources.autoscaling.minReplicas": "Minimum brokers",
  "resources.autoscaling.maxReplicas": "Maximum brokers",
  "resources.autoscaling.targetCPU": "Target CPU utilisation (%)",
  "clientKit.appName": "Application name",
  // Issue 16: who may connect, monitoring.
  "access.networkPolicy": "Write NetworkPolicies for the brokers",
  "access.clientGroups": "Where clients run in the cluster",
  "access.kafkaFrom": "Allow Kafka (9092) from",
  "access.kafkaPeers": "Namespaces and pods allowed to reach Kafka",
  "access.adminPeers": "Allowed to reach the admin (9089) and Connect (8080) ports",
  "access.outsideClientCidrs": "Networks outside clients connect from",
  "access.loadBalancerSourceRanges": "Load balancer source ranges",
  "access.lbTrafficCidrs": "Where the load balancer's traffic comes from",
  "access.metadataCidrs": "Where the metadata store is",
  "access.httpsCidrs": "Where the brokers may connect over HTTPS",
  "monitoring.prometheusOperator": "Prometheus Operator",
  "monitoring.monitorLabels": "Labels your Prometheus selects monitors by",
  "monitoring.prometheusNamespace": "Namespace Prometheus runs in",
};

export function describeField(path: string): string {
  const known = LABELS[path];
  if (known !== undefined) return known;
  const zoneName = /^zones\.names\.(\d+)$/.exec(path);
  if (zoneName?.[1] !== undefined) return `Zone ${Number(zoneName[1]) + 1} name`;
  const zoneHost = /^zones\.hosts\.(.+)$/.exec(path);
  if (zoneHost?.[1] !== undefined) return `Load balancer host for zone ${zoneHost[1]}`;
  if (path === "") return "Scenario";
  return path
    .split(".")
    .map((part) => part.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase())
    .join(" › ")
    .replace(/^./, (c) => c.toUpperCase());
}

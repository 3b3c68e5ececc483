/**
 * Plain names for form fields, for problem lists ("Load balancer host: …").
 * Fields not listed fall back to their path in words.
 */
const LABELS: Record<string, string> = {
  "release.name": "Release name",
  "release.namespace": "Namespace",
  "release.chart": "Chart",
  "release.chartVersion": "Chart version",
  cluster: "Cluster name",
  clients: "Where clients run",
  exposure: "How clients reach the brokers",
  "loadBalancer.provider": "Cloud provider",
  "loadBalancer.scheme": "Load balancer scheme",
  "loadBalancer.hostSource": "Load balancer address",
  "loadBalancer.host": "Load balancer host",
  "loadBalancer.port": "Load balancer port",
  "loadBalancer.staticIp": "Reserved IP",
  "zones.enabled": "Zone-aware routing",
  "zones.names": "Zones",
  "zones.replicasPerZone": "Brokers per zone",
  "zones.bootstrapHost": "Bootstrap address across zones",
  replicas: "Brokers",
  valuesScope: "What to generate",
  install: "Is Bufstream already installed?",
  "metadata.etcd.source": "Where etcd runs",
  "observability.otlpInsecure": "Collector plaintext (no TLS)",
  "clientKit.appName": "Application name",
  // Issue 16: who may connect, monitoring.
  "access.networkPolicy": "NetworkPolicies",
  "access.clientGroups": "Where clients run in the cluster",
  "access.kafkaFrom": "Allow Kafka from",
  "access.kafkaPeers": "Allowed to reach Kafka",
  "access.adminPeers": "Allowed to reach the admin and Connect ports",
  "access.outsideClientCidrs": "Networks outside clients connect from",
  "access.loadBalancerSourceRanges": "Load balancer source ranges",
  "access.lbTrafficCidrs": "Where the load balancer's traffic comes from",
  "access.metadataCidrs": "Where the metadata store is",
  "access.httpsCidrs": "Where the brokers may connect over HTTPS",
  "monitoring.prometheusOperator": "Prometheus Operator",
  "monitoring.monitorLabels": "Monitor labels",
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

// Stable finding ids: tests, the CLI (`--check`), the client views and the
// diagram key on them. Never rename one; add new ids instead.
export const FINDING = {
  outsideClientsClusterIp: "outside-clients-cluster-ip",
  mixedClientsClusterIp: "mixed-clients-cluster-ip",
  outsideClientsHeadless: "outside-clients-headless",
  lbHostAfterInstall: "lb-host-after-install",
  lbHostPlaceholder: "lb-host-placeholder",
  lbHostInClusterName: "lb-host-in-cluster-name",
  lbHostNotStaticIp: "lb-host-not-static-ip",
  lbInternalOutsideClients: "lb-internal-outside-clients",
  lbInternetFacing: "lb-internet-facing",
  lbHairpin: "lb-hairpin-in-cluster",
  lbPortAdvertised: "lb-port-advertised",
  zonesSingle: "zones-single-zone",
  zonesDuplicateHost: "zones-duplicate-host",
  zonesNameFormat: "zones-name-format",
  zoneHostsAfterInstall: "zone-hosts-after-install",
  zonesBootstrapOneZone: "zones-bootstrap-one-zone",
  tooFewBrokers: "too-few-brokers",
  belowRecommendedSize: "below-recommended-size",
  zonesAutoscalingPerZone: "zones-autoscaling-per-zone",
  statefulSetNameTooLong: "statefulset-name-too-long",
  systemNamespace: "system-namespace",
  regionalServiceCollision: "regional-service-collision",
  clusterLabelSelector: "cluster-label-selector",
  tlsNamesToCover: "tls-names-to-cover",
  tlsNamesAfterInstall: "tls-names-after-install",
  saslWithoutTls: "sasl-without-tls",
  identityZonalBindings: "identity-zonal-bindings",
} as const;

export type FindingId = (typeof FINDING)[keyof typeof FINDING];

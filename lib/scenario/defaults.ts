import type { Scenario } from "./schema";

/**
 * The chart reference the wizard defaults to. Buf's own Terraform moved to this
 * registry (no login) on 2025-06-17, while the docs mirror still shows the
 * older `buf-images-1/bufstream/charts/bufstream`, which needs
 * `helm registry login`. Domain reference 2.1 recommends the newer one;
 * LEGACY_CHART is still accepted and gets its login step (open question 1).
 */
export const DEFAULT_CHART = "oci://us-docker.pkg.dev/buf-images-1/buf/charts/bufstream";
export const LEGACY_CHART = "oci://us-docker.pkg.dev/buf-images-1/bufstream/charts/bufstream";
/** The newest chart seen in the sources (bufstream-demo, Dec 2025). */
export const DEFAULT_CHART_VERSION = "0.4.9";
/**
 * The newest chart version whose Helm values Bufstream's docs describe: the
 * keys the wizard writes are those (open question 1: 0.4 changed the broker's
 * own configuration format, and the docs do not say whether the values did).
 * The bundle's README and the page's chart version help both say so.
 */
export const CHART_KEYS_DOCUMENTED_UP_TO = "0.3.30";

/** Every field's default. The decoder fills these into partial documents. */
export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  release: {
    name: "bufstream",
    namespace: "bufstream",
    chart: DEFAULT_CHART,
    chartVersion: DEFAULT_CHART_VERSION,
  },
  cluster: "bufstream",
  clients: "in-cluster",
  exposure: "cluster-ip",
  loadBalancer: {
    provider: "aws",
    scheme: "internal",
    host: "",
    port: 9092,
    staticIp: "",
    hostSource: "known",
  },
  zones: {
    enabled: false,
    names: [],
    replicasPerZone: 2,
    hosts: {},
    bootstrapHost: "",
  },
  replicas: 3,
  // The default page is a networking overlay for a release that exists: a
  // correct, working bundle with no error (install.sh reads the release's
  // values and changes only the keys it sets, and stops before any change when
  // there is no release). "new" would need storage and metadata answers first.
  // It is also what an old link meant by "networking only": merge into the
  // values you already have (see derivedDefaults for old "complete" links).
  valuesScope: "networking",
  install: "existing",
  storage: {
    use: "s3",
    bucket: "",
    prefix: "",
    region: "",
    endpoint: "",
    forcePathStyle: false,
    credentials: "workload-identity",
    accessKeyId: "",
    secretName: "bufstream-storage",
  },
  identity: {
    method: "none",
    awsRoleArn: "",
    awsClusterName: "",
    gcpServiceAccount: "",
    azureClientId: "",
    azureIdentityName: "",
    azureResourceGroup: "",
  },
  metadata: {
    use: "etcd",
    // No guessed address (the old default named namespace bufstream whatever
    // the release's namespace was): the user says whether the bundle installs
    // etcd, whose address then follows the namespace, or enters their own.
    etcd: { source: "", addresses: [{ host: "", port: 2379 }] },
    postgres: {
      secretName: "bufstream-postgres",
      cloudsqlInstance: "",
      cloudsqlIam: false,
      cloudsqlPrivateIp: false,
    },
    spanner: { projectId: "", instanceId: "", databaseName: "bufstream" },
  },
  tls: {
    enabled: false,
    certificateSecret: "bufstream-tls",
    clientAuth: "NO_CERT",
    clientCasSecret: "",
  },
  auth: {
    sasl: "none",
    plainSecret: "bufstream-sasl-plain",
    scramHash: "SHA512",
    scramSecret: "bufstream-scram-admin",
    oauthIssuer: "",
    oauthAudience: "",
    oauthJwksUrl: "",
    mtlsPrincipal: "",
  },
  // otlpInsecure false is the chart's own default (TLS to the collector).
  observability: { metrics: "NONE", otlpAddress: "", otlpInsecure: false, logLevel: "INFO" },
  resources: {
    cpu: "2",
    memory: "8Gi",
    autoscaling: { enabled: false, minReplicas: 6, maxReplicas: 18, targetCPU: 50 },
  },
  clientKit: { appName: "my-app" },
  // Off here and for every document without the field (links and files from
  // before issue 16 never had a policy, and a policy that blocks nothing it
  // should is only possible once the user says where clients run). The form
  // turns it on when the user first chooses a complete install, the
  // "with network policies" presets have it on.
  access: {
    networkPolicy: false,
    // Clients in Bufstream's own namespace: the one place every cluster has.
    clientGroups: [{ namespace: "", namespaceLabels: "", podLabels: "" }],
    kafkaFrom: "client-groups",
    kafkaPeers: [],
    // The admin and Connect ports from Bufstream's namespace only (issue 16).
    adminPeers: [{ namespace: "", namespaceLabels: "", podLabels: "" }],
    outsideClientCidrs: [],
    loadBalancerSourceRanges: [],
    lbTrafficCidrs: [],
    metadataCidrs: [],
    httpsCidrs: [],
  },
  monitoring: {
    prometheusOperator: "none",
    monitorLabels: "",
    // kube-prometheus-stack's documented install namespace.
    prometheusNamespace: "monitoring",
  },
};

/**
 * Defaults that depend on another field of the same document, filled in by
 * restore() before the plain defaults: only for documents that lack the field
 * (share links and scenario files written before it existed).
 *
 * `install`: a document that chose complete values without saying whether
 * Bufstream is installed meant "install or upgrade with these values" (what
 * install.sh did then), which is a new install; one with networking values
 * meant "merge into the values you already have", an existing release.
 */
export function withDerivedDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  if (Object.prototype.hasOwnProperty.call(doc, "install")) return doc;
  return doc.valuesScope === "complete" ? { ...doc, install: "new" } : doc;
}

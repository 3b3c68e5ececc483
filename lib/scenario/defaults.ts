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
  valuesScope: "networking",
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
    etcd: { addresses: [{ host: "bufstream-etcd.bufstream.svc.cluster.local", port: 2379 }] },
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
  observability: { metrics: "NONE", otlpAddress: "", logLevel: "INFO" },
  resources: {
    cpu: "2",
    memory: "8Gi",
    autoscaling: { enabled: false, minReplicas: 6, maxReplicas: 18, targetCPU: 50 },
  },
  clientKit: { appName: "my-app" },
};

// Frozen links: real links as released, pasted as literals, with what they must
// decode to written out by hand. These are promises to users who shared them.
// Never regenerate or edit a link here. When a field is added to the scenario
// (with a default, codec.ts rule 3), add it with its default to V1_MEANING below;
// never change a value that is already there.
import { describe, expect, it } from "vitest";

import { decodeScenario } from "./codec";

/** What every field of a v1 link means when the link does not carry it (literal, not imported). */
const V1_MEANING = {
  version: 1,
  release: {
    name: "bufstream",
    namespace: "bufstream",
    chart: "oci://us-docker.pkg.dev/buf-images-1/buf/charts/bufstream",
    chartVersion: "0.4.9",
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
  zones: { enabled: false, names: [], replicasPerZone: 2, hosts: {}, bootstrapHost: "" },
  replicas: 3,
  valuesScope: "networking",
  // Added with issue 11. A v1 link with networking values meant "merge into the
  // values you already have": an existing release.
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
    // source added with issue 11: "" (not answered), so the wizard asks instead of trusting the address.
    etcd: {
      source: "",
      addresses: [{ host: "bufstream-etcd.bufstream.svc.cluster.local", port: 2379 }],
    },
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
  // otlpInsecure added with issue 11: false, the chart's default (TLS), which old links got.
  observability: { metrics: "NONE", otlpAddress: "", otlpInsecure: false, logLevel: "INFO" },
  resources: {
    cpu: "2",
    memory: "8Gi",
    autoscaling: { enabled: false, minReplicas: 6, maxReplicas: 18, targetCPU: 50 },
  },
  clientKit: { appName: "my-app" },
  // Added with issue 16. No v1 link before it had a NetworkPolicy, complete
  // installs included: it stays off for all of them (the form turns it on
  // only when a user newly chooses a complete install).
  access: {
    networkPolicy: false,
    clientGroups: [{ namespace: "", namespaceLabels: "", podLabels: "" }],
    kafkaFrom: "client-groups",
    kafkaPeers: [],
    adminPeers: [{ namespace: "", namespaceLabels: "", podLabels: "" }],
    outsideClientCidrs: [],
    loadBalancerSourceRanges: [],
    lbTrafficCidrs: [],
    metadataCidrs: [],
    httpsCidrs: [],
  },
  monitoring: { prometheusOperator: "none", monitorLabels: "", prometheusNamespace: "monitoring" },
};

const FROZEN_V1: Array<{ name: string; link: string; scenario: unknown }> = [
  {
    name: "defaults",
    link: "https://wizard.example/#v1.q64FAA",
    scenario: V1_MEANING,
  },
  {
    name: "outside clients, one internet-facing load balancer",
    link: "https://wizard.example/#v1.NYxBCoQwDAD_kvPWB3jcn8QYtZgmYlIQxL9bBY_DDHMCSWYNhx6shueRE0n14B1-wMdmXnduUgzHNKCg0qse_n_Yn7CYR8tWnFbs-MCyCXdkpaVOC5fnkbVtlSNNSFlnuK4b",
    scenario: {
      ...V1_MEANING,
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: {
        ...V1_MEANING.loadBalancer,
        scheme: "internet-facing",
        host: "kafka.example.com",
      },
    },
  },
  {
    name: "zone-aware, three AWS zones with their own hosts",
    link: "https://wizard.example/#v1.dc5RCsMgDAbgu-S5FvbaE-wOYw_RZnRUjWiEsuLdZweTOehr8v1_soOxT_KSYALNssAAtAVOOVKdWMZZabToDcW6erGnKvdKWZJEDFdOUuGKjxVH2tAFS6Nhd_R41JZmmCRmGmCp8pPNSREmURf8BtV_tBHdiD4jphHTkTKAR3e8e_s92ZV3NfdS3g",
    scenario: {
      ...V1_MEANING,
      clients: "both",
      exposure: "load-balancer",
      zones: {
        enabled: true,
        names: ["us-east-1a", "us-east-1b", "us-east-1c"],
        replicasPerZone: 2,
        hosts: {
          "us-east-1a": "kafka-a.example.com",
          "us-east-1b": "kafka-b.example.com",
          "us-east-1c": "kafka-c.example.com",
        },
        bootstrapHost: "kafka.example.com",
      },
    },
  },
  {
    name: "complete values: TLS, SCRAM, bucket, client app name",
    link: "https://wizard.example/#v1.LY07CsMwEETvsrVVpNUVAmlygrU8OCL6sbsKBOG7R4J0w5t5zCDu9iI_SFkTedIgnOnaKKSIYvdoq-TWHpwx-yoHRNdArQqfkw3ae3hjDil_3T9vJDhjLRN2dWA1d1uWJV0GCu8JB3mTjok_nDr0GWpbJ6HmlmCg6wc",
    scenario: {
      ...V1_MEANING,
      valuesScope: "complete",
      // Added with issue 11 (withDerivedDefaults): complete values without an
      // install mode meant "install or upgrade with these values", a new install.
      install: "new",
      storage: { ...V1_MEANING.storage, bucket: "my-bucket", region: "us-east-1" },
      tls: { ...V1_MEANING.tls, enabled: true },
      auth: { ...V1_MEANING.auth, sasl: "scram" },
      clientKit: { appName: "orders" },
    },
  },
];

describe("frozen v1 links", () => {
  it.each(FROZEN_V1)("$name still decodes to the same scenario", ({ link, scenario }) => {
    expect(decodeScenario(link)).toEqual({ ok: true, kind: "ok", scenario, notes: [] });
  });

  it.each(FROZEN_V1)(
    "$name decodes from its bare payload and its fragment",
    ({ link, scenario }) => {
      const payload = link.slice(link.indexOf("#") + 1);
      expect(decodeScenario(payload).scenario).toEqual(scenario);
      expect(decodeScenario(`#${payload}`).scenario).toEqual(scenario);
    },
  );
});

// Test helper: fast-check arbitraries for valid scenarios (every enum value,
// odd but legal strings, zone maps) and for hostile strings. Values are drawn
// from the schema's own value lists; the result is filtered through
// ScenarioSchema so a property test never feeds an invalid "valid" scenario.
import fc from "fast-check";

import { DEFAULT_SCENARIO } from "../../scenario/defaults";
import {
  CLIENT_LOCATIONS,
  ETCD_SOURCES,
  EXPOSURES,
  IDENTITY_METHODS,
  INSTALL_MODES,
  KAFKA_ALLOW_MODES,
  LB_HOST_SOURCES,
  LB_PROVIDERS,
  LB_SCHEMES,
  LOG_LEVELS,
  MAX_ZONES,
  METADATA_STORES,
  METRICS_EXPORTERS,
  MONITOR_KINDS,
  MTLS_PRINCIPAL_SOURCES,
  SASL_MECHANISMS,
  SCRAM_HASHES,
  STORAGE_CREDENTIALS,
  STORAGE_PROVIDERS,
  ScenarioSchema,
  TLS_CLIENT_AUTH,
  VALUES_SCOPES,
  type Scenario,
} from "../../scenario/schema";

/** Strings that have broken other tools: markup, YAML, shell, Mermaid, JSON, prototype keys. */
export const HOSTILE_STRINGS: readonly string[] = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '"]',
  "%%{init: {'securityLevel': 'loose'}}%%",
  "click A call alert(1)",
  "__proto__",
  "constructor",
  "prototype",
  "$(reboot)",
  "`id`",
  "'; rm -rf / #",
  "key: value\n- item",
  "\u0000\u001f\u007f",
  "\u202e\ufeff\ud800",
  "🦄".repeat(50),
  "x".repeat(5000),
];

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
const releaseName = fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/);
const dnsName = fc
  .array(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/), { minLength: 2, maxLength: 4 })
  .map((labels) => labels.join("."))
  .filter((name) => !/^[\d.]+$/.test(name));
const host = fc.oneof(dnsName, fc.ipV4(), fc.ipV6());
const optionalHost = fc.oneof(fc.constant(""), host);
const plain = (max: number) =>
  fc
    .string({ maxLength: Math.min(max, 40), unit: "grapheme" })
    .filter((v) => !/[\u0000-\u001f\u007f]/.test(v));
const secretName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,15}[a-z0-9])?(\.[a-z0-9]{1,8})?$/);
const port = fc.integer({ min: 1, max: 65535 });
const quantity = fc.oneof(
  fc.constant(""),
  fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,2})?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/),
);

const labelPairs = fc
  .array(
    fc.tuple(
      fc.stringMatching(/^([a-z]{1,6}\.[a-z]{2,4}\/)?[a-z][-a-z0-9._]{0,10}[a-z0-9]$/),
      fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?)?$/),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => [...new Map(pairs).entries()].map(([k, v]) => `${k}=${v}`).join(","));
const podGroup = fc.record({
  namespace: fc.oneof(fc.constant(""), label),
  namespaceLabels: labelPairs,
  podLabels: labelPairs,
});
const cidr = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: 8, max: 32 })).map(([ip, prefix]) => {
    const n = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    const masked = prefix === 0 ? 0 : n - (n % 2 ** (32 - prefix));
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(masked / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
  }),
  fc.constantFrom("2600:1f18::/40", "fd00::/8", "0.0.0.0/0"),
);
const cidrs = fc.array(cidr, { maxLength: 4 });

const zones = fc.uniqueArray(label, { maxLength: MAX_ZONES }).chain((names) =>
  fc.record({
    enabled: fc.boolean(),
    names: fc.constant(names),
    replicasPerZone: fc.integer({ min: 1, max: 50 }),
    hosts: fc
      .tuple(...names.map(() => host))
      .map((hosts) => Object.fromEntries(names.map((name, i) => [name, hosts[i] ?? ""]))),
    bootstrapHost: optionalHost,
  }),
);

const arbitraryDraft: fc.Arbitrary<Scenario> = fc.record({
  version: fc.constant(1 as const),
  release: fc.record({
    name: releaseName,
    namespace: label,
    chart: fc.constantFrom(
      DEFAULT_SCENARIO.release.chart,
      "oci://registry.example/charts/bufstream",
      "buf/bufstream",
    ),
    chartVersion: fc.constantFrom("0.4.9", "0.3.30", "1.2.3-rc.1", "10.0.0+build.5"),
  }),
  cluster: label,
  clients: fc.constantFrom(...CLIENT_LOCATIONS),
  exposure: fc.constantFrom(...EXPOSURES),
  loadBalancer: fc.record({
    provider: fc.constantFrom(...LB_PROVIDERS),
    scheme: fc.constantFrom(...LB_SCHEMES),
    host,
    port,
    staticIp: fc.oneof(fc.constant(""), fc.ipV4(), fc.ipV6()),
    hostSource: fc.constantFrom(...LB_HOST_SOURCES),
  }),
  zones,
  replicas: fc.integer({ min: 1, max: 100 }),
  valuesScope: fc.constantFrom(...VALUES_SCOPES),
  install: fc.constantFrom(...INSTALL_MODES),
  storage: fc.record({
    use: fc.constantFrom(...STORAGE_PROVIDERS),
    bucket: plain(222),
    prefix: plain(256),
    region: plain(64),
    endpoint: plain(512),
    forcePathStyle: fc.boolean(),
    credentials: fc.constantFrom(...STORAGE_CREDENTIALS),
    accessKeyId: plain(128),
    secretName,
  }),
  identity: fc.record({
    method: fc.constantFrom(...IDENTITY_METHODS),
    awsRoleArn: plain(2048),
    awsClusterName: plain(100),
    gcpServiceAccount: plain(256),
    azureClientId: plain(64),
    azureIdentityName: plain(128),
    azureResourceGroup: plain(90),
  }),
  metadata: fc.record({
    use: fc.constantFrom(...METADATA_STORES),
    etcd: fc.record({
      source: fc.constantFrom(...ETCD_SOURCES),
      addresses: fc.array(fc.record({ host: optionalHost, port }), { maxLength: 9 }),
    }),
    postgres: fc.record({
      secretName,
      cloudsqlInstance: plain(256),
      cloudsqlIam: fc.boolean(),
      cloudsqlPrivateIp: fc.boolean(),
    }),
    spanner: fc.record({ projectId: plain(64), instanceId: plain(64), databaseName: plain(64) }),
  }),
  tls: fc.record({
    enabled: fc.boolean(),
    certificateSecret: secretName,
    clientAuth: fc.constantFrom(...TLS_CLIENT_AUTH),
    clientCasSecret: fc.oneof(fc.constant(""), secretName),
  }),
  auth: fc.record({
    sasl: fc.constantFrom(...SASL_MECHANISMS),
    plainSecret: secretName,
    scramHash: fc.constantFrom(...SCRAM_HASHES),
    scramSecret: secretName,
    oauthIssuer: plain(512),
    oauthAudience: plain(512),
    oauthJwksUrl: plain(1024),
    mtlsPrincipal: fc.constantFrom(...MTLS_PRINCIPAL_SOURCES),
  }),
  observability: fc.record({
    metrics: fc.constantFrom(...METRICS_EXPORTERS),
    otlpAddress: plain(512),
    otlpInsecure: fc.boolean(),
    logLevel: fc.constantFrom(...LOG_LEVELS),
  }),
  resources: fc.record({
    cpu: quantity,
    memory: quantity,
    autoscaling: fc.record({
      enabled: fc.boolean(),
      minReplicas: fc.integer({ min: 1, max: 500 }),
      maxReplicas: fc.integer({ min: 1, max: 500 }),
      targetCPU: fc.integer({ min: 1, max: 100 }),
    }),
  }),
  clientKit: fc.record({ appName: fc.stringMatching(/^[A-Za-z0-9._-]{0,30}$/) }),
  access: fc.record({
    networkPolicy: fc.boolean(),
    clientGroups: fc.array(podGroup, { maxLength: 3 }),
    kafkaFrom: fc.constantFrom(...KAFKA_ALLOW_MODES),
    kafkaPeers: fc.array(podGroup, { maxLength: 3 }),
    adminPeers: fc.array(podGroup, { maxLength: 3 }),
    outsideClientCidrs: cidrs,
    loadBalancerSourceRanges: cidrs,
    lbTrafficCidrs: cidrs,
    metadataCidrs: cidrs,
    httpsCidrs: cidrs,
  }),
  monitoring: fc.record({
    prometheusOperator: fc.constantFrom(...MONITOR_KINDS),
    monitorLabels: labelPairs,
    prometheusNamespace: label,
  }),
});

/** Valid scenarios only (cross-field rules included). */
export const arbitraryScenario: fc.Arbitrary<Scenario> = arbitraryDraft.filter(
  (s) => ScenarioSchema.safeParse(s).success,
);

// The scenario document: the public contract (DESIGN.md section 4). It is what
// the form edits, what a share link carries, what the CLI reads and what every
// generator takes. Types are inferred from here; nothing else defines them.
//
// Compatibility rules (a link shared once must keep working):
// - the core field names of version 1 never change;
// - new fields are added only with a default in DEFAULT_SCENARIO (defaults.ts),
//   which the decoder fills in before validating (lib/share/codec.ts);
// - anything else needs a new `version` and a migration (lib/share/migrations.ts).
//
// The schema carries no defaults (`z._default`): they live in DEFAULT_SCENARIO
// so that the form's input and output types are the same (STYLE.md habit 3).
//
// Zod Mini, not zod classic (issue 7: total blocking time, first-load JS):
// classic attaches dozens of methods to every schema and clones on each
// `.max()`/`.regex()` step, which cost ~80 ms at module load; Mini's checks are
// plain functions passed to `.check(...)`, cheap to build and tree-shaken. Same
// core, so parsing and JSON Schema are the same (messages: see `en` below).
// A namespace import, not `{ z }`: bundlers then keep only the zod exports used;
// `{ z }` pulls in all of zod, every locale included (about 350 KiB more JavaScript).
import * as z from "zod/mini";
// English messages straight from their module: `z.locales.en` would bundle every locale.
import en from "zod/v4/locales/en.js";
import {
  CHART_REF,
  DNS_1035_LABEL,
  DNS_1123_LABEL,
  DNS_1123_SUBDOMAIN,
  MAX_LABEL,
  MAX_RELEASE_NAME,
  SEMVER,
  isHost,
  isIP,
} from "./names";
import { isCidr } from "./cidr";
import { parseLabels } from "./labels";
import { loneSurrogateMessage } from "./well-formed";
import { zoneHost } from "./zone-host";
import { refinePlatform } from "../platform/refine";

// The site runs under a CSP without 'unsafe-eval' (scripts/postbuild.ts). Left to
// itself, zod 4 probes `Function("")` on the first parse to decide whether to
// JIT-compile object parsers, and the browser reports that probe as a CSP
// violation. Interpreted parsing is fast enough for one scenario per edit.
z.config({ jitless: true });
// Zod classic registers English messages by itself; Mini has none ("Invalid
// input" everywhere) until told. Fields show zod's default messages wherever the
// schema gives none (e.g. "Invalid option: expected one of ...").
z.config(en());

export const SCENARIO_VERSION = 1;

// Value lists shared by the schema and the form's radio groups.
export const CLIENT_LOCATIONS = ["in-cluster", "outside-cluster", "both"] as const;
export const EXPOSURES = ["cluster-ip", "headless", "load-balancer"] as const;
export const LB_PROVIDERS = ["aws", "gcp", "azure", "other"] as const;
export const LB_SCHEMES = ["internal", "internet-facing"] as const;
/** Whether the load balancer's address is known before install, or read after it (domain 3, S3). */
export const LB_HOST_SOURCES = ["known", "after-install"] as const;
export const VALUES_SCOPES = ["networking", "complete"] as const;
/**
 * Whether a Bufstream release exists already (install.sh layers this bundle's
 * values on the values it has) or this bundle creates it (its values are all
 * Helm gets, so they must be complete). Helm replaces a release's values with
 * the files it is given (domain 8.1), so the two need different scripts.
 */
export const INSTALL_MODES = ["existing", "new"] as const;
export const STORAGE_PROVIDERS = ["s3", "gcs", "azure"] as const;
export const STORAGE_CREDENTIALS = ["workload-identity", "secret"] as const;
export const IDENTITY_METHODS = [
  "none",
  "eks-pod-identity",
  "irsa",
  "gke-workload-identity",
  "azure-workload-identity",
] as const;
export const METADATA_STORES = ["etcd", "postgres", "spanner"] as const;
/**
 * Where etcd comes from: "" not answered yet (a finding asks), "install" the
 * bundle installs Bitnami's etcd chart first as Buf's Terraform does (domain
 * 8.3), "existing" the user runs one at the addresses given.
 */
export const ETCD_SOURCES = ["", "install", "existing"] as const;
export const TLS_CLIENT_AUTH = [
  "NO_CERT",
  "REQUEST_CERT",
  "REQUIRE_CERT",
  "VERIFY_CERT_IF_GIVEN",
  "REQUIRE_AND_VERIFY_CERT",
] as const;
export const SASL_MECHANISMS = ["none", "plain", "scram", "oauthbearer"] as const;
export const SCRAM_HASHES = ["SHA256", "SHA512"] as const;
export const MTLS_PRINCIPAL_SOURCES = [
  "",
  "ANONYMOUS",
  "SUBJECT_COMMON_NAME",
  "SAN_DNS",
  "SAN_URI",
] as const;
export const METRICS_EXPORTERS = ["NONE", "PROMETHEUS", "OTLP_GRPC", "OTLP_HTTP"] as const;
export const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;
/**
 * Who the NetworkPolicy lets reach Kafka (9092): exactly the client groups the
 * scenario says exist ("client-groups"), or only the peers listed ("listed"),
 * which may leave a client group out (the check then says which).
 */
export const KAFKA_ALLOW_MODES = ["client-groups", "listed"] as const;
/** Prometheus Operator objects for the brokers' metrics port (issue 16). */
export const MONITOR_KINDS = ["none", "service-monitor", "pod-monitor"] as const;

export const MAX_ZONES = 6;
/** Zone load-balancer addresses a scenario may keep (zones.hosts), listed zones or not. */
export const MAX_ZONE_HOSTS = 100;
/**
 * Bounds on the access lists: far more than a scenario needs (a group per
 * namespace; more namespaces are better chosen by a namespace label), and
 * small enough that the largest scenario stays well inside the share-link
 * caps (lib/share/limits.ts).
 */
export const MAX_PEERS = 4;
export const MAX_CIDRS = 6;

const message = (text: string) => ({ message: text });

/**
 * Every string of the scenario starts as `utf8.string()`, record keys included
 * (issue 17): text UTF-8 cannot carry (a lone surrogate) is rejected before any
 * format rule, and the check aborts, so the field shows this one message
 * rather than its format rule's too. A string field built on bare `z.string()`
 * fails the property test in well-formed.test.ts, which walks this schema.
 */
const utf8 = {
  string: () =>
    z.string().check(
      z.refine((v) => loneSurrogateMessage(v) === undefined, {
        error: (issue) => loneSurrogateMessage(issue.input),
        abort: true,
      }),
    ),
};

const releaseName = utf8
  .string()
  .check(
    z.minLength(1, "Enter a release name."),
    z.maxLength(MAX_RELEASE_NAME, `Helm release names are at most ${MAX_RELEASE_NAME} characters.`),
    z.regex(
      DNS_1035_LABEL,
      "Use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.",
    ),
  );
const label = (what: string) =>
  utf8
    .string()
    .check(
      z.minLength(1, `Enter a ${what}.`),
      z.maxLength(MAX_LABEL, `A ${what} is at most ${MAX_LABEL} characters.`),
      z.regex(
        DNS_1123_LABEL,
        "Use lowercase letters, digits and '-', starting and ending with a letter or digit.",
      ),
    );
const objectName = (what: string) =>
  utf8
    .string()
    .check(
      z.maxLength(253, `A ${what} is at most 253 characters.`),
      z.regex(DNS_1123_SUBDOMAIN, `A ${what} uses lowercase letters, digits, '-' and '.'.`),
    );
/** Empty, or a DNS name / IP address. Emptiness is judged by the cross-field rules. */
const optionalHost = utf8.string().check(
  z.maxLength(253, "A host name is at most 253 characters."),
  z.refine(
    (v) => v === "" || isHost(v),
    message("Enter a DNS name (lb.example.com) or an IP address."),
  ),
);
const port = z
  .number(message("Enter a port number."))
  .check(
    z.int("A port is a whole number."),
    z.minimum(1, "Ports run from 1 to 65535."),
    z.maximum(65535, "Ports run from 1 to 65535."),
  );
/** Free text that reaches YAML (through the YAML library) and shell (quoted); no control characters. */
const plainText = (max: number) =>
  utf8.string().check(
    z.maxLength(max, `At most ${max} characters.`),
    z.refine(
      (v) => !/[\u0000-\u001f\u007f]/.test(v),
      message("Remove line breaks and control characters."),
    ),
  );
const optional = <T extends z.ZodMiniType<string>>(schema: T) =>
  z.union([z.literal(""), schema], {
    // A union reports only its own message; the broken-character one says more.
    error: (issue) => loneSurrogateMessage(issue.input) ?? "Leave empty or enter a valid value.",
  });

export const ReleaseSchema = z.object({
  name: releaseName,
  namespace: label("namespace"),
  chart: utf8
    .string()
    .check(
      z.minLength(1, "Enter the chart reference."),
      z.maxLength(512, "At most 512 characters."),
      z.regex(CHART_REF, "Use oci://registry/path/chart or repo/chart."),
    ),
  chartVersion: utf8
    .string()
    .check(
      z.minLength(1, "Enter the chart version, e.g. 0.4.9."),
      z.regex(SEMVER, "Use a semantic version such as 0.4.9."),
    ),
});

export const LoadBalancerSchema = z.object({
  provider: z.enum(LB_PROVIDERS),
  scheme: z.enum(LB_SCHEMES),
  host: optionalHost,
  port,
  staticIp: utf8
    .string()
    .check(z.refine((v) => v === "" || isIP(v), message("Enter an IP address or leave empty."))),
  hostSource: z.enum(LB_HOST_SOURCES),
});

export const ZonesSchema = z.object({
  enabled: z.boolean(),
  names: z.array(label("zone name")).check(z.maxLength(MAX_ZONES, `At most ${MAX_ZONES} zones.`)),
  replicasPerZone: z
    .number()
    .check(
      z.int("Whole brokers only."),
      z.minimum(1, "At least 1 broker."),
      z.maximum(50, "At most 50 brokers per zone."),
    ),
  // Keyed by zone name: a bad key is reported on its own path with its own message.
  // Capped at what a share link may carry in one map (lib/share/limits.ts), so a
  // scenario file the CLI accepts does not make a link the page refuses for its
  // host count. Entries of zones no longer listed are kept (a zone removed and
  // added back keeps its address) and count.
  hosts: z
    .record(utf8.string(), optionalHost, {
      error: (issue) => (issue.code === "invalid_key" ? issue.issues[0]?.message : undefined),
    })
    .check(
      z.refine(
        (hosts) => Object.keys(hosts).length <= MAX_ZONE_HOSTS,
        message(
          `At most ${MAX_ZONE_HOSTS} zone addresses, counting those of zones no longer listed: remove the ones you do not need.`,
        ),
      ),
    ),
  /** Outside clients, zone-aware: the address that spans every zone's load balancer (domain 3, S5). */
  bootstrapHost: optionalHost,
});

export const StorageSchema = z.object({
  use: z.enum(STORAGE_PROVIDERS),
  bucket: plainText(222),
  prefix: plainText(256),
  region: plainText(64),
  endpoint: plainText(512),
  forcePathStyle: z.boolean(),
  credentials: z.enum(STORAGE_CREDENTIALS),
  /** S3 access key id or Azure storage account name: identifiers, not secrets (domain 1.1). */
  accessKeyId: plainText(128),
  secretName: objectName("secret name"),
});

export const IdentitySchema = z.object({
  method: z.enum(IDENTITY_METHODS),
  awsRoleArn: plainText(2048),
  awsClusterName: plainText(100),
  gcpServiceAccount: plainText(256),
  azureClientId: plainText(64),
  azureIdentityName: plainText(128),
  azureResourceGroup: plainText(90),
});

export const EtcdAddressSchema = z.object({ host: optionalHost, port });

export const MetadataSchema = z.object({
  use: z.enum(METADATA_STORES),
  etcd: z.object({
    source: z.enum(ETCD_SOURCES),
    addresses: z.array(EtcdAddressSchema).check(z.maxLength(9, "At most 9 etcd endpoints.")),
  }),
  postgres: z.object({
    secretName: objectName("secret name"),
    cloudsqlInstance: plainText(256),
    cloudsqlIam: z.boolean(),
    cloudsqlPrivateIp: z.boolean(),
  }),
  spanner: z.object({
    projectId: plainText(64),
    instanceId: plainText(64),
    databaseName: plainText(64),
  }),
});

export const TlsSchema = z.object({
  enabled: z.boolean(),
  certificateSecret: objectName("secret name"),
  clientAuth: z.enum(TLS_CLIENT_AUTH),
  clientCasSecret: optional(objectName("secret name")),
});

export const AuthSchema = z.object({
  sasl: z.enum(SASL_MECHANISMS),
  plainSecret: objectName("secret name"),
  scramHash: z.enum(SCRAM_HASHES),
  scramSecret: objectName("secret name"),
  oauthIssuer: plainText(512),
  oauthAudience: plainText(512),
  oauthJwksUrl: plainText(1024),
  mtlsPrincipal: z.enum(MTLS_PRINCIPAL_SOURCES),
});

export const ObservabilitySchema = z.object({
  metrics: z.enum(METRICS_EXPORTERS),
  otlpAddress: plainText(512),
  /** `observability.exporter.insecure`: true when the collector speaks plaintext, not TLS. */
  otlpInsecure: z.boolean(),
  logLevel: z.enum(LOG_LEVELS),
});

/** `k=v,k2=v2` (kubectl's form), or empty. */
export const MAX_LABELS_TEXT = 64;
const labelsText = utf8.string().check(
  z.maxLength(MAX_LABELS_TEXT, `At most ${MAX_LABELS_TEXT} characters.`),
  z.refine(
    (v) => parseLabels(v) !== null,
    message(
      "Use key=value pairs separated by commas (app=orders,team=payments); keys and values as Kubernetes labels allow, each key once.",
    ),
  ),
);

/**
 * Pods somewhere in the cluster: a namespace (by name, by its labels, or both)
 * and optionally the pods' own labels. The same shape describes a client group
 * (where clients run: the namespace's and pods' labels as they are) and a
 * NetworkPolicy peer (what it selects). An empty namespace name means
 * Bufstream's own namespace when no namespace labels are given.
 */
export const PodGroupSchema = z.object({
  namespace: optional(label("namespace")),
  namespaceLabels: labelsText,
  podLabels: labelsText,
});

const cidrList = (what: string) =>
  z
    .array(
      utf8.string().check(
        z.maxLength(49, "A CIDR is at most 49 characters."),
        z.refine(
          (v) => isCidr(v),
          message(
            "Enter a CIDR block such as 10.0.0.0/16 (the address part must be the network's first address).",
          ),
        ),
      ),
    )
    .check(z.maxLength(MAX_CIDRS, `At most ${MAX_CIDRS} ${what}.`));

const podGroups = (what: string) =>
  z.array(PodGroupSchema).check(z.maxLength(MAX_PEERS, `At most ${MAX_PEERS} ${what}.`));

/**
 * Who may connect (issue 16): where clients run, the NetworkPolicy that lets
 * them (and only them) in, and the load balancer's source ranges.
 */
export const AccessSchema = z.object({
  /** Write NetworkPolicies for the brokers (a file of their own, applied after the release). */
  networkPolicy: z.boolean(),
  /** Where clients in the cluster run (the client groups the check judges). */
  clientGroups: podGroups("client groups"),
  kafkaFrom: z.enum(KAFKA_ALLOW_MODES),
  /** Kafka (9092) allowed from these, when kafkaFrom is "listed". */
  kafkaPeers: podGroups("peers"),
  /** The admin (9089) and Connect (8080) ports allowed from these (brokers always reach each other). */
  adminPeers: podGroups("peers"),
  /** Where clients outside the cluster connect from. */
  outsideClientCidrs: cidrList("client networks"),
  /** The load balancer accepts only these sources; empty: any (the provider's default). */
  loadBalancerSourceRanges: cidrList("source ranges"),
  /**
   * Where the load balancer's packets reach the pods from, for the
   * NetworkPolicy: the VPC CIDR for an AWS NLB with ip targets (the NLB's own
   * private addresses), the node CIDR where nodes forward the traffic.
   */
  lbTrafficCidrs: cidrList("ranges"),
  /** Egress: where the metadata store (Postgres, an etcd outside the cluster) is. */
  metadataCidrs: cidrList("ranges"),
  /** Egress: HTTPS (object storage, cloud APIs) only to these; empty: anywhere but link-local. */
  httpsCidrs: cidrList("ranges"),
});

export const MonitoringSchema = z.object({
  prometheusOperator: z.enum(MONITOR_KINDS),
  /** Labels the Prometheus resource selects monitors by (kube-prometheus-stack: release=<its release>). */
  monitorLabels: labelsText,
  /** Where Prometheus runs: the NetworkPolicy lets it reach the metrics port. */
  prometheusNamespace: label("namespace"),
});

const quantity = (what: string) =>
  utf8
    .string()
    .check(
      z.regex(
        /^([0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?)?$/,
        `Use a Kubernetes ${what} quantity such as 2 or 8Gi.`,
      ),
    );

export const ResourcesSchema = z.object({
  cpu: quantity("CPU"),
  memory: quantity("memory"),
  autoscaling: z.object({
    enabled: z.boolean(),
    minReplicas: z
      .number()
      .check(z.int(), z.minimum(1, "At least 1."), z.maximum(500, "At most 500.")),
    maxReplicas: z
      .number()
      .check(z.int(), z.minimum(1, "At least 1."), z.maximum(500, "At most 500.")),
    targetCPU: z
      .number()
      .check(z.int(), z.minimum(1, "Between 1 and 100."), z.maximum(100, "Between 1 and 100.")),
  }),
});

export const ClientKitSchema = z.object({
  /** The application part of `client.id`; the kit appends `,zone=<zone>`. */
  appName: utf8
    .string()
    .check(
      z.maxLength(64, "At most 64 characters."),
      z.regex(
        /^[A-Za-z0-9._-]*$/,
        "Use letters, digits, '.', '_' and '-' (no ',', ';' or spaces: they separate client.id options).",
      ),
    ),
});

const ScenarioObject = z.object({
  version: z.literal(SCENARIO_VERSION),
  release: ReleaseSchema,
  cluster: label("cluster name"),
  clients: z.enum(CLIENT_LOCATIONS),
  exposure: z.enum(EXPOSURES),
  loadBalancer: LoadBalancerSchema,
  zones: ZonesSchema,
  replicas: z
    .number()
    .check(
      z.int("Whole brokers only."),
      z.minimum(1, "At least 1 broker."),
      z.maximum(100, "At most 100 brokers."),
    ),
  // Optional fields (defaults in DEFAULT_SCENARIO):
  valuesScope: z.enum(VALUES_SCOPES),
  install: z.enum(INSTALL_MODES),
  storage: StorageSchema,
  identity: IdentitySchema,
  metadata: MetadataSchema,
  tls: TlsSchema,
  auth: AuthSchema,
  observability: ObservabilitySchema,
  resources: ResourcesSchema,
  clientKit: ClientKitSchema,
  access: AccessSchema,
  monitoring: MonitoringSchema,
});

/** Cross-field rules; each issue lands on the field that is wrong. */
function refineScenario(s: z.output<typeof ScenarioObject>, ctx: z.core.$RefinementCtx): void {
  const lb = s.exposure === "load-balancer";
  const needHosts = lb && s.loadBalancer.hostSource === "known";
  if (needHosts && !s.zones.enabled && s.loadBalancer.host === "") {
    ctx.addIssue({
      code: "custom",
      path: ["loadBalancer", "host"],
      message:
        "Enter the load balancer's DNS name or IP (clients are handed it), or choose to read it after install.",
    });
  }
  if (s.zones.enabled) {
    if (s.zones.names.length === 0) {
      ctx.addIssue({ code: "custom", path: ["zones", "names"], message: "Add at least one zone." });
    }
    const seen = new Set<string>();
    s.zones.names.forEach((zone, i) => {
      if (seen.has(zone)) {
        ctx.addIssue({
          code: "custom",
          path: ["zones", "names", i],
          message: `Zone ${zone} is listed twice.`,
        });
      }
      seen.add(zone);
      const zonal = `${s.release.name}-${zone}`;
      if (zonal.length > MAX_RELEASE_NAME) {
        ctx.addIssue({
          code: "custom",
          path: ["zones", "names", i],
          message: `The zonal release ${zonal} is ${zonal.length} characters; Helm allows ${MAX_RELEASE_NAME}. Shorten the release or zone name.`,
        });
      }
      if (needHosts && zoneHost(s, zone) === "") {
        ctx.addIssue({
          code: "custom",
          path: ["zones", "hosts", zone],
          message: `Enter the address of zone ${zone}'s load balancer, or choose to read it after install.`,
        });
      }
    });
  }
  if (
    s.resources.autoscaling.enabled &&
    s.resources.autoscaling.minReplicas > s.resources.autoscaling.maxReplicas
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["resources", "autoscaling", "minReplicas"],
      message: "The minimum is above the maximum.",
    });
  }
  // Storage, identity, metadata, TLS and authentication rules (issue 6).
  refinePlatform(s, ctx);
}

export const ScenarioSchema = ScenarioObject.check(z.superRefine(refineScenario));

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ClientLocation = (typeof CLIENT_LOCATIONS)[number];
export type Exposure = (typeof EXPOSURES)[number];
export type LbProvider = (typeof LB_PROVIDERS)[number];
export type LbScheme = (typeof LB_SCHEMES)[number];
export type StorageProvider = (typeof STORAGE_PROVIDERS)[number];
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];
export type MetadataStore = (typeof METADATA_STORES)[number];
export type InstallMode = (typeof INSTALL_MODES)[number];
export type EtcdSource = (typeof ETCD_SOURCES)[number];
export type PodGroup = z.infer<typeof PodGroupSchema>;
export type Access = z.infer<typeof AccessSchema>;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

// Values -> the platform fields of the scenario (storage, identity, metadata,
// observability, resources, TLS, authentication): the inverse of lib/platform's
// builders, key for key (domain 1.1-1.3, 2.5). What the scenario cannot hold is
// preserved (the corrected file keeps the user's value) and said in a note.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import {
  LOG_LEVELS,
  METRICS_EXPORTERS,
  MTLS_PRINCIPAL_SOURCES,
  SCRAM_HASHES,
  STORAGE_PROVIDERS,
  TLS_CLIENT_AUTH,
  type Scenario,
} from "../scenario/schema";
import { AZURE_WI_ANNOTATION, GKE_WI_ANNOTATION, IRSA_ANNOTATION } from "../platform/identity";
import { isPlainObject } from "../values/merge";
import { getBoolean, getInteger, getMap, getPath, getString, type KeyPath } from "./paths";
import type { ReadContext } from "./read-context";

type Platform = Pick<
  Scenario,
  "storage" | "identity" | "metadata" | "observability" | "resources" | "tls" | "auth"
>;

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((item) => item === value);

function readStorage(v: unknown, ctx: ReadContext): Scenario["storage"] {
  const d = DEFAULT_SCENARIO.storage;
  const use = getString(v, ["storage", "use"]);
  const provider = use === undefined ? "s3" : oneOf(STORAGE_PROVIDERS, use);
  if (provider === undefined) {
    ctx.preserve(["storage"]);
    ctx.note(["storage", "use"], {
      id: "values-not-modelled",
      severity: "info",
      message: `storage.use ${use ?? ""} is not one the wizard knows (s3, gcs, azure); storage is kept as you wrote it.`,
      fix: "Nothing to do.",
    });
    return d;
  }
  if (use !== undefined) ctx.from("storage.use", ["storage", "use"]);
  const at = (key: string): KeyPath => ["storage", provider, key];
  const text = (key: string, field: string) => {
    const value = ctx.text(v, at(key));
    if (value !== undefined) ctx.from(`storage.${field}`, at(key));
    return value ?? "";
  };
  const secretName = text("secretName", "secretName");
  return {
    use: provider,
    bucket: text("bucket", "bucket"),
    prefix: text("prefix", "prefix"),
    region: provider === "s3" ? text("region", "region") : "",
    endpoint: provider === "gcs" ? "" : text("endpoint", "endpoint"),
    forcePathStyle: provider === "s3" ? getBoolean(v, at("forcePathStyle")) === true : false,
    credentials: secretName !== "" ? "secret" : "workload-identity",
    accessKeyId: provider === "gcs" ? "" : text("accessKeyId", "accessKeyId"),
    secretName: secretName !== "" ? secretName : d.secretName,
  };
}

function readIdentity(v: unknown, ctx: ReadContext): Scenario["identity"] {
  const d = DEFAULT_SCENARIO.identity;
  const annotations = ["bufstream", "serviceAccount", "annotations"] as const;
  const at = (key: string): KeyPath => [...annotations, key];
  const irsa = ctx.text(v, at(IRSA_ANNOTATION));
  const gke = ctx.text(v, at(GKE_WI_ANNOTATION));
  const azure = ctx.text(v, at(AZURE_WI_ANNOTATION));
  if (irsa !== undefined) {
    ctx.from("identity.awsRoleArn", at(IRSA_ANNOTATION));
    return { ...d, method: "irsa", awsRoleArn: irsa };
  }
  if (gke !== undefined) {
    ctx.from("identity.gcpServiceAccount", at(GKE_WI_ANNOTATION));
    return { ...d, method: "gke-workload-identity", gcpServiceAccount: gke };
  }
  if (azure !== undefined) {
    ctx.from("identity.azureClientId", at(AZURE_WI_ANNOTATION));
    return { ...d, method: "azure-workload-identity", azureClientId: azure };
  }
  return d;
}

function readMetadata(v: unknown, ctx: ReadContext): Scenario["metadata"] {
  const d = DEFAULT_SCENARIO.metadata;
  const use = getString(v, ["metadata", "use"]) ?? "etcd";
  if (use === "etcd") {
    const list = getPath(v, ["metadata", "etcd", "addresses"]);
    const addresses = Array.isArray(list)
      ? list.flatMap((entry, i) => {
          const host = ctx.text(entry, ["host"]);
          if (!isPlainObject(entry) || host === undefined) return [];
          ctx.from(`metadata.etcd.addresses.${i}.host`, ["metadata", "etcd", "addresses", i]);
          return [{ host, port: getInteger(entry, ["port"]) ?? 2379 }];
        })
      : [];
    if (Array.isArray(list)) ctx.from("metadata.etcd.addresses", ["metadata", "etcd", "addresses"]);
    // The release runs against these addresses: an etcd that exists ("existing"),
    // whoever installed it. With none, where etcd runs is unanswered (the check says so).
    return {
      ...d,
      use: "etcd",
      etcd: addresses.length > 0 ? { source: "existing", addresses } : { ...d.etcd, source: "" },
    };
  }
  if (use === "postgres") {
    const pg = ["metadata", "postgres"] as const;
    const secretName = ctx.text(v, [...pg, "secretName"]);
    if (secretName !== undefined) ctx.from("metadata.postgres.secretName", [...pg, "secretName"]);
    const instance = ctx.text(v, [...pg, "cloudsql", "instance"]) ?? "";
    if (instance !== "")
      ctx.from("metadata.postgres.cloudsqlInstance", [...pg, "cloudsql", "instance"]);
    return {
      ...d,
      use: "postgres",
      postgres: {
        secretName: secretName ?? d.postgres.secretName,
        cloudsqlInstance: instance,
        cloudsqlIam: getBoolean(v, [...pg, "cloudsql", "iam"]) === true,
        cloudsqlPrivateIp: getBoolean(v, [...pg, "cloudsql", "privateIP"]) === true,
      },
    };
  }
  if (use === "spanner") {
    const sp = ["metadata", "spanner"] as const;
    // camelCase is the values reference's spelling; the guide's snake_case is read
    // too (it may well still work; open question 9), and a finding says so.
    const read = (camel: string, snake: string, field: string) => {
      for (const key of [camel, snake]) {
        const value = ctx.text(v, [...sp, key]);
        if (value !== undefined) {
          ctx.from(`metadata.spanner.${field}`, [...sp, key]);
          return value;
        }
      }
      return "";
    };
    return {
      ...d,
      use: "spanner",
      spanner: {
        projectId: read("projectId", "project_id", "projectId"),
        instanceId: read("instanceId", "instance_id", "instanceId"),
        databaseName: read("databaseName", "database_name", "databaseName"),
      },
    };
  }
  ctx.preserve(["metadata"]);
  ctx.note(["metadata", "use"], {
    id: "values-not-modelled",
    severity: "info",
    message: `metadata.use ${use} is not one the wizard knows (etcd, postgres, spanner); metadata is kept as you wrote it.`,
    fix: "Nothing to do.",
  });
  return d;
}

function readObservability(v: unknown, ctx: ReadContext): Scenario["observability"] {
  const d = DEFAULT_SCENARIO.observability;
  const typePath = ["observability", "metrics", "exporterType"];
  const oldPath = ["observability", "metrics", "exporter"];
  const raw = getString(v, typePath) ?? getString(v, oldPath);
  const wanted = raw?.toUpperCase();
  const upgraded = wanted === "HTTP" || wanted === "HTTPS" ? "OTLP_HTTP" : wanted;
  let metrics = oneOf(METRICS_EXPORTERS, upgraded);
  if (raw !== undefined && metrics === undefined) {
    ctx.preserve(typePath);
    ctx.note(getString(v, typePath) !== undefined ? typePath : oldPath, {
      id: "values-not-modelled",
      severity: "info",
      message: `The metrics exporter ${raw} is not one the wizard offers (NONE, PROMETHEUS, OTLP_GRPC, OTLP_HTTP); it is kept as you wrote it.`,
      fix: "Nothing to do.",
    });
  }
  if (metrics !== undefined)
    ctx.from("observability.metrics", getString(v, typePath) !== undefined ? typePath : oldPath);
  metrics ??= d.metrics;
  const level = getString(v, ["observability", "logLevel"]);
  const logLevel = oneOf(LOG_LEVELS, level?.toUpperCase());
  if (level !== undefined && logLevel === undefined) ctx.preserve(["observability", "logLevel"]);
  const otlp = metrics === "OTLP_GRPC" || metrics === "OTLP_HTTP";
  const address = otlp ? ctx.text(v, ["observability", "exporter", "address"]) : undefined;
  if (address !== undefined)
    ctx.from("observability.otlpAddress", ["observability", "exporter", "address"]);
  const insecure = otlp && getBoolean(v, ["observability", "exporter", "insecure"]) === true;
  return {
    metrics,
    otlpAddress: address ?? "",
    otlpInsecure: insecure,
    logLevel: logLevel ?? d.logLevel,
  };
}

const QUANTITY = /^([0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?)?$/;

function readResources(v: unknown, ctx: ReadContext, zones: number): Scenario["resources"] {
  const d = DEFAULT_SCENARIO.resources;
  const requests = ["bufstream", "deployment", "resources", "requests"] as const;
  const quantity = (key: "cpu" | "memory") => {
    const value = getString(v, [...requests, key]);
    if (value === undefined) return "";
    if (!QUANTITY.test(value)) {
      ctx.preserve([...requests, key]);
      return "";
    }
    ctx.from(`resources.${key}`, [...requests, key]);
    return value;
  };
  const scaling = ["bufstream", "deployment", "autoscaling"] as const;
  const enabled = getBoolean(v, [...scaling, "enabled"]) === true;
  // Zone-aware: each zone's release has its own HPA; the scenario holds totals.
  const factor = zones > 0 ? zones : 1;
  const min = getInteger(v, [...scaling, "minReplicas"]);
  const max = getInteger(v, [...scaling, "maxReplicas"]);
  const target = getInteger(v, [...scaling, "targetCPU"]);
  if (min !== undefined) ctx.from("resources.autoscaling.minReplicas", [...scaling, "minReplicas"]);
  if (max !== undefined) ctx.from("resources.autoscaling.maxReplicas", [...scaling, "maxReplicas"]);
  return {
    cpu: quantity("cpu"),
    memory: quantity("memory"),
    autoscaling: {
      enabled,
      minReplicas: min === undefined ? d.autoscaling.minReplicas : min * factor,
      maxReplicas: max === undefined ? d.autoscaling.maxReplicas : max * factor,
      targetCPU: target ?? d.autoscaling.targetCPU,
    },
  };
}

function readTls(v: unknown, ctx: ReadContext): Scenario["tls"] {
  const d = DEFAULT_SCENARIO.tls;
  const secrets = getPath(v, ["kafka", "tlsCertificateSecrets"]);
  const names = Array.isArray(secrets)
    ? secrets.filter((s): s is string => typeof s === "string" && s !== "")
    : [];
  if (names.length === 0) return d;
  ctx.from("tls.certificateSecret", ["kafka", "tlsCertificateSecrets"]);
  if (names.length > 1) {
    ctx.preserve(["kafka", "tlsCertificateSecrets"]);
    ctx.note(["kafka", "tlsCertificateSecrets"], {
      id: "values-not-modelled",
      severity: "info",
      message: `${names.length} certificate secrets: the wizard models one (the check and the client kit use ${names[0]}); your list is kept as is.`,
      fix: "Nothing to do.",
    });
  }
  const mode = getString(v, ["kafka", "tlsClientAuth"]);
  const clientAuth = oneOf(TLS_CLIENT_AUTH, mode?.toUpperCase());
  if (mode !== undefined && clientAuth === undefined) ctx.preserve(["kafka", "tlsClientAuth"]);
  const cas = getString(v, ["kafka", "tlsClientCasSecret"]);
  if (cas !== undefined) ctx.from("tls.clientCasSecret", ["kafka", "tlsClientCasSecret"]);
  return {
    enabled: true,
    certificateSecret: names[0] ?? d.certificateSecret,
    clientAuth: clientAuth ?? "NO_CERT",
    clientCasSecret: cas ?? "",
  };
}

function readAuth(
  v: unknown,
  ctx: ReadContext,
): { auth: Scenario["auth"]; jwksGuess: string | null } {
  const d = DEFAULT_SCENARIO.auth;
  const sasl = ["kafka", "authentication", "sasl"] as const;
  const plainList = getPath(v, [...sasl, "plain", "credentialsSecrets"]);
  const plain = Array.isArray(plainList)
    ? plainList.filter((s): s is string => typeof s === "string")
    : [];
  const scram = getMap(v, [...sasl, "scram", "adminCredentials"]);
  const oauth = getMap(v, [...sasl, "oauthBearer"]);
  const present = [
    plain.length > 0 ? "plain" : null,
    scram !== undefined ? "scram" : null,
    oauth !== undefined ? "oauthbearer" : null,
  ].filter((m): m is "plain" | "scram" | "oauthbearer" => m !== null);
  const mechanism = present[0] ?? "none";
  const keyOf = { plain: "plain", scram: "scram", oauthbearer: "oauthBearer" } as const;
  for (const other of present.slice(1)) {
    ctx.preserve([...sasl, keyOf[other]]);
    ctx.note([...sasl, keyOf[other]], {
      id: "values-not-modelled",
      severity: "info",
      message: `Several SASL mechanisms are configured; the wizard models one (${mechanism}) and keeps the ${other} settings as you wrote them.`,
      fix: "Nothing to do; the client kit shows settings for the first.",
    });
  }
  const principal = getString(v, ["kafka", "authentication", "mtls", "principalSource"]);
  const mtlsPrincipal = oneOf(MTLS_PRINCIPAL_SOURCES, principal?.toUpperCase()) ?? "";
  if (principal !== undefined && mtlsPrincipal === "")
    ctx.preserve(["kafka", "authentication", "mtls"]);
  const auth: Scenario["auth"] = { ...d, sasl: mechanism, mtlsPrincipal };
  let jwksGuess: string | null = null;
  if (mechanism === "plain") {
    auth.plainSecret = plain[0] ?? d.plainSecret;
    ctx.from("auth.plainSecret", [...sasl, "plain", "credentialsSecrets"]);
    if (plain.length > 1) ctx.preserve([...sasl, "plain", "credentialsSecrets"]);
  } else if (mechanism === "scram") {
    const base = [...sasl, "scram", "adminCredentials"] as const;
    const hash = getString(v, [...base, "hash"]);
    auth.scramHash = oneOf(SCRAM_HASHES, hash?.toUpperCase()) ?? d.scramHash;
    if (hash !== undefined && oneOf(SCRAM_HASHES, hash.toUpperCase()) === undefined)
      ctx.preserve([...base, "hash"]);
    auth.scramSecret = getString(v, [...base, "plaintextCredentialsSecret"]) ?? d.scramSecret;
    if (getPath(v, [...base, "salted"]) !== undefined) {
      ctx.preserve([...base, "salted"]);
      ctx.note([...base, "salted"], {
        id: "values-not-modelled",
        severity: "info",
        message:
          "Salted SCRAM admin credentials are not something the wizard writes (it uses a plaintext credentials secret); yours are kept as you wrote them.",
        fix: "Nothing to do.",
      });
    }
  } else if (mechanism === "oauthbearer") {
    const base = [...sasl, "oauthBearer"] as const;
    // Under jwks, as the Helm values reference places them; beside jwks, as Buf's SASL page shows.
    const either = (key: string) =>
      ctx.text(v, [...base, "jwks", key]) ?? ctx.text(v, [...base, key]) ?? "";
    auth.oauthAudience = either("audience");
    auth.oauthIssuer = either("issuer");
    if (getPath(v, [...base, "jwks", "staticConfig"]) !== undefined)
      ctx.preserve([...base, "jwks"]);
    // The JWKS URL lives in a ConfigMap the values only name: it is a question.
    jwksGuess = /^https:\/\/\S+$/.test(auth.oauthIssuer)
      ? `${auth.oauthIssuer.replace(/\/+$/, "")}/.well-known/jwks.json`
      : "";
  }
  return { auth, jwksGuess };
}

export interface PlatformRead {
  platform: Platform;
  /** The values set storage or metadata: they are a complete install's values. */
  complete: boolean;
  /** A guess for the OAuth JWKS URL (it is in a ConfigMap, not in the values), or null. */
  jwksGuess: string | null;
}

export function readPlatform(v: unknown, ctx: ReadContext, zones: number): PlatformRead {
  const { auth, jwksGuess } = readAuth(v, ctx);
  const has = (key: string) => {
    const value = getMap(v, [key]);
    return value !== undefined && Object.keys(value).length > 0;
  };
  return {
    platform: {
      storage: readStorage(v, ctx),
      identity: readIdentity(v, ctx),
      metadata: readMetadata(v, ctx),
      observability: readObservability(v, ctx),
      resources: readResources(v, ctx, zones),
      tls: readTls(v, ctx),
      auth,
    },
    complete: has("storage") || has("metadata"),
    jwksGuess,
  };
}

// Values -> the networking half of the scenario: Service type and annotations
// (which cloud, internal or internet-facing, static IP, source ranges),
// kafka.publicAddress, the headless Service, zones and replicas. The inverse of
// lib/values (build-values.ts, load-balancer.ts), key for key; facts: domain
// 1.1, 2.3, 3, 4.
import { cloudOfMetadata, cloudOfStorage } from "../platform/cloud";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { isIP } from "../scenario/names";
import type { Exposure, LbProvider, LbScheme, Scenario } from "../scenario/schema";
import { CLUSTER_DNS_SUFFIX, KAFKA_CONTAINER_PORT } from "../topology/plan";
import { LB_ANNOTATION } from "../values/load-balancer";
import { isPlainObject, type HelmValues } from "../values/merge";
import type { ValuesRelease } from "./layout";
import { getBoolean, getInteger, getMap, getPath, getString, type KeyPath } from "./paths";
import { readSourceRanges } from "./read-access";
import type { ReadContext } from "./read-context";

const SERVICE = ["bufstream", "service"] as const;
const ANNOTATIONS = [...SERVICE, "annotations"] as const;
const PUBLIC_HOST: KeyPath = ["kafka", "publicAddress", "host"];
const PUBLIC_PORT: KeyPath = ["kafka", "publicAddress", "port"];
/** GKE standalone NEGs (the GCP deploy guides' ingress): the Service stays ClusterIP (domain 3 S6). */
export const GKE_NEG_ANNOTATION = "cloud.google.com/neg";
const EXTERNAL_DNS_ANNOTATION = "external-dns.alpha.kubernetes.io/hostname";

/** `<service>.<namespace>.svc.cluster.local`, split; null for any other host. */
export function splitClusterName(host: string): { service: string; namespace: string } | null {
  const match = new RegExp(
    `^([a-z0-9-]+)\\.([a-z0-9-]+)\\.${CLUSTER_DNS_SUFFIX.replace(/\./g, "\\.")}\\.?$`,
    "i",
  ).exec(host);
  return match?.[1] && match[2]
    ? { service: match[1].toLowerCase(), namespace: match[2].toLowerCase() }
    : null;
}

function annotationsOf(values: HelmValues): HelmValues {
  return getMap(values, [...ANNOTATIONS]) ?? {};
}

/** Which cloud a Service is meant for, from its annotations; null when none says. */
export function providerFromAnnotations(annotations: HelmValues): LbProvider | null {
  const keys = Object.keys(annotations);
  if (keys.some((k) => k.startsWith("service.beta.kubernetes.io/aws-load-balancer-"))) return "aws";
  if (
    keys.some(
      (k) =>
        k.startsWith("networking.gke.io/") ||
        k === "cloud.google.com/load-balancer-type" ||
        // Network endpoint groups exist only on GKE (a ClusterIP Service behind a
        // Google load balancer carries them too).
        k === "cloud.google.com/neg" ||
        k === "cloud.google.com/l4-rbs",
    )
  )
    return "gcp";
  if (keys.some((k) => k.startsWith("service.beta.kubernetes.io/azure-"))) return "azure";
  return null;
}

function schemeOf(provider: LbProvider, annotations: HelmValues): LbScheme {
  const get = (key: string) => {
    const value = annotations[key];
    return typeof value === "string"
      ? value.toLowerCase()
      : typeof value === "boolean"
        ? String(value)
        : undefined;
  };
  switch (provider) {
    case "aws": {
      const scheme = get(LB_ANNOTATION.awsScheme);
      if (scheme === "internet-facing" || scheme === "internal") return scheme;
      const legacy = get("service.beta.kubernetes.io/aws-load-balancer-internal");
      if (legacy !== undefined) return legacy === "true" ? "internal" : "internet-facing";
      // The AWS Load Balancer Controller's default since v2.2.0 (domain 4).
      return "internal";
    }
    case "gcp":
      return get(LB_ANNOTATION.gkeType) === "internal" ||
        get("cloud.google.com/load-balancer-type") === "internal"
        ? "internal"
        : "internet-facing";
    case "azure":
      return get(LB_ANNOTATION.azureInternal) === "true" ? "internal" : "internet-facing";
    case "other":
      return "internal";
  }
}

/** A headless Kafka Service the values add through extraObjects (domain 3 S2), or null. */
export function headlessServiceOf(
  values: HelmValues,
): { name: string; namespace: string | null; index: number } | null {
  const objects = getPath(values, ["extraObjects"]);
  if (!Array.isArray(objects)) return null;
  for (const [index, item] of objects.entries()) {
    if (!isPlainObject(item) || item.kind !== "Service") continue;
    if (getPath(item, ["spec", "clusterIP"]) !== "None") continue;
    const ports = getPath(item, ["spec", "ports"]);
    const kafka =
      Array.isArray(ports) &&
      ports.some(
        (p) =>
          isPlainObject(p) &&
          (p.port === KAFKA_CONTAINER_PORT || p.targetPort === KAFKA_CONTAINER_PORT),
      );
    const name = getString(item, ["metadata", "name"]);
    if (kafka && name !== undefined) {
      return { name, namespace: getString(item, ["metadata", "namespace"]) ?? null, index };
    }
  }
  return null;
}

export interface Hint {
  value: string;
  /** Why this is the guess (shown with it). */
  why: string;
}

export interface NetworkingRead {
  core: Pick<Scenario, "cluster" | "exposure" | "loadBalancer" | "zones" | "replicas" | "access">;
  release: Hint;
  namespace: Hint;
  clients: Hint;
  /** Set when the Service's annotations name no cloud: which cloud is a question. */
  provider: Hint | null;
}

function exposureOf(values: HelmValues, ctx: ReadContext, release: ValuesRelease): Exposure {
  const type = getString(values, [...SERVICE, "type"]);
  if (getBoolean(values, [...SERVICE, "enabled"]) === false) {
    ctx.note(
      [...SERVICE, "enabled"],
      {
        id: "values-no-service",
        severity: "warning",
        message:
          "bufstream.service.enabled is false: the chart creates no Kafka Service, so clients have no Service to bootstrap from.",
        fix: "Remove it (the chart's default is true), unless another Service of yours selects the brokers.",
      },
      release,
    );
  }
  if (type === "LoadBalancer") return "load-balancer";
  if (type !== undefined && type !== "ClusterIP") {
    ctx.preserve([...SERVICE, "type"]);
    ctx.note(
      [...SERVICE, "type"],
      {
        id: "values-not-modelled",
        severity: "warning",
        message: `A ${type} Service is not a layout the wizard models; it is read as a ClusterIP Service and kept as you wrote it.`,
        fix: "For clients outside the cluster, a load balancer is what Bufstream's guides use.",
      },
      release,
    );
  }
  if (headlessServiceOf(values) !== null) return "headless";
  // On an existing release the wizard applies its headless Service apart from the
  // values (lib/manifests/files.ts), so only the advertised name says so.
  const host = getString(values, PUBLIC_HOST);
  const cluster = host === undefined ? null : splitClusterName(host);
  return cluster !== null && cluster.service.endsWith("-headless") ? "headless" : "cluster-ip";
}

function releaseHint(release: ValuesRelease, exposure: Exposure): Hint {
  const override = getString(release.values, ["nameOverride"]);
  const zone = release.zone;
  const strip = (name: string) =>
    zone !== null && name.endsWith(`-${zone}`) ? name.slice(0, -zone.length - 1) : null;
  if (override !== undefined) {
    const name = zone === null ? override : strip(override);
    if (name !== null) {
      return {
        value: name,
        why: `from nameOverride ${override}${zone === null ? "" : ` of zone ${zone}`}: the wizard names the release the same`,
      };
    }
  }
  const host = getString(release.values, PUBLIC_HOST);
  const cluster = host === undefined ? null : splitClusterName(host);
  if (cluster !== null && exposure !== "load-balancer") {
    const service =
      exposure === "headless" ? cluster.service.replace(/-headless$/, "") : cluster.service;
    const name = zone === null ? service : strip(service);
    if (name !== null) return { value: name, why: `from the advertised Service name ${host}` };
  }
  return {
    value: DEFAULT_SCENARIO.release.name,
    why: "values do not hold the release name; bufstream is the name Bufstream's guides use",
  };
}

function namespaceHint(values: HelmValues): Hint {
  const override = getString(values, ["namespaceOverride"]);
  if (override !== undefined) return { value: override, why: "from namespaceOverride" };
  const host = getString(values, PUBLIC_HOST);
  const cluster = host === undefined ? null : splitClusterName(host);
  if (cluster !== null)
    return { value: cluster.namespace, why: `from the advertised name ${host}` };
  const headless = headlessServiceOf(values);
  if (headless?.namespace)
    return { value: headless.namespace, why: `from the namespace of the Service ${headless.name}` };
  return {
    value: DEFAULT_SCENARIO.release.namespace,
    why: "values do not hold the namespace; bufstream is the one Bufstream's guides use",
  };
}

function clientsHint(values: HelmValues, exposure: Exposure, scheme: LbScheme): Hint {
  if (exposure === "load-balancer") {
    return {
      value: "outside-cluster",
      why:
        scheme === "internet-facing"
          ? "an internet-facing load balancer is there for clients outside the cluster; if some run inside too, choose both"
          : "a load balancer is there for clients outside the cluster (internal: in your network); if some run inside too, choose both",
    };
  }
  const annotations = annotationsOf(values);
  if (Object.hasOwn(annotations, GKE_NEG_ANNOTATION)) {
    return {
      value: "outside-cluster",
      why: "the Service has GKE network endpoint groups (cloud.google.com/neg), which exist to reach the brokers from outside the cluster",
    };
  }
  if (Object.hasOwn(annotations, EXTERNAL_DNS_ANNOTATION)) {
    return {
      value: "outside-cluster",
      why: "the Service asks external-dns for a public name, which only clients outside the cluster need",
    };
  }
  const host = getString(values, PUBLIC_HOST);
  if (host !== undefined && splitClusterName(host) === null) {
    return {
      value: "outside-cluster",
      why: `the brokers advertise ${host}, a name outside the cluster's DNS`,
    };
  }
  return {
    value: "in-cluster",
    why:
      exposure === "headless"
        ? "a headless Service's name resolves only in the cluster"
        : "a ClusterIP Service is reachable only from inside the cluster",
  };
}

/** The publicAddress port, or the listener default; a bad port is kept and said. */
function portOf(values: HelmValues, ctx: ReadContext, release: ValuesRelease): number {
  const port = getInteger(values, PUBLIC_PORT);
  if (port === undefined) return KAFKA_CONTAINER_PORT;
  if (port < 1 || port > 65535) {
    ctx.preserve(PUBLIC_PORT);
    return KAFKA_CONTAINER_PORT;
  }
  ctx.from("loadBalancer.port", PUBLIC_PORT, release);
  return port;
}

/**
 * The cloud the rest of the values point at when the Service's annotations do
 * not say: object storage or a metadata store that only one cloud has
 * (lib/platform/cloud.ts). Only a guess, so it is asked, pre-filled.
 */
function providerFromPlatform(values: HelmValues): Hint | null {
  const storage = getString(values, ["storage", "use"]) ?? "";
  const metadata = getString(values, ["metadata", "use"]) ?? "";
  const fromStorage = cloudOfStorage(storage);
  if (fromStorage !== null) return { value: fromStorage, why: `from storage.use: ${storage}` };
  const fromMetadata = cloudOfMetadata(metadata);
  if (fromMetadata !== null) return { value: fromMetadata, why: `from metadata.use: ${metadata}` };
  return null;
}

/**
 * `provider`: the answer to "which cloud?" when the annotations do not say; the
 * scheme and the reserved IP are read the way that provider takes them. Asked
 * for every Service the annotations do not settle, load balancer or not: a
 * ClusterIP Service's values still decide which cloud's load balancer the
 * wizard writes once one is chosen (a GKE release must not get AWS annotations).
 */
export function readNetworking(ctx: ReadContext, answeredProvider?: LbProvider): NetworkingRead {
  const { layout } = ctx;
  const first = layout.releases[0];
  if (first === undefined) throw new Error("A layout always has a release.");
  const v = first.values;
  const exposure = exposureOf(v, ctx, first);
  const annotations = annotationsOf(v);
  const detected = providerFromAnnotations(annotations);
  const lb = exposure === "load-balancer";
  const providerHint: Hint | null =
    detected !== null
      ? null
      : (providerFromPlatform(v) ??
        (lb
          ? { value: "other", why: "the Service carries no cloud's load-balancer annotations" }
          : {
              value: DEFAULT_SCENARIO.loadBalancer.provider,
              why: "the values name no cloud; it decides which cloud's load balancer the wizard writes, should you choose one",
            }));
  const provider: LbProvider =
    detected ?? answeredProvider ?? (providerHint?.value as LbProvider | undefined) ?? "other";
  const scheme =
    exposure === "load-balancer"
      ? schemeOf(provider, annotations)
      : DEFAULT_SCENARIO.loadBalancer.scheme;
  if (lb || detected !== null) ctx.from("loadBalancer.provider", [...ANNOTATIONS], first);

  const hostOf = (release: ValuesRelease, field: string) => {
    const host = ctx.text(release.values, PUBLIC_HOST, release);
    if (host !== undefined) ctx.from(field, PUBLIC_HOST, release);
    return host ?? "";
  };
  let loadBalancer: Scenario["loadBalancer"] = {
    ...DEFAULT_SCENARIO.loadBalancer,
    provider,
    scheme,
  };
  let zones: Scenario["zones"] = { ...DEFAULT_SCENARIO.zones };
  if (layout.zoneAware) {
    const names = layout.releases.map((r) => r.zone ?? "");
    layout.releases.forEach((r, i) => ctx.sources.set(`zones.names.${i}`, ctx.where(["zone"], r)));
    const hosts: Record<string, string> = {};
    if (lb) {
      for (const r of layout.releases) {
        const host = hostOf(r, `zones.hosts.${r.zone ?? ""}`);
        if (host !== "" && r.zone !== null) hosts[r.zone] = host;
      }
    }
    const counts = layout.releases.map(
      (r) =>
        getInteger(r.values, ["bufstream", "deployment", "replicaCount"]) ??
        DEFAULT_SCENARIO.replicas,
    );
    const replicasPerZone = Math.max(...counts);
    if (new Set(counts).size > 1) {
      ctx.note(null, {
        id: "values-zone-replicas-differ",
        severity: "warning",
        message: `The zones run different numbers of brokers (${layout.releases.map((r, i) => `${r.zone}: ${counts[i]}`).join(", ")}); the wizard gives every zone the same count, ${replicasPerZone}.`,
        fix: "Keep the zones the same size: zone-aware clients get only their own zone's brokers.",
      });
    }
    ctx.from("zones.replicasPerZone", ["bufstream", "deployment", "replicaCount"], first);
    zones = { ...zones, enabled: true, names, hosts, replicasPerZone };
    if (lb) {
      loadBalancer = {
        ...loadBalancer,
        hostSource: Object.keys(hosts).length > 0 ? "known" : "after-install",
        port: portOf(v, ctx, first),
      };
    }
  } else if (lb) {
    const host = hostOf(first, "loadBalancer.host");
    loadBalancer = {
      ...loadBalancer,
      host,
      hostSource: host === "" ? "after-install" : "known",
      port: portOf(v, ctx, first),
      staticIp: staticIpOf(v, provider, ctx, first),
    };
  }
  const replicas = layout.zoneAware
    ? DEFAULT_SCENARIO.replicas
    : (getInteger(v, ["bufstream", "deployment", "replicaCount"]) ?? DEFAULT_SCENARIO.replicas);
  if (!layout.zoneAware) ctx.from("replicas", ["bufstream", "deployment", "replicaCount"], first);
  const cluster = ctx.text(v, ["cluster"]) ?? DEFAULT_SCENARIO.cluster;
  ctx.from("cluster", ["cluster"], first);
  return {
    core: {
      cluster,
      exposure,
      loadBalancer,
      zones,
      replicas,
      access: {
        ...DEFAULT_SCENARIO.access,
        loadBalancerSourceRanges: readSourceRanges(ctx, first, exposure),
      },
    },
    release: releaseHint(first, exposure),
    namespace: namespaceHint(v),
    clients: clientsHint(v, exposure, scheme),
    provider: providerHint,
  };
}

/** The reserved IP of a single load balancer, where the provider takes one (values/load-balancer.ts). */
function staticIpOf(
  values: HelmValues,
  provider: LbProvider,
  ctx: ReadContext,
  release: ValuesRelease,
): string {
  const field = getString(values, [...SERVICE, "loadBalancerIP"]);
  const annotation = getString(values, [...ANNOTATIONS, LB_ANNOTATION.azureIpv4]);
  const ip = provider === "azure" ? (annotation ?? field) : provider === "aws" ? undefined : field;
  if (ip === undefined) return "";
  if (!isIP(ip)) {
    ctx.preserve(
      provider === "azure" && annotation !== undefined
        ? [...ANNOTATIONS, LB_ANNOTATION.azureIpv4]
        : [...SERVICE, "loadBalancerIP"],
    );
    return "";
  }
  ctx.from(
    "loadBalancer.staticIp",
    provider === "azure" && annotation !== undefined
      ? [...ANNOTATIONS, LB_ANNOTATION.azureIpv4]
      : [...SERVICE, "loadBalancerIP"],
    release,
  );
  return ip;
}

// The deployment plan: which Helm releases, Services and advertised addresses a
// scenario produces. Every generator (values, commands, diagram, check, client
// kit) reads names and addresses from here, so they cannot disagree.
// Facts: domain reference sections 2.3 (zonal layout) and 3 (scenarios).
import type { Scenario } from "../scenario/schema";
import { zoneHost } from "../scenario/zone-host";

export const CLUSTER_DNS_SUFFIX = "svc.cluster.local";
/** Kafka's listen port inside the pod; the chart's `kafka.address.port` default. */
export const KAFKA_CONTAINER_PORT = 9092;
export const ADMIN_PORT = 9089;
export const CONNECT_PORT = 8080;
/** The pod label every broker carries; the docs' regional Service selects on it (domain 2.3). */
export const CLUSTER_LABEL = "bufstream.buf.build/cluster";
export const ZONE_TOPOLOGY_KEY = "topology.kubernetes.io/zone";

export interface Endpoint {
  host: string;
  port: number;
  /**
   * False when the address exists only after install (a load balancer whose
   * DNS name the cloud assigns): `host` is then a human-readable placeholder
   * that must never reach a values file.
   */
  known: boolean;
}

/** One Helm release: the whole cluster, or one zone of it. */
export interface ReleasePlan {
  /** Helm release name; also `nameOverride` and the chart's Service name. */
  release: string;
  zone: string | null;
  /** The Kafka Service the chart creates for this release (same name as the release). */
  service: string;
  serviceType: "ClusterIP" | "LoadBalancer";
  /** The headless Service the wizard adds (exposure "headless"), or null. */
  headlessService: string | null;
  replicas: number;
  serviceAccount: string;
  /** What every broker of this release advertises (`kafka.publicAddress`). */
  advertised: Endpoint;
}

export interface TopologyPlan {
  releases: ReleasePlan[];
  /**
   * The ClusterIP Service the wizard writes to span every zone, or null: only
   * zone-aware layouts have one, and with per-zone load balancers only when
   * clients run in the cluster (it is their bootstrap; outside clients cannot
   * reach a ClusterIP Service, so it is not emitted for them alone).
   */
  regionalService: string | null;
  /** Where in-cluster clients bootstrap from, or null when none run there. */
  inClusterBootstrap: Endpoint | null;
  /** Where outside clients bootstrap from, or null when none run there. */
  outsideBootstrap: Endpoint | null;
}

export function serviceDnsName(service: string, namespace: string): string {
  return `${service}.${namespace}.${CLUSTER_DNS_SUFFIX}`;
}

export function zonalReleaseName(release: string, zone: string): string {
  return `${release}-${zone}`;
}

export function headlessServiceName(release: string): string {
  return `${release}-headless`;
}

/** The chart's default ServiceAccount name, and the zonal guides' per-zone variant (domain 2.3). */
export function serviceAccountName(zone: string | null): string {
  return zone === null ? "bufstream-service-account" : `bufstream-service-account-${zone}`;
}

export function lbPlaceholder(zone: string | null): string {
  return zone === null
    ? "load balancer address (after install)"
    : `${zone} load balancer address (after install)`;
}

function advertisedFor(s: Scenario, release: string, zone: string | null): Endpoint {
  const ns = s.release.namespace;
  if (s.exposure === "load-balancer") {
    const host = zone === null ? s.loadBalancer.host : zoneHost(s, zone);
    const known = s.loadBalancer.hostSource === "known" && host !== "";
    return { host: known ? host : lbPlaceholder(zone), port: s.loadBalancer.port, known };
  }
  if (s.exposure === "headless") {
    // Zone-aware + headless: each zone advertises its own headless Service,
    // so zone-filtered metadata still hands out zone-local pod IPs.
    return {
      host: serviceDnsName(headlessServiceName(release), ns),
      port: KAFKA_CONTAINER_PORT,
      known: true,
    };
  }
  return { host: serviceDnsName(release, ns), port: KAFKA_CONTAINER_PORT, known: true };
}

export function buildTopologyPlan(s: Scenario): TopologyPlan {
  const zones = s.zones.enabled ? s.zones.names : [];
  const serviceType = s.exposure === "load-balancer" ? "LoadBalancer" : "ClusterIP";
  const units: Array<{ release: string; zone: string | null; replicas: number }> =
    zones.length > 0
      ? zones.map((zone) => ({
          release: zonalReleaseName(s.release.name, zone),
          zone,
          replicas: s.zones.replicasPerZone,
        }))
      : [{ release: s.release.name, zone: null, replicas: s.replicas }];
  const releases: ReleasePlan[] = units.map(({ release, zone, replicas }) => ({
    release,
    zone,
    service: release,
    serviceType,
    headlessService: s.exposure === "headless" ? headlessServiceName(release) : null,
    replicas,
    serviceAccount: serviceAccountName(zone),
    advertised: advertisedFor(s, release, zone),
  }));
  const ns = s.release.namespace;
  const lb = s.exposure === "load-balancer";
  const inside = s.clients === "in-cluster" || s.clients === "both";
  const outside = s.clients === "outside-cluster" || s.clients === "both";
  const regionalService = zones.length > 0 && (!lb || inside) ? s.release.name : null;
  // The regional ClusterIP Service over every zone's brokers (domain 2.3, S4).
  const regionalEndpoint: Endpoint | null =
    regionalService === null
      ? null
      : { host: serviceDnsName(regionalService, ns), port: KAFKA_CONTAINER_PORT, known: true };

  let inClusterBootstrap: Endpoint | null = null;
  let outsideBootstrap: Endpoint | null = null;
  const first = releases[0];
  if (lb) {
    // Outside clients bootstrap through the load balancer: the cross-zone name
    // the user provides (open question 5), else the first zone's (or the only) LB.
    const lbBootstrap: Endpoint =
      zones.length > 0 && s.zones.bootstrapHost !== ""
        ? { host: s.zones.bootstrapHost, port: s.loadBalancer.port, known: true }
        : (first?.advertised ?? {
            host: lbPlaceholder(null),
            port: s.loadBalancer.port,
            known: false,
          });
    // Zone-aware in-cluster clients bootstrap from the regional ClusterIP Service
    // and are then handed their zone's load balancer (domain 3 S4/S5); without
    // zones, one advertised address serves every client, so in-cluster clients
    // too go through the load balancer (domain 3 core behaviour).
    if (inside) inClusterBootstrap = regionalEndpoint ?? lbBootstrap;
    if (outside) outsideBootstrap = lbBootstrap;
  } else {
    const endpoint: Endpoint = regionalEndpoint ?? {
      host: serviceDnsName(
        s.exposure === "headless" ? headlessServiceName(s.release.name) : s.release.name,
        ns,
      ),
      port: KAFKA_CONTAINER_PORT,
      known: true,
    };
    if (inside) inClusterBootstrap = endpoint;
    // Outside clients can only try the in-cluster name; the topology check says why that fails.
    if (outside) outsideBootstrap = endpoint;
  }
  return { releases, regionalService, inClusterBootstrap, outsideBootstrap };
}

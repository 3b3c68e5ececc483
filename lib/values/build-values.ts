// Scenario -> Helm values objects (data; render-yaml turns them into text).
// Facts: domain reference sections 1-4. Names and addresses come from the
// topology plan, so values, commands and diagram always agree.
import { zoneHost } from "../scenario/zone-host";
import { buildHeadlessService, RELEASE_POD_LABEL } from "../manifests/service";
import { buildPlatformValues, zoneAutoscaling } from "../platform";
import { isIP } from "../scenario/names";
import type { Scenario } from "../scenario/schema";
import {
  buildTopologyPlan,
  KAFKA_CONTAINER_PORT,
  ZONE_TOPOLOGY_KEY,
  type ReleasePlan,
} from "../topology/plan";
import {
  AWS_CROSS_ZONE_OFF,
  LB_ANNOTATION,
  providerAnnotations,
  sourceRangesVia,
  staticIpSettings,
} from "./load-balancer";
import { mergeValues, type HelmValues } from "./merge";

const HEADLESS_APART_NOTE = [
  "The headless Service is in its own manifest file, applied by install.sh: Helm replaces",
  "lists whole, so putting it in extraObjects would drop the release's own extraObjects.",
];

/** The chart's name: a release of this name needs no `nameOverride`. */
export const CHART_NAME = "bufstream";

export interface ValuesFile {
  /** File name in the bundle. */
  name: string;
  /** The zone this file configures, or null for the shared (or only) file. */
  zone: string | null;
  values: HelmValues;
  /** Why some keys are (or are not) there; rendered as the file's header comment. */
  notes: string[];
}

export interface ValuesFiles {
  /** `<release>-values.yaml`: everything, or for zone-aware layouts what every zone shares. */
  shared: ValuesFile;
  /** `<release>-<zone>-values.yaml`, layered after the shared file; empty unless zone-aware. */
  zones: ValuesFile[];
}

export function sharedValuesFileName(release: string): string {
  return `${release}-values.yaml`;
}

export function zoneValuesFileName(release: string, zone: string): string {
  return `${release}-${zone}-values.yaml`;
}

/**
 * True when install.sh layers these files on values the release already has
 * (domain 8.1: later files win key by key, so a key this bundle leaves out
 * keeps whatever the release had). The networking keys are then written even
 * where they equal the chart's defaults, or a release that once had a load
 * balancer would keep its old Service type and advertised address.
 */
function layersOnExisting(s: Scenario): boolean {
  return s.install === "existing";
}

/**
 * `kafka.publicAddress`, or null when it must stay unset: the address is only
 * known after install (install.sh passes it with --set-string; a values file
 * must never carry a placeholder), or, for a new install, it equals the
 * chart's effective default (`bufstream.<ns>.svc.cluster.local:9092` for the
 * ClusterIP Service of a release named `bufstream`, domain 1.1), so the file
 * stays minimal.
 */
function publicAddress(s: Scenario, r: ReleasePlan): HelmValues | null {
  if (!r.advertised.known) return null;
  const chartDefault = s.exposure === "cluster-ip" && r.zone === null && r.release === CHART_NAME;
  if (chartDefault && !layersOnExisting(s)) return null;
  return { host: r.advertised.host, port: r.advertised.port };
}

/**
 * The headless Service goes into the values (`extraObjects`, so it ships with
 * the release) for a new install. On an existing release it is a manifest of
 * its own (lib/manifests/files.ts): Helm replaces lists whole, so our
 * extraObjects would drop every object the release's own extraObjects holds.
 */
function headlessInValues(s: Scenario, r: ReleasePlan): boolean {
  return r.headlessService !== null && !layersOnExisting(s);
}

/** The reserved IP for one release's load balancer. */
function staticIpFor(s: Scenario, r: ReleasePlan): string {
  if (r.zone === null) return s.loadBalancer.staticIp;
  // One `staticIp` cannot serve several per-zone load balancers. When a zone's
  // advertised host is an IP, that is the address the zone's LB must have, so
  // pin it (GKE/AKS); a DNS name leaves the provider to assign the address.
  const host = zoneHost(s, r.zone);
  return s.loadBalancer.hostSource === "known" && isIP(host) ? host : "";
}

/**
 * `bufstream.service` settings every release shares: the load balancer's type
 * and annotations; ClusterIP, the chart's default, only when layering on an
 * existing release (a Service it once made a load balancer must change back);
 * else null.
 */
function commonServiceValues(s: Scenario): HelmValues | null {
  if (s.exposure !== "load-balancer") return layersOnExisting(s) ? { type: "ClusterIP" } : null;
  const annotations = commonLbAnnotations(s);
  const service: HelmValues = { type: "LoadBalancer" };
  if (Object.keys(annotations).length > 0) service.annotations = annotations;
  return service;
}

/** `bufstream.service` settings of one release's own load balancer (its reserved IP), or null. */
function ownServiceValues(s: Scenario, r: ReleasePlan): HelmValues | null {
  if (s.exposure !== "load-balancer") return null;
  const fixed = staticIpSettings(s.loadBalancer.provider, staticIpFor(s, r));
  const service: HelmValues = {};
  if (Object.keys(fixed.annotations).length > 0) service.annotations = fixed.annotations;
  if (fixed.loadBalancerIP !== null) service.loadBalancerIP = fixed.loadBalancerIP;
  return Object.keys(service).length > 0 ? service : null;
}

/** Annotations every load balancer of the scenario carries (the shared file, when zone-aware). */
function commonLbAnnotations(s: Scenario): Record<string, string> {
  const annotations = providerAnnotations(s.loadBalancer.provider, s.loadBalancer.scheme);
  const ranges = s.access.loadBalancerSourceRanges;
  if (ranges.length > 0 && sourceRangesVia(s.loadBalancer.provider) === "annotation") {
    annotations[LB_ANNOTATION.sourceRanges] = ranges.join(",");
  }
  if (s.zones.enabled && s.loadBalancer.provider === "aws") {
    // Per-zone NLBs (domain 4 [inferred], 3 S5): cross-zone load balancing off,
    // so each zone's NLB only forwards to the brokers of its own zone.
    annotations[LB_ANNOTATION.awsAttributes] = AWS_CROSS_ZONE_OFF;
  }
  return annotations;
}

function lbNotes(s: Scenario, zoneAware: boolean): string[] {
  if (s.exposure !== "load-balancer") return [];
  const notes: string[] = [];
  const { provider, scheme, staticIp, hostSource, port } = s.loadBalancer;
  if (hostSource === "after-install") {
    notes.push(
      "kafka.publicAddress is not set here: the load balancer's address exists only after",
      "install. install.sh reads it and runs helm upgrade with --set-string",
      "kafka.publicAddress.host=<address>. To commit it, add it here once known.",
    );
  }
  if (provider === "aws" && staticIp !== "" && !zoneAware) {
    notes.push("The static IP is not used: an AWS NLB takes its addresses from its subnets.");
  }
  if (zoneAware && staticIp !== "") {
    notes.push("The single static IP is not used: each zone has its own load balancer.");
  }
  if (scheme === "internet-facing") {
    notes.push(
      "Internet-facing: the chart's Service may also expose the admin (9089) and Connect (8080)",
      "ports, which have no authentication. Limit who can reach it (security groups,",
      "firewall rules) and turn on TLS and authentication before real traffic.",
    );
  }
  // Only where the ranges are in this file: where install.sh patches the
  // Service instead, the values do not depend on them (so values read back
  // write the same bytes; lib/import/not-in-values.ts), and the README says it.
  if (s.access.loadBalancerSourceRanges.length > 0 && sourceRangesVia(provider) === "annotation") {
    notes.push(
      "Source ranges: the chart has no key for spec.loadBalancerSourceRanges, so they are the load-balancer-source-ranges annotation, which this load balancer controller reads.",
    );
  }
  if (port !== KAFKA_CONTAINER_PORT) {
    notes.push(
      `Clients are handed port ${port}, but this cannot work: the load balancer is the chart's`,
      `own Service, which listens on ${KAFKA_CONTAINER_PORT}, and no documented chart key changes its port.`,
      `Use ${KAFKA_CONTAINER_PORT} (the topology check reports this as an error).`,
    );
  }
  return notes;
}

/**
 * The platform fragment (storage, metadata, identity, TLS, auth, ...). Called
 * unconditionally: lib/platform decides per scope what applies (storage and
 * friends only for `valuesScope: "complete"`, TLS/auth whenever enabled).
 */
function platformValues(s: Scenario): HelmValues {
  return buildPlatformValues(s);
}

function singleRelease(s: Scenario, r: ReleasePlan): ValuesFiles {
  const values: HelmValues = {};
  const notes: string[] = [];
  if (r.release !== CHART_NAME) {
    // The chart names its Service and StatefulSet after `nameOverride` (the
    // zonal guides rely on this); setting it to the release name keeps the
    // Service named after the release. Open question 8 asks whether
    // publicAddress follows nameOverride, so it is also set explicitly below.
    values.nameOverride = r.release;
    notes.push("nameOverride = the release name, so the chart's Service is named after it.");
  }
  values.cluster = s.cluster;
  const address = publicAddress(s, r);
  if (address !== null) values.kafka = { publicAddress: address };
  const bufstream: HelmValues = {};
  const common = commonServiceValues(s);
  if (common !== null) bufstream.service = mergeValues(common, ownServiceValues(s, r) ?? {});
  bufstream.deployment = { replicaCount: r.replicas };
  values.bufstream = bufstream;
  if (r.headlessService !== null && headlessInValues(s, r)) {
    // The chart has no Kafka headless Service; extraObjects ships it with the
    // release (same lifecycle, one file to commit), domain 1.1 / 3 S2.
    values.extraObjects = [
      buildHeadlessService(r.headlessService, s.release.namespace, s.cluster, null),
    ];
    notes.push(
      `extraObjects adds the headless Service ${r.headlessService} (the chart has none for Kafka);`,
      "its DNS name resolves to every ready broker pod, and every broker advertises it.",
    );
  } else if (r.headlessService !== null) {
    notes.push(...HEADLESS_APART_NOTE);
  }
  notes.push(...lbNotes(s, false));
  return {
    shared: {
      name: sharedValuesFileName(s.release.name),
      zone: null,
      values: mergeValues(values, platformValues(s)),
      notes,
    },
    zones: [],
  };
}

function zoneFile(s: Scenario, r: ReleasePlan & { zone: string }): ValuesFile {
  const values: HelmValues = {
    // The zonal guides' layout (domain 2.3): release = nameOverride = <release>-<zone>,
    // `zone` explicit (gotcha 4: GCP examples omit it, and the docs' `name:` key is not a chart key).
    nameOverride: r.release,
    zone: r.zone,
  };
  const notes = [
    `Zone ${r.zone}: layered after ${sharedValuesFileName(s.release.name)} in the release ${r.release}.`,
    `Its own ServiceAccount ${r.serviceAccount}: bind cloud identity to it too.`,
  ];
  const address = publicAddress(s, r);
  if (address !== null) values.kafka = { publicAddress: address };
  const bufstream: HelmValues = {};
  const own = ownServiceValues(s, r);
  if (own !== null) bufstream.service = own;
  // Every release creates its own ServiceAccount; one shared name would make
  // the releases fight over one object.
  bufstream.serviceAccount = { name: r.serviceAccount };
  const deployment: HelmValues = { replicaCount: r.replicas };
  const scaling = zoneAutoscaling(s);
  if (scaling !== null) {
    // Each zonal release gets its own HPA, so the scenario's totals are split
    // across zones (domain 1.1 autoscaling row: "min 6 across 3 AZs").
    deployment.autoscaling = { minReplicas: scaling.perZone.min, maxReplicas: scaling.perZone.max };
    notes.push(
      `Autoscaling: this release has its own HPA, so minReplicas/maxReplicas are per zone:`,
      `${scaling.perZone.min}-${scaling.perZone.max} here, ${scaling.total.min}-${scaling.total.max} brokers across ${scaling.zones} zones`,
      `(the totals ${s.resources.autoscaling.minReplicas}-${s.resources.autoscaling.maxReplicas}, divided by ${scaling.zones} and rounded up).`,
    );
  }
  if (r.headlessService !== null) deployment.podLabels = { [RELEASE_POD_LABEL]: r.release };
  deployment.affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: ZONE_TOPOLOGY_KEY, operator: "In", values: [r.zone] }] },
        ],
      },
    },
  };
  bufstream.deployment = deployment;
  values.bufstream = bufstream;
  if (r.headlessService !== null && headlessInValues(s, r)) {
    values.extraObjects = [
      buildHeadlessService(r.headlessService, s.release.namespace, s.cluster, r.release),
    ];
    notes.push(
      `extraObjects adds ${r.headlessService}, a headless Service over this zone's pods only`,
      `(selected by the pod label ${RELEASE_POD_LABEL}), so zone ${r.zone} clients get zone-local pods.`,
    );
  } else if (r.headlessService !== null) {
    notes.push(...HEADLESS_APART_NOTE);
  }
  if (s.exposure === "load-balancer" && s.loadBalancer.provider === "aws") {
    notes.push(
      "To pin this NLB to the zone's subnet, add under bufstream.service.annotations:",
      `  ${LB_ANNOTATION.awsSubnets}: <subnet id in ${r.zone}>`,
      "(the wizard does not know your subnet ids; cross-zone load balancing is already off).",
    );
  }
  return { name: zoneValuesFileName(s.release.name, r.zone), zone: r.zone, values, notes };
}

function zoneAware(s: Scenario, releases: ReleasePlan[]): ValuesFiles {
  const shared: HelmValues = {
    // Every zonal release joins one cluster; the regional Service selects on it.
    cluster: s.cluster,
  };
  const common = commonServiceValues(s);
  if (common !== null) shared.bufstream = { service: common };
  const notes = [
    "Settings every zonal release shares; each zone's file is layered after this one.",
    ...lbNotes(s, true),
  ];
  const scaling = zoneAutoscaling(s);
  if (scaling !== null) {
    notes.push(
      "Autoscaling is enabled here, but minReplicas/maxReplicas are in each zone's file: every",
      `zonal release gets its own HPA (${scaling.perZone.min}-${scaling.perZone.max} brokers per zone, ${scaling.total.min}-${scaling.total.max} in total).`,
    );
  }
  const zones = releases.flatMap((r) =>
    r.zone === null ? [] : [zoneFile(s, { ...r, zone: r.zone })],
  );
  return {
    shared: {
      name: sharedValuesFileName(s.release.name),
      zone: null,
      values: mergeValues(shared, platformValues(s)),
      notes,
    },
    zones,
  };
}

export function buildValues(s: Scenario): ValuesFiles {
  const plan = buildTopologyPlan(s);
  const first = plan.releases[0];
  // Zone-aware is "releases per zone", not "has a regional Service": per-zone
  // load balancers with only outside clients have no regional Service.
  if (plan.releases.some((r) => r.zone !== null)) return zoneAware(s, plan.releases);
  if (first === undefined) throw new Error("The topology plan has no release.");
  return singleRelease(s, first);
}

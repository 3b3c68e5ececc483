// Rules about the zone-aware layout and broker counts (domain 2.3, 3 S4/S5, 5
// "How clients learn their zone", 1.1 autoscaling row).
import { cloudOfPlatform, type Cloud } from "../platform/cloud";
import { autoscalingApplies, zoneAutoscaling } from "../platform/resources";
import { zoneHost } from "../scenario/zone-host";
import type { Scenario } from "../scenario/schema";
import { activeZones, hasOutsideClients, isLoadBalancer, lbHostFields, listWords } from "./context";
import { FINDING } from "./finding-ids";
import type { Finding } from "./types";

/** The zone strings each cloud's nodes carry in `topology.kubernetes.io/zone` (domain 5). */
const ZONE_FORMATS: Record<Cloud, { pattern: RegExp; example: string; cloud: string }> = {
  aws: { pattern: /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, example: "us-east-1a", cloud: "AWS" },
  gcp: { pattern: /^[a-z]+-[a-z]+\d+-[a-z]$/, example: "us-central1-a", cloud: "GKE" },
  azure: { pattern: /^[a-z]+\d*-\d$/, example: "eastus2-1", cloud: "AKS" },
};

/**
 * The cloud the scenario runs on, when something in it says so: the load
 * balancer's provider, the identity or storage of a complete install, else the
 * cloud the wizard asks for every layout (`loadBalancer.provider`, issue 13).
 */
function zoneProvider(s: Scenario): Cloud | null {
  if (isLoadBalancer(s) && s.loadBalancer.provider !== "other") return s.loadBalancer.provider;
  const asked = s.loadBalancer.provider === "other" ? null : s.loadBalancer.provider;
  if (s.valuesScope !== "complete") return asked;
  return cloudOfPlatform(s) ?? asked;
}

/**
 * The smallest broker count the install can run at: the fixed replica counts,
 * or with autoscaling (complete values file only, issue 6) the HPA minimum,
 * per zone as the zonal values files write it (zoneAutoscaling).
 */
function minimumBrokers(s: Scenario, zones: string[]) {
  if (autoscalingApplies(s)) {
    const perZone = zoneAutoscaling(s)?.perZone.min ?? s.resources.autoscaling.minReplicas;
    return {
      perUnit: perZone,
      total: zones.length > 0 ? perZone * zones.length : perZone,
      countField: "resources.autoscaling.minReplicas",
      autoscaled: true,
    };
  }
  const perUnit = zones.length > 0 ? s.zones.replicasPerZone : s.replicas;
  return {
    perUnit,
    total: zones.length > 0 ? perUnit * zones.length : perUnit,
    countField: zones.length > 0 ? "zones.replicasPerZone" : "replicas",
    autoscaled: false,
  };
}

/** Zone-aware + autoscaling: one HPA per zonal release, so the totals are split (domain 1.1). */
export function checkZoneAutoscaling(s: Scenario): Finding[] {
  const scaling = zoneAutoscaling(s);
  if (scaling === null) return [];
  const { minReplicas: min, maxReplicas: max } = s.resources.autoscaling;
  const { perZone, total, zones } = scaling;
  const rounded = total.min !== min || total.max !== max;
  return [
    {
      id: FINDING.zonesAutoscalingPerZone,
      severity: "info",
      message: `Each of the ${zones} zonal releases autoscales between ${perZone.min} and ${perZone.max} brokers: ${total.min} to ${total.max} in total.`,
      why: `Every zone is its own Helm release with its own HorizontalPodAutoscaler, so the minimum and maximum you set (${min}-${max}; the docs recommend at least 6 across 3 zones) are divided across the zones${rounded ? ", rounded up so no zone runs short" : ""}; each zone's values file carries its share.`,
      fix: rounded
        ? `Nothing to fix. For exactly ${min}-${max} brokers, use multiples of ${zones}.`
        : "Nothing to fix.",
      fields: ["resources.autoscaling.minReplicas", "resources.autoscaling.maxReplicas"],
      clients: [],
    },
  ];
}

export function checkZones(s: Scenario): Finding[] {
  const zones = activeZones(s);
  if (zones.length === 0) return [];
  const findings: Finding[] = [];
  if (zones.length === 1) {
    findings.push({
      id: FINDING.zonesSingle,
      severity: "warning",
      message: `Zone-aware routing with one zone (${zones[0]}) adds a release and a regional Service but routes nothing.`,
      why: "Zone-aware routing keeps each client on its own zone's brokers; with one zone every client lands there anyway, and losing that zone loses the cluster.",
      fix: "Add the other zones your nodes run in, or turn zone-aware routing off.",
      fields: ["zones.names"],
      clients: [],
    });
  }
  const byHost = new Map<string, string[]>();
  for (const h of lbHostFields(s)) {
    if (h.zone === null) continue;
    const key = h.host.toLowerCase();
    byHost.set(key, [...(byHost.get(key) ?? []), h.zone]);
  }
  const shared = [...byHost.entries()].filter(([, owners]) => owners.length > 1);
  if (shared.length > 0) {
    const owners = shared.flatMap(([, z]) => z);
    findings.push({
      id: FINDING.zonesDuplicateHost,
      severity: "error",
      message: `Zones ${listWords(owners)} advertise the same host ${listWords(shared.map(([h]) => h))}.`,
      why: "Each zone's brokers advertise their zone's load balancer. With one host for two zones, a client asking for zone A is sent to a load balancer that may forward to zone B: zone routing is lost and cross-zone charges return.",
      fix: "Give each zone its own load balancer address.",
      fields: owners.map((z) => `zones.hosts.${z}`),
      clients: hasOutsideClients(s) ? ["outside-cluster"] : [],
    });
  }
  const provider = zoneProvider(s);
  if (provider !== null) {
    const format = ZONE_FORMATS[provider];
    const bad = zones.flatMap((zone, i) => (format.pattern.test(zone) ? [] : [{ zone, i }]));
    if (bad.length > 0) {
      const other = (Object.keys(ZONE_FORMATS) as Cloud[]).find(
        (p) => p !== provider && bad.every(({ zone }) => ZONE_FORMATS[p].pattern.test(zone)),
      );
      findings.push({
        id: FINDING.zonesNameFormat,
        severity: "warning",
        message: `${listWords(bad.map((b) => b.zone))} ${bad.length === 1 ? "does" : "do"} not look like ${format.cloud} zone names (e.g. ${format.example})${other ? `; ${bad.length === 1 ? "it looks" : "they look"} like ${ZONE_FORMATS[other].cloud} zones` : ""}.`,
        why: "Brokers are pinned with node affinity on topology.kubernetes.io/zone, and clients must send the broker's zone string exactly in client.id. A name that no node carries leaves pods unschedulable and clients unrouted.",
        fix: `Use the zone names your nodes carry: kubectl get nodes -L topology.kubernetes.io/zone${other ? `; or, if the cluster runs on ${ZONE_FORMATS[other].cloud}, choose that cloud` : ""}.`,
        fields: [
          ...bad.map((b) => `zones.names.${b.i}`),
          ...(other ? ["loadBalancer.provider"] : []),
        ],
        clients: [],
      });
    }
  }
  if (isLoadBalancer(s) && s.loadBalancer.hostSource === "after-install") {
    findings.push({
      id: FINDING.zoneHostsAfterInstall,
      severity: "info",
      message:
        "Each zone's load-balancer address is read after install, so install.sh runs Helm twice per zone.",
      why: "Each zone's brokers must advertise their own zone's load balancer (kafka.publicAddress), which gets its address only once its Service exists.",
      fix: "Nothing to fix. To install in one pass, pre-create the load balancers or reserve static IPs and enter each zone's address.",
      fields: ["loadBalancer.hostSource", ...zones.map((z) => `zones.hosts.${z}`)],
      clients: [],
    });
  }
  // Bootstrap only fetches metadata, so any zone's load balancer will do, but
  // one zone's is a single point of failure for new clients (domain 3, S5).
  // Only outside clients bootstrap through a load balancer: in-cluster ones
  // use the regional ClusterIP Service, which spans every zone.
  if (isLoadBalancer(s) && hasOutsideClients(s)) {
    const bootstrap = s.zones.bootstrapHost;
    const zoneHosts = zones.map((z) => zoneHost(s, z).toLowerCase());
    if (bootstrap === "" || zoneHosts.includes(bootstrap.toLowerCase())) {
      findings.push({
        id: FINDING.zonesBootstrapOneZone,
        severity: "warning",
        message: `Clients outside the cluster bootstrap through one zone's load balancer (${zones[0]}); while that zone is down, new outside clients cannot start.`,
        why: "Bufstream's network guide does not describe a cross-zone bootstrap name for outside clients behind per-zone load balancers, so without one the wizard uses the first zone's. (Clients in the cluster bootstrap from the regional ClusterIP Service, which spans every zone.)",
        fix: "Create a DNS name that resolves to every zone's load balancer (or a regional load balancer) and enter it as the bootstrap host.",
        fields: ["zones.bootstrapHost"],
        clients: ["outside-cluster"],
      });
    }
  }
  return findings;
}

/** bufstream.deployment.replicaCount's default in the chart (domain 1.1). */
const CHART_DEFAULT_REPLICAS = 3;

export function checkBrokerCount(s: Scenario): Finding[] {
  const zones = activeZones(s);
  const { perUnit, total, countField, autoscaled } = minimumBrokers(s, zones);
  const findings: Finding[] = [];
  if (perUnit === 1) {
    findings.push({
      id: FINDING.tooFewBrokers,
      severity: "warning",
      message:
        zones.length > 0
          ? "One broker per zone: a restart or upgrade leaves that zone with no broker."
          : "One broker: a restart or upgrade takes the whole cluster offline.",
      why: "Clients that named their zone in client.id are sent only to that zone's brokers; while its only broker restarts they have nowhere to go. Rolling upgrades restart every broker in turn.",
      fix: autoscaled
        ? `Raise the autoscaling minimum so every ${zones.length > 0 ? "zone" : "release"} keeps at least 2 brokers${zones.length > 0 ? ` (at least ${2 * zones.length} across ${zones.length} zones)` : ""}.`
        : "Run at least 2 brokers per zone (the zonal guides use 2).",
      fields: [countField],
      clients: [],
    });
  }
  if (total < 6 || (zones.length > 0 && zones.length < 3)) {
    // The default answers and most presets keep the chart's own 3 brokers: the
    // note says that is a deliberate starting point, not a slip (issue 13).
    const chartDefault = !autoscaled && zones.length === 0 && total === CHART_DEFAULT_REPLICAS;
    findings.push({
      id: FINDING.belowRecommendedSize,
      severity: "info",
      message: chartDefault
        ? `${total} brokers, the chart's default: enough to start with and to try a layout.`
        : `${total} broker${total === 1 ? "" : "s"}${zones.length > 0 ? ` in ${zones.length} zone${zones.length === 1 ? "" : "s"}` : ""}, below the docs' recommendation of at least 6 brokers across 3 zones with autoscaling.`,
      why: "Buf's deployment docs recommend a HorizontalPodAutoscaler with at least 6 brokers across 3 availability zones at 50% CPU (the chart's default minReplicas is 6).",
      fix: autoscaled
        ? "For production, set the autoscaling minimum to 6 or more brokers across 3 zones."
        : "For production, run 6 or more brokers across 3 zones, or turn on autoscaling under Resources and scaling (a complete values file).",
      fields: autoscaled ? [countField] : [countField, "resources.autoscaling.enabled"],
      clients: [],
    });
  }
  return findings;
}

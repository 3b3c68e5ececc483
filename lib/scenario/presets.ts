// Named topologies that load in one click and by link (issue 3). Data only:
// each is a complete, valid scenario (a test parses every one with
// ScenarioSchema) with words on when to pick it. Hosts are names under the
// private-use `.internal` TLD and private or documentation IPs (not
// example.com, which the topology check rightly calls a placeholder); users
// replace them with their own.
//
// To add a preset (e.g. complete installs per cloud), append to PRESETS; ids
// are stable (links and tests key on them), kebab-case and unique.
import { PLATFORM_PRESETS } from "../platform/presets";
import { DEFAULT_SCENARIO } from "./defaults";
import type { Scenario } from "./schema";

export interface Preset {
  /** Stable, kebab-case; used in links, tests and golden file folders. */
  id: string;
  title: string;
  /** One sentence: what this layout is. */
  summary: string;
  /** When to pick it (and when not to). */
  whenToUse: string;
  scenario: Scenario;
}

type Patch = Partial<Omit<Scenario, "loadBalancer" | "zones">> & {
  loadBalancer?: Partial<Scenario["loadBalancer"]>;
  zones?: Partial<Scenario["zones"]>;
};

/** DEFAULT_SCENARIO with the networking answers of a preset. */
export function presetScenario(patch: Patch): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    ...patch,
    loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, ...patch.loadBalancer },
    zones: { ...DEFAULT_SCENARIO.zones, ...patch.zones },
  };
}

const EKS_ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];

export const PRESETS: Preset[] = [
  {
    id: "in-cluster-default",
    title: "In-cluster, default",
    summary:
      "Clients in the same Kubernetes cluster bootstrap from the chart's ClusterIP Service and are handed its DNS name.",
    whenToUse:
      "Your Kafka clients run as pods in this cluster. The simplest layout: nothing but the chart's defaults.",
    scenario: presetScenario({}),
  },
  {
    id: "headless-in-cluster",
    title: "Headless, in-cluster",
    summary:
      "A headless Service (no cluster IP) whose DNS name resolves to every broker pod; every broker advertises it.",
    whenToUse:
      "Clients in the cluster, or on a network that routes pod IPs, should connect straight to broker pods instead of through a Service's virtual IP.",
    scenario: presetScenario({ exposure: "headless" }),
  },
  {
    id: "aws-nlb-internal",
    title: "External via AWS NLB",
    summary:
      "An internal Network Load Balancer from the AWS Load Balancer Controller; every broker advertises its DNS name.",
    whenToUse:
      "Clients run outside the EKS cluster but inside your VPC or a peered network. Point a DNS record (here bufstream.kafka.internal) at the NLB.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", scheme: "internal", host: "bufstream.kafka.internal" },
    }),
  },
  {
    id: "aws-nlb-internet-facing",
    title: "Internet-facing AWS NLB",
    summary:
      "A public NLB; install.sh installs, reads the NLB's DNS name and upgrades with it as the advertised address.",
    whenToUse:
      "Clients reach Bufstream over the internet and you do not know the NLB's DNS name yet. Add TLS and authentication before real traffic.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", scheme: "internet-facing", hostSource: "after-install" },
    }),
  },
  {
    id: "gke-internal-lb",
    title: "GKE internal load balancer",
    summary:
      "A GKE internal passthrough load balancer on a reserved internal IP, which every broker advertises.",
    whenToUse:
      "Clients run in your VPC outside the GKE cluster. Reserve the internal IP first (purpose SHARED_LOADBALANCER_VIP), as Buf's Terraform does.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: {
        provider: "gcp",
        scheme: "internal",
        host: "10.128.0.50",
        staticIp: "10.128.0.50",
      },
    }),
  },
  {
    id: "aks-internal-lb",
    title: "AKS internal load balancer",
    summary:
      "An Azure internal load balancer on a static IP from the cluster's subnet, which every broker advertises.",
    whenToUse:
      "Clients run in your virtual network outside the AKS cluster. Pick a free IP in the cluster's subnet.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: {
        provider: "azure",
        scheme: "internal",
        host: "10.224.0.50",
        staticIp: "10.224.0.50",
      },
    }),
  },
  {
    id: "zone-aware-eks-in-cluster",
    title: "Zone-aware on EKS, in-cluster clients",
    summary:
      "One release per availability zone, pinned to it, plus a regional Service to bootstrap from; clients that send zone=<zone> in client.id stay in their zone.",
    whenToUse:
      "Clients run in the cluster across several zones and you want to avoid cross-zone data transfer charges.",
    scenario: presetScenario({ zones: { enabled: true, names: EKS_ZONES, replicasPerZone: 2 } }),
  },
  {
    id: "zone-aware-per-zone-nlbs",
    title: "Zone-aware with per-zone NLBs",
    summary:
      "One release and one internal NLB per zone, each zone advertising its own NLB; clients bootstrap from a name that covers every zone.",
    whenToUse:
      "Clients outside the cluster in several zones should stay in their zone. Create the bootstrap DNS name (e.g. a multi-value record over the zone NLBs) yourself.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", scheme: "internal" },
      zones: {
        enabled: true,
        names: EKS_ZONES,
        replicasPerZone: 2,
        hosts: Object.fromEntries(
          EKS_ZONES.map((zone) => [zone, `bufstream-${zone}.kafka.internal`]),
        ),
        bootstrapHost: "bufstream.kafka.internal",
      },
    }),
  },
  {
    id: "inside-and-outside-one-lb",
    title: "Clients inside and outside (one LB)",
    summary:
      "One internal NLB serves every client: brokers advertise a single address, so clients in the cluster also go through the load balancer.",
    whenToUse:
      "Some clients run in the cluster and some outside it. Bufstream advertises one address, so both kinds must use one that works everywhere.",
    scenario: presetScenario({
      clients: "both",
      exposure: "load-balancer",
      loadBalancer: { provider: "aws", scheme: "internal", host: "bufstream.kafka.internal" },
    }),
  },
  {
    id: "other-provider-lb",
    title: "Any Kubernetes, LoadBalancer Service",
    summary:
      "A plain LoadBalancer Service with no provider annotations (e.g. MetalLB), on a fixed IP that every broker advertises.",
    whenToUse:
      "Your cluster is not EKS, GKE or AKS but has a load balancer controller that honours spec.loadBalancerIP.",
    scenario: presetScenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: {
        provider: "other",
        scheme: "internal",
        host: "192.0.2.10",
        staticIp: "192.0.2.10",
      },
    }),
  },
  // ── Complete installs, one per cloud (issue 6): defined in lib/platform/presets.ts ──
  ...PLATFORM_PRESETS,
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

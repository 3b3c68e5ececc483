// The topology diagram's text alternative (issue 7): a title, one paragraph,
// and a table of the Services / load balancers clients use, with addresses and
// zones. It says the same as the picture (both read buildTopologyPlan and
// labels.ts), for screen readers and for anyone who prefers a table.
import { clientIdFor } from "../clients/client-views";
import type { Scenario } from "../scenario/schema";
import {
  type Endpoint,
  type ReleasePlan,
  type TopologyPlan,
  buildTopologyPlan,
  KAFKA_CONTAINER_PORT,
  serviceDnsName,
} from "../topology/plan";
import { advertisedList, endpointText, loadBalancerName, plural } from "./labels";
import { metadataStoreParts, objectStorageParts } from "./stores";

export interface TopologyRow {
  /** What it is: "ClusterIP Service", "Headless Service", "Regional Service", a load balancer, … */
  kind: string;
  /** Its name (the Kubernetes Service's name, or a description when it has none). */
  name: string;
  /**
   * The same as `name`: the team brief's API calls this column `service`
   * (components/diagram/topology-diagram.tsx reads it), the diagram task `name`.
   */
  service: string;
  /** `host:port` clients use, or the placeholder words when known only after install. */
  address: string;
  /** The zone, "all zones" for what spans them, or "" when the layout is not zone-aware. */
  zone: string;
}

export interface TopologyDescription {
  title: string;
  description: string;
  rows: TopologyRow[];
}

export const ALL_ZONES = "all zones";

const WHERE = {
  "in-cluster": "Clients in the cluster",
  "outside-cluster": "Clients outside the cluster",
  both: "Clients in and outside the cluster",
} as const;

function row(kind: string, name: string, address: string, zone: string): TopologyRow {
  return { kind, name, service: name, address, zone };
}

function regionalEndpoint(s: Scenario, plan: TopologyPlan): Endpoint | null {
  if (plan.regionalService === null) return null;
  return {
    host: serviceDnsName(plan.regionalService, s.release.namespace),
    port: KAFKA_CONTAINER_PORT,
    known: true,
  };
}

function through(s: Scenario, zoned: boolean): string {
  const lbName = loadBalancerName(s.loadBalancer.provider, s.loadBalancer.scheme);
  switch (s.exposure) {
    case "cluster-ip":
      return zoned
        ? "the regional Service and per-zone ClusterIP Services"
        : "the ClusterIP Service";
    case "headless":
      return zoned ? "the regional Service and per-zone headless Services" : "a headless Service";
    case "load-balancer":
      if (zoned)
        return s.clients === "outside-cluster"
          ? `one ${lbName} per zone`
          : `the regional Service and one ${lbName} per zone`;
      return s.loadBalancer.provider === "other"
        ? `a load balancer (${s.loadBalancer.scheme})`
        : `the ${lbName}`;
  }
}

function buildRows(s: Scenario, plan: TopologyPlan): TopologyRow[] {
  const rows: TopologyRow[] = [];
  const zoned = plan.releases.some((release) => release.zone !== null);
  const regional = regionalEndpoint(s, plan);
  if (regional !== null && plan.regionalService !== null) {
    // The ClusterIP Service over every zone the bundle applies: in-cluster bootstrap only.
    rows.push(
      row(
        "Regional Service (ClusterIP, in-cluster bootstrap)",
        plan.regionalService,
        endpointText(regional),
        ALL_ZONES,
      ),
    );
  }
  if (s.exposure === "load-balancer" && zoned && s.zones.bootstrapHost !== "") {
    // Outside clients' bootstrap: a name the user creates over every zone's
    // load balancer; neither the chart nor the bundle creates it (open question 5).
    const bootstrap = plan.outsideBootstrap;
    if (bootstrap !== null) {
      rows.push(
        row(
          "Outside bootstrap address (you create it)",
          "DNS name over every zone's load balancer",
          endpointText(bootstrap),
          ALL_ZONES,
        ),
      );
    }
  }
  for (const release of plan.releases) {
    const zone = release.zone ?? "";
    const address = endpointText(release.advertised);
    if (s.exposure === "load-balancer") {
      rows.push(
        row(
          loadBalancerName(s.loadBalancer.provider, s.loadBalancer.scheme),
          release.service,
          address,
          zone,
        ),
      );
    } else if (release.headlessService !== null) {
      rows.push(row("Headless Service", release.headlessService, address, zone));
    } else {
      rows.push(row("ClusterIP Service", release.service, address, zone));
    }
  }
  return rows;
}

function clientSentence(
  s: Scenario,
  where: string,
  bootstrap: Endpoint,
  releases: readonly ReleasePlan[],
): string {
  const first = releases[0];
  if (releases.length === 1 && first !== undefined && first.zone === null) {
    return `${where} bootstrap from ${endpointText(bootstrap)} and are handed ${advertisedList(first.advertised, first.replicas)}, one entry per broker.`;
  }
  const perZone = releases
    .map(
      (r) =>
        `zone ${r.zone ?? ""} (client.id ${clientIdFor(s.clientKit.appName, r.zone)}) gets ${advertisedList(r.advertised, r.replicas)}`,
    )
    .join(", ");
  return `${where} bootstrap from ${endpointText(bootstrap)} and are handed only their own zone's brokers: ${perZone}.`;
}

export function describeTopology(s: Scenario): TopologyDescription {
  const plan = buildTopologyPlan(s);
  const zoned = plan.releases.some((release) => release.zone !== null);
  const brokers = zoned
    ? `${plural(plan.releases.length, "zone")} with ${plural(s.zones.replicasPerZone, "broker")} each`
    : plural(s.replicas, "broker");
  const title = `${WHERE[s.clients]} through ${through(s, zoned)}, ${brokers}`;

  const sentences: string[] = [];
  sentences.push(
    `Bufstream release ${s.release.name} in namespace ${s.release.namespace}: ${brokers}${zoned ? `, one Helm release per zone (${plan.releases.map((r) => r.release).join(", ")})` : ""}.`,
  );
  if (plan.inClusterBootstrap !== null) {
    sentences.push(
      clientSentence(s, "Kafka clients in the cluster", plan.inClusterBootstrap, plan.releases),
    );
  }
  if (plan.outsideBootstrap !== null) {
    sentences.push(
      clientSentence(s, "Kafka clients outside the cluster", plan.outsideBootstrap, plan.releases),
    );
  }
  if (s.exposure === "load-balancer" && plan.releases.some((r) => !r.advertised.known)) {
    sentences.push(
      "The load balancer's address exists only after install: the install script reads it and upgrades the release to advertise it.",
    );
  }
  if (s.valuesScope === "complete") {
    const storage = objectStorageParts(s);
    const metadata = metadataStoreParts(s);
    sentences.push(
      `Every broker keeps data in ${storage.name} (${storage.detail}) and metadata in ${metadata.name} (${metadata.detail}).`,
    );
  }
  return { title, description: sentences.join(" "), rows: buildRows(s, plan) };
}

// The topology as a Mermaid flowchart, drawn like the networking guide's
// diagrams (domain 3: S1, S3 and the overview): the Kubernetes cluster as a
// subgraph, clients, the Service or load balancer(s), one node per broker, and
// the three steps every Kafka client takes: ① metadata request to the
// bootstrap address, ② metadata response listing the ADVERTISED addresses,
// ③ produce / fetch to those addresses. Names and addresses come from
// buildTopologyPlan, so the picture says what the values files configure.
//
// Layout choices:
// - zone-aware: one subgraph per zone inside the cluster with its clients,
//   Service and brokers; clients are drawn per zone with their `zone=` client.id
//   and get a metadata response naming only their zone's address (domain 3, S4);
// - load balancers sit outside the cluster subgraph, as in the guide's S3
//   diagram, also the per-zone ones of S5 (each is labelled with its zone);
// - findings only restyle (failing class, red dashed edge, "✗" label) and add
//   one note node per failing client location; the rest of the structure
//   depends on the scenario alone.
import { clientIdFor } from "../clients/client-views";
import { FINDING } from "../check/finding-ids";
import { isClusterDnsName, isPlaceholderHost } from "../check/hosts";
import type { Finding } from "../check/types";
import type { Scenario } from "../scenario/schema";
import {
  type Endpoint,
  type ReleasePlan,
  buildTopologyPlan,
  KAFKA_CONTAINER_PORT,
  serviceDnsName,
} from "../topology/plan";
import { describeTopology } from "./describe";
import { type ClassDef, Flowchart, type Scope } from "./flowchart";
import {
  advertisedList,
  BLOCKED_LABEL,
  brokerGroups,
  endpointText,
  FAILING_MARK,
  loadBalancerName,
  plural,
  STEP_LABELS,
} from "./labels";
import { metadataStoreLabel, objectStorageLabel, isInClusterMetadataStore } from "./stores";

type Location = "in-cluster" | "outside-cluster";

/** Colours readable in both the light and the dark Mermaid theme (dark text on a light red). */
const CLASS_DEFS: ClassDef[] = [
  { name: "failing", style: "fill:#fde2e1,stroke:#b42318,stroke-width:2px,color:#5c1310" },
];
const FAILING_EDGE_STYLE = "stroke:#b42318,stroke-width:2px,stroke-dasharray:6 4";

interface ReleaseNodes {
  plan: ReleasePlan;
  /** The node clients reach this release's brokers through: its Service or load balancer. */
  entry: string;
  /**
   * The subgraph holding the broker nodes: the release's StatefulSet, or when
   * zone-aware the zone itself (a zone subgraph with a single nested subgraph
   * renders badly, and the zone's Service or load balancer names the release).
   */
  brokerGroup: string;
  brokers: string[];
}

/** Error messages per client location (a finding for "both" counts for each). */
function failingLocations(findings: readonly Finding[]): Map<Location, string[]> {
  const failing = new Map<Location, string[]>();
  for (const finding of findings) {
    if (finding.severity !== "error") continue;
    for (const client of finding.clients) {
      const locations: Location[] =
        client === "both" ? ["in-cluster", "outside-cluster"] : [client];
      for (const location of locations) {
        const messages = failing.get(location) ?? [];
        if (!messages.includes(finding.message)) messages.push(finding.message);
        failing.set(location, messages);
      }
    }
  }
  return failing;
}

/**
 * Which step of a failing client breaks: the bootstrap itself when its address
 * cannot work from there (unknown yet, a placeholder, or a cluster DNS name
 * seen from outside, domain 6 gotcha 1); otherwise the bootstrap succeeds and
 * the connections to the advertised address fail, the classic Kafka symptom.
 */
function bootstrapFails(location: Location, bootstrap: Endpoint): boolean {
  return (
    !bootstrap.known ||
    isPlaceholderHost(bootstrap.host) ||
    (location === "outside-cluster" && isClusterDnsName(bootstrap.host))
  );
}

/**
 * Findings that stop a client before its first byte reaches a broker: a
 * NetworkPolicy or the load balancer's source ranges (issue 16). Such a client
 * breaks at its bootstrap, whatever its address, and the edge says why.
 */
const BLOCKING_FINDINGS: ReadonlySet<string> = new Set([
  FINDING.policyBlocksClientNamespace,
  FINDING.policyBlocksLoadBalancer,
  FINDING.policyBlocksClientNetwork,
  FINDING.sourceRangesExcludeClients,
]);

function blockedLocations(findings: readonly Finding[]): Set<Location> {
  const blocked = new Set<Location>();
  for (const f of findings) {
    if (f.severity !== "error" || !BLOCKING_FINDINGS.has(f.id)) continue;
    for (const client of f.clients) {
      if (client === "both") {
        blocked.add("in-cluster");
        blocked.add("outside-cluster");
      } else blocked.add(client);
    }
  }
  return blocked;
}

function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.host === b.host && a.port === b.port && a.known === b.known;
}

function addBrokers(scope: Scope, release: ReleasePlan): ReleaseNodes["brokers"] {
  return brokerGroups(release.replicas).map((group) => scope.node([group.label]));
}

function serviceLines(release: ReleasePlan): string[] {
  if (release.headlessService !== null) {
    return [
      `Service ${release.headlessService}`,
      "headless: DNS answers with pod IPs",
      endpointText(release.advertised),
    ];
  }
  return [`Service ${release.service}`, "ClusterIP", endpointText(release.advertised)];
}

function loadBalancerLines(s: Scenario, release: ReleasePlan): string[] {
  return [
    loadBalancerName(s.loadBalancer.provider, s.loadBalancer.scheme),
    ...(release.zone === null ? [] : [`zone ${release.zone}`]),
    endpointText(release.advertised),
    `Service ${release.service}, type LoadBalancer`,
  ];
}

export function buildTopologyDiagram(s: Scenario, findings: Finding[]): string {
  const plan = buildTopologyPlan(s);
  const description = describeTopology(s);
  const chart = new Flowchart("LR", description.title, description.description);
  const lb = s.exposure === "load-balancer";
  const zoned = plan.releases.some((release) => release.zone !== null);
  const failing = failingLocations(findings);
  const blockedAt = blockedLocations(findings);
  const bootstraps: Array<[Location, Endpoint]> = [];
  if (plan.inClusterBootstrap !== null) bootstraps.push(["in-cluster", plan.inClusterBootstrap]);
  if (plan.outsideBootstrap !== null) bootstraps.push(["outside-cluster", plan.outsideBootstrap]);
  const clientsAt = (location: Location) => bootstraps.some(([l]) => l === location);

  // Client nodes, keyed by location; one per zone when zone-aware (index = release index).
  const clientNodes = new Map<Location, string[]>();
  const problemNodes = new Map<Location, string>();
  const clientLines = (location: Location, zone: string | null): string[] => [
    location === "in-cluster"
      ? "Kafka clients in the cluster"
      : "Kafka clients outside the cluster",
    // In-cluster clients sit in their zone's subgraph; outside ones need the zone spelled out.
    ...(zone !== null && location === "outside-cluster" ? [`zone ${zone}`] : []),
    ...(zone === null ? [] : [`client.id ${clientIdFor(s.clientKit.appName, zone)}`]),
  ];
  const addProblem = (scope: Scope, location: Location) => {
    const messages = failing.get(location);
    if (messages === undefined || !clientsAt(location)) return;
    const id = scope.node(messages.map((message) => `${FAILING_MARK} ${message}`));
    chart.addClass("failing", id);
    problemNodes.set(location, id);
  };

  // 1. Outside the cluster, left to right: clients, then the load balancers.
  if (clientsAt("outside-cluster")) {
    const zones = zoned ? plan.releases.map((release) => release.zone) : [null];
    clientNodes.set(
      "outside-cluster",
      zones.map((zone) => chart.node(clientLines("outside-cluster", zone))),
    );
    addProblem(chart, "outside-cluster");
  }
  const entries: string[] = [];
  // Nodes a client may bootstrap from besides the Services/LBs, with their address.
  const bootstrapTargets: Array<{ node: string; endpoint: Endpoint }> = [];
  // The outside clients' cross-zone bootstrap address: the user provides it
  // (a DNS name over every zone's load balancer, open question 5).
  let outsideRegionalNode: string | null = null;
  if (lb) {
    const bootstrap = plan.outsideBootstrap;
    const spansZones =
      zoned &&
      bootstrap !== null &&
      !plan.releases.some((release) => sameEndpoint(release.advertised, bootstrap));
    if (spansZones && bootstrap !== null) {
      outsideRegionalNode = chart.node([
        "Outside bootstrap address (you provide)",
        endpointText(bootstrap),
        "spans every zone's load balancer",
      ]);
      bootstrapTargets.push({ node: outsideRegionalNode, endpoint: bootstrap });
    }
    for (const release of plan.releases) entries.push(chart.node(loadBalancerLines(s, release)));
  }

  // 2. The cluster: in-cluster clients, Services, and each release's brokers (in a StatefulSet
  // subgraph, or directly in their zone subgraph when zone-aware).
  const ns = s.release.namespace;
  const cluster = chart.subgraph([`Kubernetes cluster · namespace ${ns}`]);
  if (zoned && plan.regionalService !== null) {
    // The regional ClusterIP Service: in-cluster clients' bootstrap (domain 2.3, S4),
    // also with per-zone load balancers.
    const regional: Endpoint = {
      host: serviceDnsName(plan.regionalService, ns),
      port: KAFKA_CONTAINER_PORT,
      known: true,
    };
    const regionalNode = cluster.node([
      `Service ${plan.regionalService} (regional)`,
      "ClusterIP across every zone",
      endpointText(regional),
    ]);
    bootstrapTargets.push({ node: regionalNode, endpoint: regional });
  }
  const inClusterClients: string[] = [];
  const releases: ReleaseNodes[] = plan.releases.map((release, index) => {
    const scope = release.zone === null ? cluster : cluster.subgraph([`zone ${release.zone}`]);
    if (clientsAt("in-cluster") && (zoned || index === 0)) {
      inClusterClients.push(scope.node(clientLines("in-cluster", release.zone)));
    }
    if (!lb) entries.push(scope.node(serviceLines(release)));
    const group =
      release.zone === null
        ? scope.subgraph([`StatefulSet ${release.release} · ${plural(release.replicas, "broker")}`])
        : scope;
    const brokers = addBrokers(group, release);
    return { plan: release, entry: entries[index] ?? "", brokerGroup: group.id, brokers };
  });
  if (inClusterClients.length > 0) {
    clientNodes.set("in-cluster", inClusterClients);
    addProblem(cluster, "in-cluster");
  }

  // 3. Object storage and the metadata store (domain 3 overview), for complete values.
  let storageNode: string | null = null;
  let metadataNode: string | null = null;
  if (s.valuesScope === "complete") {
    metadataNode = (isInClusterMetadataStore(s) ? cluster : chart).node(metadataStoreLabel(s));
    storageNode = chart.node(objectStorageLabel(s));
  }

  // 4. Edges: every client's three steps, then how entries reach brokers, then storage.
  for (const [location, bootstrap] of bootstraps) {
    const nodes = clientNodes.get(location) ?? [];
    const fails = failing.has(location);
    const blocked = blockedAt.has(location);
    const breaksAtBootstrap = fails && (blocked || bootstrapFails(location, bootstrap));
    nodes.forEach((client, index) => {
      const target = zoned ? releases[index] : releases[0];
      if (target === undefined) return;
      const bootstrapNode =
        bootstrapTargets.find((b) => sameEndpoint(b.endpoint, bootstrap))?.node ??
        releases.find((r) => sameEndpoint(r.plan.advertised, bootstrap))?.entry ??
        target.entry;
      const mark = (failed: boolean, text: string) => (failed ? `${FAILING_MARK} ${text}` : text);
      const request = chart.edge(client, bootstrapNode, "solid", [
        mark(breaksAtBootstrap, STEP_LABELS.request),
        ...(blocked ? [BLOCKED_LABEL] : []),
      ]);
      const responseTitle =
        target.plan.zone === null
          ? STEP_LABELS.response
          : `${STEP_LABELS.response}, zone ${target.plan.zone} only`;
      chart.edge(bootstrapNode, client, "dotted", [
        responseTitle,
        advertisedList(target.plan.advertised, target.plan.replicas),
      ]);
      const produceFetch = chart.edge(client, target.entry, "solid", [
        mark(fails && !breaksAtBootstrap, STEP_LABELS.produceFetch),
      ]);
      if (fails) {
        chart.addClass("failing", client);
        chart.markEdgeFailing(breaksAtBootstrap ? request : produceFetch);
        const problem = problemNodes.get(location);
        if (problem !== undefined) chart.edge(client, problem, "dotted-line");
      }
    });
  }
  if (outsideRegionalNode !== null) {
    // The outside bootstrap name spans every zone's load balancer. (The regional
    // Service's reach into every zone is said in its label: edges into zone
    // subgraphs make Mermaid's layout tangle them with the clients' edges.)
    for (const release of releases) chart.edge(outsideRegionalNode, release.entry, "dotted");
  }
  for (const release of releases) {
    const style = release.plan.headlessService !== null ? "dotted" : "solid";
    for (const broker of release.brokers) chart.edge(release.entry, broker, style);
  }
  if (storageNode !== null && metadataNode !== null) {
    for (const release of releases) {
      chart.edge(release.brokerGroup, storageNode, "solid", ["data"]);
      chart.edge(release.brokerGroup, metadataNode, "solid", ["metadata"]);
    }
  }
  return chart.render(CLASS_DEFS, FAILING_EDGE_STYLE);
}

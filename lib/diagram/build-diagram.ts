// The topology as a Mermaid flowchart, drawn like the networking guide's
// diagrams (domain 3: S1, S3 and the overview): the Kubernetes cluster as a
// subgraph, clients, the Service or load balancer(s), one node per broker, and
// the three steps every Kafka client takes: ① metadata request to the
// bootstrap address, ② metadata response listing the ADVERTISED addresses,
// ③ produce / fetch to those addresses. Names and addresses come from
// buildTopologyPlan, so the picture says what the values files configure.
//
// Layout (issue 12), read top to bottom: clients, then the Service or load
// balancer they use, then the brokers, then object storage and the metadata
// store. Mermaid's layout puts an edge's `from` above its `to`, so every edge
// is written downwards; ① and ② are one edge with an arrowhead at each end
// (a request and its response), which keeps the layout free of cycles.
// - Zone-aware: the zones side by side in the user's order, each the same
//   shape (its clients, its Service, its brokers); what every zone shares (the
//   regional Service, the outside bootstrap address) sits above them. Zone
//   subgraphs are written last zone first: with the zones identical, Mermaid's
//   layout keeps subgraphs of equal weight in the reverse of the order they
//   are written (an e2e test checks the drawn order for every preset).
// - Load balancers sit outside the cluster subgraph, as in the guide's S3
//   diagram, also the per-zone ones of S5 (each is labelled with its zone).
// - Findings only restyle (failing class, red dashed edge, "✗" label) and add
//   one note node per failing client location; the rest of the structure
//   depends on the scenario alone.
// - Every label line is measured and broken here (wrap.ts): addresses at dots,
//   prose at spaces, never wider than Mermaid's own wrapping would allow.
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
import { FAILING_STROKE } from "./failing-stroke";
import { type ClassDef, Flowchart, type Scope } from "./flowchart";
import {
  advertisedList,
  BLOCKED_LABEL,
  brokerGroups,
  endpointText,
  FAILING_MARK,
  plural,
  STEP_LABELS,
} from "./labels";
import { metadataStoreLabel, objectStorageLabel, isInClusterMetadataStore } from "./stores";
import {
  breakAddress,
  breakAddresses,
  EDGE_LINE_MAX_PX,
  NODE_LINE_MAX_PX,
  wrapWords,
} from "./wrap";

type Location = "in-cluster" | "outside-cluster";

/** Colours readable in both the light and the dark Mermaid theme (dark text on a light red). */
const CLASS_DEFS: ClassDef[] = [
  {
    name: "failing",
    style: `fill:#fde2e1,stroke:${FAILING_STROKE},stroke-width:2px,color:#5c1310`,
  },
];
const FAILING_EDGE_STYLE = `stroke:${FAILING_STROKE},stroke-width:2px,stroke-dasharray:6 4`;

/** Node lines of words (broken at spaces). */
const words = (text: string) => wrapWords(text, NODE_LINE_MAX_PX);

/**
 * The label lines of each release's advertised address, broken alike across
 * zones (wrap.ts): for node labels, and with the broker count for the metadata
 * response.
 */
function advertisedLines(
  releases: readonly ReleasePlan[],
  max: number,
  withCount: boolean,
): string[][] {
  const texts = releases.map((release) =>
    withCount
      ? advertisedList(release.advertised, release.replicas)
      : endpointText(release.advertised),
  );
  if (releases.some((release) => !release.advertised.known)) {
    return texts.map((text) => wrapWords(text, max));
  }
  const zones = releases.flatMap((release) => (release.zone === null ? [] : [release.zone]));
  return breakAddresses(texts, max, max === EDGE_LINE_MAX_PX ? zones : null);
}

/** An address on its own: broken at dots when known, else the placeholder's words. */
function addressLines(endpoint: Endpoint): string[] {
  return endpoint.known
    ? breakAddress(endpointText(endpoint), NODE_LINE_MAX_PX)
    : words(endpointText(endpoint));
}

interface ReleaseNodes {
  plan: ReleasePlan;
  /** The node clients reach this release's brokers through: its Service or load balancer. */
  entry: string;
  /** The Service node the brokers hang off (the load balancer's Service, or the entry itself). */
  service: string;
  /**
   * The subgraph holding the broker nodes: the release's StatefulSet, or when
   * zone-aware the zone itself (its Service or load balancer names the release).
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

/** The chart's Service (or the headless one), with the address every broker advertises. */
function serviceLines(release: ReleasePlan, advertised: string[]): string[] {
  if (release.headlessService !== null) {
    return [
      ...words(`Service ${release.headlessService}`),
      "headless: DNS answers",
      "with pod IPs",
      ...advertised,
    ];
  }
  return [...words(`Service ${release.service}`), "ClusterIP", ...advertised];
}

/**
 * The cloud load balancer, outside the cluster: its kind, zone and address. The
 * Service of type LoadBalancer behind it is its own node in the cluster.
 */
function loadBalancerLines(s: Scenario, release: ReleasePlan, advertised: string[]): string[] {
  const name = LB_SHORT_NAMES[s.loadBalancer.provider];
  return [
    ...words(name),
    `(${s.loadBalancer.scheme})`,
    ...(release.zone === null ? [] : [`zone ${release.zone}`]),
    ...advertised,
  ];
}

/** Provider names as label lines (labels.ts has the one-line form the text alternative uses). */
const LB_SHORT_NAMES: Record<Scenario["loadBalancer"]["provider"], string> = {
  aws: "AWS Network Load Balancer",
  gcp: "Google Cloud load balancer",
  azure: "Azure Load Balancer",
  other: "Load balancer",
};

/** ① and ②: the request and the advertised addresses the response lists. */
function bootstrapLabel(response: string[], failed: boolean, blocked: boolean): string[] {
  return [
    `${failed ? `${FAILING_MARK} ` : ""}${STEP_LABELS.request}`,
    // A NetworkPolicy or the source ranges drop the first packet: say so on the edge.
    ...(blocked ? [BLOCKED_LABEL] : []),
    `${STEP_LABELS.response}:`,
    ...response,
  ];
}

export function buildTopologyDiagram(s: Scenario, findings: Finding[]): string {
  const plan = buildTopologyPlan(s);
  const description = describeTopology(s);
  const chart = new Flowchart("TB", description.title, description.description);
  const lb = s.exposure === "load-balancer";
  const zoned = plan.releases.some((release) => release.zone !== null);
  const failing = failingLocations(findings);
  const blockedAt = blockedLocations(findings);
  const bootstraps: Array<[Location, Endpoint]> = [];
  if (plan.inClusterBootstrap !== null) bootstraps.push(["in-cluster", plan.inClusterBootstrap]);
  if (plan.outsideBootstrap !== null) bootstraps.push(["outside-cluster", plan.outsideBootstrap]);
  const clientsAt = (location: Location) => bootstraps.some(([l]) => l === location);
  const ns = s.release.namespace;
  const regional: Endpoint | null =
    zoned && plan.regionalService !== null
      ? { host: serviceDnsName(plan.regionalService, ns), port: KAFKA_CONTAINER_PORT, known: true }
      : null;

  // Client nodes, keyed by location; one per zone when zone-aware (index = release index).
  const clientNodes = new Map<Location, string[]>();
  const problemNodes = new Map<Location, string>();
  const nodeAddresses = advertisedLines(plan.releases, NODE_LINE_MAX_PX, false);
  const responses = advertisedLines(plan.releases, EDGE_LINE_MAX_PX, true);
  const clientLines = (location: Location, zone: string | null): string[] => [
    "Kafka clients",
    location === "in-cluster" ? "in the cluster" : "outside the cluster",
    // In-cluster clients sit in their zone's subgraph; outside ones need the zone spelled out.
    ...(zone !== null && location === "outside-cluster" ? [`zone ${zone}`] : []),
    ...(zone === null ? [] : ["client.id", ...words(clientIdFor(s.clientKit.appName, zone))]),
  ];
  const addProblem = (scope: Scope, location: Location) => {
    const messages = failing.get(location);
    if (messages === undefined || !clientsAt(location)) return;
    const id = scope.node(messages.flatMap((message) => words(`${FAILING_MARK} ${message}`)));
    chart.addClass("failing", id);
    problemNodes.set(location, id);
  };
  // Nodes a client may bootstrap from besides the Services/LBs, with their address.
  const bootstrapTargets: Array<{ node: string; endpoint: Endpoint }> = [];

  // 1. Above everything, when zone-aware: the outside clients' bootstrap address
  // when no zone's own load balancer answers it (a DNS name over every zone's
  // load balancer, which the user provides, open question 5).
  const outsideBootstrap = plan.outsideBootstrap;
  if (
    zoned &&
    lb &&
    outsideBootstrap !== null &&
    !plan.releases.some((release) => sameEndpoint(release.advertised, outsideBootstrap))
  ) {
    const node = chart.node([
      "Outside bootstrap address",
      "(you provide)",
      ...addressLines(outsideBootstrap),
      "over every zone's",
      "load balancer",
    ]);
    bootstrapTargets.push({ node, endpoint: outsideBootstrap });
  }

  // 2. Outside the cluster, top to bottom: clients, then the load balancers.
  if (clientsAt("outside-cluster")) {
    const zones = zoned ? plan.releases.map((release) => release.zone) : [null];
    clientNodes.set(
      "outside-cluster",
      zones.map((zone) => chart.node(clientLines("outside-cluster", zone))),
    );
    addProblem(chart, "outside-cluster");
  }
  const entries: string[] = [];
  if (lb) {
    plan.releases.forEach((release, index) => {
      entries.push(chart.node(loadBalancerLines(s, release, nodeAddresses[index] ?? [])));
    });
  }

  // 3. The cluster: the regional Service over every zone, then per release its
  // in-cluster clients, Service and brokers (in a StatefulSet subgraph, or
  // directly in their zone subgraph when zone-aware).
  const cluster = chart.subgraph([`Kubernetes cluster · namespace ${ns}`]);
  if (regional !== null && plan.regionalService !== null) {
    // The regional ClusterIP Service: in-cluster clients' bootstrap (domain 2.3, S4),
    // also with per-zone load balancers.
    const node = cluster.node([
      ...words(`Service ${plan.regionalService}`),
      "(regional) ClusterIP",
      "over every zone",
      ...addressLines(regional),
    ]);
    bootstrapTargets.push({ node, endpoint: regional });
  }
  const zoneScopes = new Map<number, Scope & { id: string }>();
  // Written last zone first (see the top of this file); indexes keep the user's order.
  for (let index = plan.releases.length - 1; zoned && index >= 0; index -= 1) {
    zoneScopes.set(index, cluster.subgraph([`zone ${plan.releases[index]?.zone ?? ""}`]));
  }
  const inClusterClients: string[] = [];
  const releases: ReleaseNodes[] = [];
  // Nodes are created zone by zone in the user's order, inside subgraphs written in reverse.
  plan.releases.forEach((release, index) => {
    const scope = zoneScopes.get(index) ?? cluster;
    if (clientsAt("in-cluster") && (zoned || index === 0)) {
      inClusterClients.push(scope.node(clientLines("in-cluster", release.zone)));
    }
    // Behind a load balancer, its Service of type LoadBalancer (also a node at the
    // top of the cluster subgraph: a subgraph there would collide with its title).
    const service = lb
      ? scope.node([...words(`Service ${release.service}`), "type LoadBalancer"])
      : scope.node(serviceLines(release, nodeAddresses[index] ?? []));
    if (!lb) entries.push(service);
    const group =
      release.zone === null
        ? scope.subgraph([`StatefulSet ${release.release} · ${plural(release.replicas, "broker")}`])
        : scope;
    const brokers = addBrokers(group, release);
    releases.push({
      plan: release,
      entry: entries[index] ?? "",
      service,
      brokerGroup: group.id,
      brokers,
    });
  });
  if (inClusterClients.length > 0) {
    clientNodes.set("in-cluster", inClusterClients);
    addProblem(cluster, "in-cluster");
  }

  // 4. Object storage and the metadata store (domain 3 overview), for complete values.
  let storageNode: string | null = null;
  let metadataNode: string | null = null;
  if (s.valuesScope === "complete") {
    metadataNode = (isInClusterMetadataStore(s) ? cluster : chart).node(
      metadataStoreLabel(s).flatMap(words),
    );
    storageNode = chart.node(objectStorageLabel(s).flatMap(words));
  }

  // 5. Edges: every client's steps, then how entries reach brokers, then storage.
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
      const label = bootstrapLabel(responses[zoned ? index : 0] ?? [], breaksAtBootstrap, blocked);
      // Clients in the cluster behind a load balancer outside it are drawn below
      // it, next to the brokers (the cluster subgraph cannot hold rows above and
      // below the load balancer); their produce / fetch edge then points both
      // ways, since an edge can only be laid out downwards.
      const belowEntry = location === "in-cluster" && lb;
      // Downwards: a shared bootstrap node above the zones, else the client above its Service.
      const bootstrapAbove = belowEntry || bootstrapTargets.some((b) => b.node === bootstrapNode);
      const exchange = bootstrapAbove
        ? chart.edge(bootstrapNode, client, "dotted-both", label)
        : chart.edge(client, bootstrapNode, "dotted-both", label);
      const produceLabel = [
        `${fails && !breaksAtBootstrap ? `${FAILING_MARK} ` : ""}${STEP_LABELS.produceFetch}`,
      ];
      const produceFetch = belowEntry
        ? chart.edge(target.entry, client, "solid-both", produceLabel)
        : chart.edge(client, target.entry, "solid", produceLabel);
      if (fails) {
        chart.addClass("failing", client);
        chart.markEdgeFailing(breaksAtBootstrap ? exchange : produceFetch);
        const problem = problemNodes.get(location);
        if (problem !== undefined) chart.edge(client, problem, "dotted-line");
      }
    });
  }
  for (const release of releases) {
    if (release.service !== release.entry) chart.edge(release.entry, release.service, "solid");
    const style = release.plan.headlessService !== null ? "dotted" : "solid";
    for (const broker of release.brokers) chart.edge(release.service, broker, style);
  }
  if (storageNode !== null && metadataNode !== null) {
    for (const release of releases) {
      chart.edge(release.brokerGroup, storageNode, "solid");
      chart.edge(release.brokerGroup, metadataNode, "solid");
    }
  }
  return chart.render(CLASS_DEFS, FAILING_EDGE_STYLE);
}

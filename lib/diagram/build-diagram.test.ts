import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { ScenarioSchema, type Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildTopologyDiagram } from "./build-diagram";
import { checkTopology } from "../check/check-topology";
import {
  BLOCKED_LABEL,
  BROKER_COLLAPSE_THRESHOLD,
  FAILING_MARK,
  STEP_LABELS,
  endpointText,
} from "./labels";
import { type ReadFlowchart, readFlowchart } from "./read-flowchart";
import { EDGE_LINE_MAX_PX, NODE_LINE_MAX_PX, textWidth } from "./wrap";
import { readGolden } from "./test-golden";
import {
  ALL_FIXTURES,
  EXTRA_FIXTURES,
  OUTSIDE_CLUSTER_IP_FINDING,
  PRESET_FIXTURES,
  errorFinding,
} from "./test-fixtures";

/** How many brokers the broker nodes stand for ("broker 4" = 1, "… brokers 3–11 (9 more)" = 9). */
function brokersDrawn(chart: ReadFlowchart): number {
  let total = 0;
  for (const node of chart.nodes) {
    const label = node.lines.join(" ");
    const range = /^… brokers (\d+)–(\d+) \(\d+ more\)$/.exec(label);
    if (range) total += Number(range[2]) - Number(range[1]) + 1;
    else if (/^broker \d+$/.test(label)) total += 1;
  }
  return total;
}

function nodesStartingWith(chart: ReadFlowchart, prefix: string) {
  return chart.nodes.filter((node) => node.lines.join(" ").startsWith(prefix));
}

/**
 * A label as one string: lines broken at spaces rejoin with " ", addresses
 * broken at dots with "" (lib/diagram/wrap.ts), so both are tried.
 */
function labelHas(lines: readonly string[], text: string): boolean {
  return (
    lines.join(" ").includes(text) ||
    lines.join("").includes(text) ||
    joinLabel(lines).includes(text)
  );
}

/** Label lines back to the text: a line starting with "." continues an address. */
function joinLabel(lines: readonly string[]): string {
  return lines.reduce(
    (text, line, i) => (i === 0 ? line : line.startsWith(".") ? text + line : `${text} ${line}`),
    "",
  );
}

/** The other end of an edge from `node`, whichever way it is written. */
function otherEnd(chart: ReadFlowchart, edge: ReadFlowchart["edges"][number], ids: Set<string>) {
  const other = ids.has(edge.from) ? edge.to : edge.from;
  return chart.nodes.find((n) => n.id === other);
}

function edgesLabelled(chart: ReadFlowchart, first: string) {
  return chart.edges.filter((edge) =>
    edge.lines[0]?.replace(`${FAILING_MARK} `, "").startsWith(first),
  );
}

describe("buildTopologyDiagram golden files", () => {
  it("covers every preset", () => {
    expect(PRESET_FIXTURES.length).toBeGreaterThanOrEqual(6);
  });
  for (const fixture of ALL_FIXTURES) {
    it(`${fixture.name}.mmd`, () => {
      expect(ScenarioSchema.safeParse(fixture.scenario).success).toBe(true);
      const text = buildTopologyDiagram(fixture.scenario, fixture.findings);
      const golden = readGolden(`${fixture.name}.mmd`, text);
      expect(
        golden,
        `missing golden file; run UPDATE_GOLDEN=1 npx vitest run lib/diagram`,
      ).not.toBeNull();
      expect(text).toBe(golden);
    });
  }
});

describe("buildTopologyDiagram structure", () => {
  for (const fixture of ALL_FIXTURES) {
    describe(fixture.name, () => {
      const s = fixture.scenario;
      const plan = buildTopologyPlan(s);
      const text = buildTopologyDiagram(s, fixture.findings);
      const chart = readFlowchart(text);
      const zones = s.zones.enabled ? s.zones.names : [];

      it("is well formed and deterministic", () => {
        expect(chart.unknown).toEqual([]);
        expect(buildTopologyDiagram(s, fixture.findings)).toBe(text);
        const ids = [...chart.nodes, ...chart.subgraphs].map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const edge of chart.edges) {
          expect(ids).toContain(edge.from);
          expect(ids).toContain(edge.to);
        }
      });

      it("has a broker node for every broker, grouped per release (StatefulSet, or zone)", () => {
        expect(brokersDrawn(chart)).toBe(plan.releases.reduce((sum, r) => sum + r.replicas, 0));
        const groups = plan.releases.map((release) =>
          chart.subgraphs.find((g) =>
            release.zone === null
              ? g.lines[0] ===
                `StatefulSet ${release.release} · ${release.replicas} broker${release.replicas === 1 ? "" : "s"}`
              : g.lines[0] === `zone ${release.zone}`,
          ),
        );
        plan.releases.forEach((release, i) => {
          const shown = release.replicas > BROKER_COLLAPSE_THRESHOLD ? 4 : release.replicas;
          const brokers = chart.nodes.filter(
            (n) =>
              n.parents.at(-1) === groups[i]?.id && /^(broker|… brokers) /.test(n.lines[0] ?? ""),
          );
          expect(brokers).toHaveLength(shown);
        });
      });

      it("has the cluster subgraph with the namespace, and one subgraph per zone inside it", () => {
        const cluster = chart.subgraphs.filter((g) => g.lines[0]?.startsWith("Kubernetes cluster"));
        expect(cluster).toHaveLength(1);
        expect(cluster[0]?.lines[0]).toContain(`namespace ${s.release.namespace}`);
        const zoneGraphs = chart.subgraphs.filter((g) => g.lines[0]?.startsWith("zone "));
        // Written last zone first, so that Mermaid draws them in the user's order
        // (build-diagram.ts; e2e/diagram-labels.spec.ts checks the drawn order).
        expect(zoneGraphs.map((g) => g.lines[0])).toEqual(zones.map((z) => `zone ${z}`).reverse());
        for (const g of zoneGraphs) expect(g.parents).toEqual([cluster[0]?.id]);
      });

      it("has a node per Service or load balancer, with its real address", () => {
        const lb = s.exposure === "load-balancer";
        const regional = (n: ReadFlowchart["nodes"][number]) => labelHas(n.lines, "(regional)");
        const services = nodesStartingWith(chart, "Service ").filter((n) => !regional(n));
        expect(services).toHaveLength(plan.releases.length);
        const entries = lb
          ? chart.nodes.filter((n) => /^(AWS|Google|Azure|Load balancer)/.test(n.lines[0] ?? ""))
          : services;
        expect(entries).toHaveLength(plan.releases.length);
        plan.releases.forEach((release) => {
          // Zones' nodes are written in reverse (build-diagram.ts): find each by its content.
          const address = endpointText(release.advertised);
          const entry = entries.find(
            (n) =>
              labelHas(n.lines, address) &&
              (!lb || release.zone === null || n.lines.includes(`zone ${release.zone}`)),
          );
          expect(entry, address).toBeDefined();
          if (lb) {
            // Load balancers stay outside the cluster subgraph (the guide's S3 diagram);
            // the Service of type LoadBalancer behind each is in it.
            expect(entry?.parents).toEqual([]);
            const service = `Service ${release.service} type LoadBalancer`;
            expect(services.some((n) => n.lines.join(" ") === service)).toBe(true);
          }
        });
        expect(nodesStartingWith(chart, "Service ").filter(regional)).toHaveLength(
          plan.regionalService !== null ? 1 : 0,
        );
      });

      it("labels every metadata request and response with the advertised addresses the client gets", () => {
        // ① and ② are one edge (build-diagram.ts): the request, then the response's addresses.
        const exchanges = edgesLabelled(chart, STEP_LABELS.request);
        const locations = [plan.inClusterBootstrap, plan.outsideBootstrap].filter(
          (b) => b !== null,
        ).length;
        expect(exchanges).toHaveLength(locations * plan.releases.length);
        exchanges.forEach((edge, i) => {
          const release = plan.releases[i % plan.releases.length];
          expect(edge.lines[1]).toBe(`${STEP_LABELS.response}:`);
          expect(
            labelHas(
              edge.lines.slice(2),
              `${endpointText(release!.advertised)} ×${release!.replicas}`,
            ),
          ).toBe(true);
          expect(edge.arrow).toBe("<-.->");
        });
        expect(edgesLabelled(chart, STEP_LABELS.produceFetch)).toHaveLength(exchanges.length);
      });

      it("keeps every label line within Mermaid's wrapping width, and addresses whole", () => {
        for (const node of chart.nodes) {
          for (const line of node.lines) {
            // A word too long for a line (a long Service name) stays whole; Mermaid's
            // own wrapping width is far above it (mermaid-config.ts), so it never wraps.
            const oneWord = !line.includes(" ") && !line.slice(1).includes(".");
            if (!oneWord) expect(textWidth(line), line).toBeLessThanOrEqual(NODE_LINE_MAX_PX);
            if (fixture.name !== "escaping-finding-message")
              expect(textWidth(line), line).toBeLessThan(600);
          }
        }
        for (const edge of chart.edges) {
          for (const line of edge.lines)
            expect(textWidth(line), line).toBeLessThanOrEqual(EDGE_LINE_MAX_PX);
        }
      });

      it("draws zone clients with their zone= client.id", () => {
        const clients = nodesStartingWith(chart, "Kafka clients");
        for (const zone of zones) {
          expect(
            clients.filter((c) => c.lines.some((l) => l.endsWith(`zone=${zone}`))).length,
          ).toBeGreaterThan(0);
        }
      });

      it("shows object storage and the metadata store only for complete values", () => {
        const complete = s.valuesScope === "complete";
        expect(nodesStartingWith(chart, "Object storage")).toHaveLength(complete ? 1 : 0);
        expect(nodesStartingWith(chart, "Metadata store")).toHaveLength(complete ? 1 : 0);
        const storage = nodesStartingWith(chart, "Object storage")[0];
        expect(chart.edges.filter((e) => e.to === storage?.id)).toHaveLength(
          complete ? plan.releases.length : 0,
        );
      });
    });
  }
});

describe("buildTopologyDiagram bootstrap targets with per-zone load balancers", () => {
  const fixture = EXTRA_FIXTURES.find(
    (f) => f.name === "zones-lb-regional-and-outside-bootstrap-both",
  );
  const chart = readFlowchart(buildTopologyDiagram(fixture!.scenario, []));
  const target = (clientPrefix: string) => {
    const clients = new Set(nodesStartingWith(chart, clientPrefix).map((n) => n.id));
    const requests = edgesLabelled(chart, STEP_LABELS.request).filter(
      (e) => clients.has(e.from) || clients.has(e.to),
    );
    return [
      ...new Set(requests.map((e) => otherEnd(chart, e, clients)?.lines.slice(0, 2).join(" "))),
    ];
  };

  it("in-cluster clients ask the regional ClusterIP Service", () => {
    expect(target("Kafka clients in the cluster")).toEqual([
      "Service bufstream (regional) ClusterIP",
    ]);
  });

  it("outside clients ask the bootstrap address the user provides", () => {
    expect(target("Kafka clients outside the cluster")).toEqual([
      "Outside bootstrap address (you provide)",
    ]);
  });

  it("per-zone load balancers with only outside clients draw no regional Service", () => {
    const s = { ...fixture!.scenario, clients: "outside-cluster" as const };
    const outsideOnly = readFlowchart(buildTopologyDiagram(s, []));
    expect(outsideOnly.nodes.filter((n) => labelHas(n.lines, "(regional)"))).toEqual([]);
  });
});

describe("buildTopologyDiagram failing edges", () => {
  const outside: Scenario = { ...DEFAULT_SCENARIO, clients: "outside-cluster" };

  it("marks the outside client's metadata request when it cannot resolve the in-cluster name", () => {
    const chart = readFlowchart(buildTopologyDiagram(outside, [OUTSIDE_CLUSTER_IP_FINDING]));
    const request = edgesLabelled(chart, STEP_LABELS.request);
    expect(request).toHaveLength(1);
    expect(request[0]?.lines[0]).toBe(`${FAILING_MARK} ${STEP_LABELS.request}`);
    expect(chart.failingEdges).toEqual([request[0]?.index]);
    const client = nodesStartingWith(chart, "Kafka clients outside")[0];
    const problem = chart.nodes.find(
      (n) => joinLabel(n.lines) === `${FAILING_MARK} ${OUTSIDE_CLUSTER_IP_FINDING.message}`,
    );
    expect(chart.classes.get("failing")).toEqual(expect.arrayContaining([client?.id, problem?.id]));
    expect(chart.classDefs).toEqual(["failing"]);
    expect(chart.edges.some((e) => e.from === client?.id && e.to === problem?.id)).toBe(true);
  });

  it("a client group a NetworkPolicy blocks breaks at its bootstrap, in the failing style, saying so (issue 16)", () => {
    // The in-cluster client's address works (a ClusterIP name), so without the
    // policy the failure would be drawn at produce/fetch; blocked, it is the request.
    const blocked = checkTopology(
      ScenarioSchema.parse({
        ...DEFAULT_SCENARIO,
        access: {
          ...DEFAULT_SCENARIO.access,
          networkPolicy: true,
          clientGroups: [{ namespace: "analytics", namespaceLabels: "", podLabels: "" }],
          kafkaFrom: "listed",
          kafkaPeers: [{ namespace: "orders", namespaceLabels: "", podLabels: "" }],
        },
      }),
    );
    expect(blocked.map((f) => f.id)).toContain("policy-blocks-client-namespace");
    const chart = readFlowchart(buildTopologyDiagram(DEFAULT_SCENARIO, blocked));
    const request = edgesLabelled(chart, STEP_LABELS.request);
    expect(request).toHaveLength(1);
    expect(request[0]?.lines.slice(0, 3)).toEqual([
      `${FAILING_MARK} ${STEP_LABELS.request}`,
      BLOCKED_LABEL,
      `${STEP_LABELS.response}:`,
    ]);
    expect(chart.failingEdges).toEqual([request[0]?.index]);
    const client = nodesStartingWith(chart, "Kafka clients in the cluster")[0];
    expect(chart.classes.get("failing")).toEqual(expect.arrayContaining([client?.id]));
    // Allowed clients keep the plain, unmarked flow.
    const allowed = readFlowchart(buildTopologyDiagram(DEFAULT_SCENARIO, []));
    const plain = edgesLabelled(allowed, STEP_LABELS.request)[0]?.lines ?? [];
    expect(plain[0]).toBe(STEP_LABELS.request);
    expect(plain).not.toContain(BLOCKED_LABEL);
  });

  it("draws the same structure without findings, and no failure styling", () => {
    const failing = readFlowchart(buildTopologyDiagram(outside, [OUTSIDE_CLUSTER_IP_FINDING]));
    const clean = readFlowchart(buildTopologyDiagram(outside, []));
    expect(clean.failingEdges).toEqual([]);
    expect(clean.classes.size).toBe(0);
    expect(clean.classDefs).toEqual([]);
    // Only the note node and its link are added.
    expect(failing.nodes.length - clean.nodes.length).toBe(1);
    expect(failing.edges.length - clean.edges.length).toBe(1);
  });

  it("ignores warnings and findings for clients the scenario does not have", () => {
    const warning = { ...OUTSIDE_CLUSTER_IP_FINDING, severity: "warning" as const };
    const inCluster = errorFinding("x", "in-cluster problem", ["in-cluster"]);
    expect(buildTopologyDiagram(outside, [warning, inCluster])).toBe(
      buildTopologyDiagram(outside, []),
    );
  });

  it("marks produce / fetch when the bootstrap works but the advertised address does not", () => {
    const fixture = EXTRA_FIXTURES.find((f) => f.name === "failing-lb-placeholder-advertised");
    const chart = readFlowchart(buildTopologyDiagram(fixture!.scenario, fixture!.findings));
    const produce = edgesLabelled(chart, STEP_LABELS.produceFetch);
    expect(produce).toHaveLength(2);
    expect(chart.failingEdges).toEqual(produce.map((e) => e.index));
    for (const edge of produce) expect(edge.lines[0]?.startsWith(FAILING_MARK)).toBe(true);
    for (const edge of edgesLabelled(chart, STEP_LABELS.request)) {
      expect(edge.lines[0]?.startsWith(FAILING_MARK)).toBe(false);
    }
  });

  it("marks both locations for a finding about both", () => {
    const both: Scenario = { ...DEFAULT_SCENARIO, clients: "both" };
    const chart = readFlowchart(
      buildTopologyDiagram(both, [errorFinding("y", "broken", ["both"])]),
    );
    expect(chart.failingEdges).toHaveLength(2);
    expect(nodesStartingWith(chart, FAILING_MARK)).toHaveLength(2);
  });
});

describe("buildTopologyDiagram escaping", () => {
  it("escapes finding messages and never lets them change the structure", () => {
    const nasty =
      'x"]\nend\nclick n1 call alert(1) %%{init: {"securityLevel":"loose"}}%% <img src=x onerror=alert(1)> #quot; ;';
    const outside: Scenario = { ...DEFAULT_SCENARIO, clients: "outside-cluster" };
    const text = buildTopologyDiagram(outside, [errorFinding("z", nasty, ["outside-cluster"])]);
    const chart = readFlowchart(text);
    expect(chart.unknown).toEqual([]);
    expect(text).not.toContain("<img");
    expect(text).not.toContain("%%");
    expect(text.split("\n").filter((l) => l.trim().startsWith("click"))).toEqual([]);
    expect(chart.nodes.find((n) => n.lines[0]?.startsWith(FAILING_MARK))?.lines.join(" ")).toBe(
      `${FAILING_MARK} ${nasty}`,
    );
  });
});

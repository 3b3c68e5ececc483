// Whatever strings a scenario carries (the form validates them, but a diagram
// must not depend on that), the flowchart keeps the structure the scenario's
// shape gives it: same subgraphs, nodes and edges, every line a statement the
// writer emits, every label inside the safe alphabet.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../check/types";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import {
  CLIENT_LOCATIONS,
  EXPOSURES,
  LB_HOST_SOURCES,
  LB_PROVIDERS,
  LB_SCHEMES,
  type Scenario,
  VALUES_SCOPES,
} from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildTopologyDiagram } from "./build-diagram";
import { describeTopology } from "./describe";
import { readFlowchart } from "./read-flowchart";

const anyText = fc.string({ unit: "binary", maxLength: 24 });

const shape = fc.record({
  clients: fc.constantFrom(...CLIENT_LOCATIONS),
  exposure: fc.constantFrom(...EXPOSURES),
  provider: fc.constantFrom(...LB_PROVIDERS),
  scheme: fc.constantFrom(...LB_SCHEMES),
  hostSource: fc.constantFrom(...LB_HOST_SOURCES),
  valuesScope: fc.constantFrom(...VALUES_SCOPES),
  zonesEnabled: fc.boolean(),
  zoneCount: fc.integer({ min: 1, max: 6 }),
  replicas: fc.integer({ min: 1, max: 100 }),
  replicasPerZone: fc.integer({ min: 1, max: 50 }),
  failing: fc.subarray(["in-cluster", "outside-cluster", "both"] as const),
});

const texts = fc.record({
  name: anyText,
  namespace: anyText,
  host: anyText,
  bootstrapHost: anyText,
  zones: fc.array(anyText, { minLength: 6, maxLength: 6 }),
  zoneHosts: fc.array(anyText, { minLength: 6, maxLength: 6 }),
  appName: anyText,
  bucket: anyText,
  message: anyText,
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;
type Texts = typeof texts extends fc.Arbitrary<infer T> ? T : never;

function build(sh: Shape, t: Texts): { scenario: Scenario; findings: Finding[] } {
  const zones = t.zones.slice(0, sh.zoneCount);
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    release: { ...DEFAULT_SCENARIO.release, name: t.name, namespace: t.namespace },
    clients: sh.clients,
    exposure: sh.exposure,
    loadBalancer: {
      ...DEFAULT_SCENARIO.loadBalancer,
      provider: sh.provider,
      scheme: sh.scheme,
      host: t.host,
      hostSource: sh.hostSource,
    },
    zones: {
      enabled: sh.zonesEnabled,
      names: zones,
      replicasPerZone: sh.replicasPerZone,
      hosts: Object.fromEntries(zones.map((z, i) => [z, t.zoneHosts[i] ?? ""])),
      bootstrapHost: t.bootstrapHost,
    },
    replicas: sh.replicas,
    valuesScope: sh.valuesScope,
    storage: { ...DEFAULT_SCENARIO.storage, bucket: t.bucket },
    clientKit: { appName: t.appName },
  };
  const findings: Finding[] = sh.failing.map((client) => ({
    id: "x",
    severity: "error",
    message: t.message,
    why: "",
    fix: "",
    fields: [],
    clients: [client],
  }));
  return { scenario, findings };
}

/** The same texts' equalities (same string → same name, "" stays ""), with plain words. */
function plainTexts(t: Texts): Texts {
  const names = new Map<string, string>();
  const plain = (s: string) => {
    if (s === "") return "";
    if (!names.has(s)) names.set(s, `v${names.size}`);
    return names.get(s) ?? "";
  };
  return {
    name: plain(t.name),
    namespace: plain(t.namespace),
    host: plain(t.host),
    bootstrapHost: plain(t.bootstrapHost),
    zones: t.zones.map(plain),
    zoneHosts: t.zoneHosts.map(plain),
    appName: plain(t.appName),
    bucket: plain(t.bucket),
    message: plain(t.message),
  };
}

describe("buildTopologyDiagram with any strings", () => {
  it("keeps the structure of the scenario's shape and only safe labels", () => {
    fc.assert(
      fc.property(shape, texts, (sh, t) => {
        const wild = build(sh, t);
        const tame = build(sh, plainTexts(t));
        const chart = readFlowchart(buildTopologyDiagram(wild.scenario, wild.findings));
        const reference = readFlowchart(buildTopologyDiagram(tame.scenario, tame.findings));
        expect(chart.unknown).toEqual([]);
        expect(chart.subgraphs.map((g) => g.parents.length)).toEqual(
          reference.subgraphs.map((g) => g.parents.length),
        );
        expect(chart.nodes.map((n) => n.parents.length)).toEqual(
          reference.nodes.map((n) => n.parents.length),
        );
        expect(chart.edges.map((e) => `${e.from}${e.arrow}${e.to}`)).toEqual(
          reference.edges.map((e) => `${e.from}${e.arrow}${e.to}`),
        );
        // A subgraph per zone, a StatefulSet or zone group per release.
        const releases = buildTopologyPlan(wild.scenario).releases;
        const zoneGraphs = chart.subgraphs.filter(
          (g) => g.parents.length === 1 && g.lines[0]?.startsWith("zone "),
        );
        expect(zoneGraphs).toHaveLength(releases.filter((r) => r.zone !== null).length);
        // The text alternative has a row per Service or load balancer.
        expect(describeTopology(wild.scenario).rows.length).toBeGreaterThanOrEqual(releases.length);
      }),
      { numRuns: 300 },
    );
  });
});

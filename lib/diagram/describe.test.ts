import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { findPreset } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan, serviceDnsName } from "../topology/plan";
import { buildTopologyDiagram } from "./build-diagram";
import { ALL_ZONES, describeTopology } from "./describe";
import { endpointText } from "./labels";
import { ALL_FIXTURES } from "./test-fixtures";

function preset(id: string): Scenario {
  const found = findPreset(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found.scenario;
}

describe("describeTopology", () => {
  it("describes the default: the ClusterIP Service and what clients are handed", () => {
    const s = DEFAULT_SCENARIO;
    const address = `${serviceDnsName("bufstream", "bufstream")}:9092`;
    const d = describeTopology(s);
    expect(d.title).toBe("Clients in the cluster through the ClusterIP Service, 3 brokers");
    expect(d.rows).toEqual([
      { kind: "ClusterIP Service", name: "bufstream", service: "bufstream", address, zone: "" },
    ]);
    expect(d.description).toContain(`bootstrap from ${address} and are handed ${address} ×3`);
  });

  it("lists the regional Service and one Service per zone, with zones", () => {
    const s = preset("zone-aware-eks-in-cluster");
    const plan = buildTopologyPlan(s);
    const d = describeTopology(s);
    expect(d.rows[0]).toMatchObject({
      kind: "Regional Service (ClusterIP, in-cluster bootstrap)",
      name: "bufstream",
      zone: ALL_ZONES,
    });
    expect(d.rows.slice(1)).toEqual(
      plan.releases.map((r) => ({
        kind: "ClusterIP Service",
        name: r.service,
        service: r.service,
        address: endpointText(r.advertised),
        zone: r.zone,
      })),
    );
    for (const r of plan.releases) {
      expect(d.description).toContain(
        `zone=${r.zone}) gets ${endpointText(r.advertised)} ×${r.replicas}`,
      );
    }
    expect(d.title).toContain(
      `${plan.releases.length} zones with ${s.zones.replicasPerZone} brokers each`,
    );
  });

  it("lists per-zone load balancers and the regional bootstrap address", () => {
    const s = preset("zone-aware-per-zone-nlbs");
    const plan = buildTopologyPlan(s);
    const d = describeTopology(s);
    expect(d.rows[0]).toMatchObject({
      kind: "Outside bootstrap address (you create it)",
      address: `${s.zones.bootstrapHost}:${s.loadBalancer.port}`,
      zone: ALL_ZONES,
    });
    expect(d.rows.slice(1).map((r) => [r.kind, r.address, r.zone])).toEqual(
      plan.releases.map((r) => [
        "AWS Network Load Balancer (internal)",
        endpointText(r.advertised),
        r.zone,
      ]),
    );
    // Only outside clients: no regional ClusterIP Service is written (plan.regionalService null).
    expect(d.rows.map((r) => r.kind)).not.toContain(
      "Regional Service (ClusterIP, in-cluster bootstrap)",
    );
  });

  it("per-zone load balancers with in-cluster clients list both bootstraps, said plainly", () => {
    const s = { ...preset("zone-aware-per-zone-nlbs"), clients: "both" as const };
    const d = describeTopology(s);
    expect(d.rows.slice(0, 2).map((r) => [r.kind, r.name, r.address])).toEqual([
      [
        "Regional Service (ClusterIP, in-cluster bootstrap)",
        "bufstream",
        "bufstream.bufstream.svc.cluster.local:9092",
      ],
      [
        "Outside bootstrap address (you create it)",
        "DNS name over every zone's load balancer",
        `${s.zones.bootstrapHost}:9092`,
      ],
    ]);
    expect(d.description).toContain(
      "Kafka clients in the cluster bootstrap from bufstream.bufstream.svc.cluster.local:9092",
    );
  });

  it("names the headless Service and the load balancer's provider and scheme", () => {
    expect(describeTopology(preset("headless-in-cluster")).rows.map((r) => r.kind)).toEqual([
      "Headless Service",
    ]);
    const gke = describeTopology(preset("gke-internal-lb"));
    expect(gke.title).toContain("Google Cloud load balancer (internal)");
  });

  it("says when the load balancer's address is known only after install", () => {
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, hostSource: "after-install" },
    };
    const d = describeTopology(s);
    expect(d.description).toContain("exists only after install");
    expect(d.rows[0]?.address).toBe("load balancer address (after install), port 9092");
  });

  it("is the diagram's accessible title and description, for every fixture", () => {
    for (const fixture of ALL_FIXTURES) {
      const d = describeTopology(fixture.scenario);
      const text = buildTopologyDiagram(fixture.scenario, fixture.findings);
      expect(text).toContain(`accTitle: ${d.title}\n`);
      expect(text).toContain(`accDescr: ${d.description}\n`);
      expect(d.rows.length).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { FINDING } from "../check/finding-ids";
import { SINGLE_LB, ZONAL_LB, scenario, type ScenarioPatch } from "../check/test-scenarios";
import type { Scenario } from "../scenario/schema";
import { buildClientViews, caseVariant, clientIdFor } from "./client-views";

const viewsOf = (s: Scenario) => buildClientViews(s, checkTopology(s));
const IN_CLUSTER_HOST = "bufstream.bufstream.svc.cluster.local";

describe("caseVariant", () => {
  it("varies the letter case per entry as Bufstream's metadata does", () => {
    expect([0, 1, 2].map((i) => caseVariant(IN_CLUSTER_HOST, i))).toEqual([
      "bufstream.bufstream.svc.cluster.local",
      "Bufstream.bufstream.svc.cluster.local",
      "bUfstream.bufstream.svc.cluster.local",
    ]);
  });

  it("gives every broker of a large release a distinct spelling of the same name", () => {
    const variants = Array.from({ length: 50 }, (_, i) => caseVariant(IN_CLUSTER_HOST, i));
    expect(new Set(variants).size).toBe(50);
    expect(new Set(variants.map((v) => v.toLowerCase()))).toEqual(new Set([IN_CLUSTER_HOST]));
  });
});

describe("clientIdFor", () => {
  it.each([
    ["my-app", "us-east-1a", "my-app,zone=us-east-1a"],
    ["my-app", null, "my-app"],
    ["", "eastus2-1", "zone=eastus2-1"],
    ["", null, ""],
  ] as const)("%s + %s -> %s", (app, zone, id) => {
    expect(clientIdFor(app, zone)).toBe(id);
  });
});

describe("buildClientViews", () => {
  it("shows in-cluster clients the case-varied Service name for each broker", () => {
    const [view, ...rest] = viewsOf(scenario());
    expect(rest).toEqual([]);
    expect(view?.id).toBe("in-cluster");
    expect(view?.bootstrapVerdict.address).toBe(`${IN_CLUSTER_HOST}:9092`);
    expect(view?.brokers.map((b) => b.address)).toEqual([
      `${IN_CLUSTER_HOST}:9092`,
      `B${IN_CLUSTER_HOST.slice(1)}:9092`,
      `bU${IN_CLUSTER_HOST.slice(2)}:9092`,
    ]);
    expect(view?.connects).toBe(true);
    expect(view?.landsIn).toContain("Any broker");
  });

  it.each([
    [
      "outside clients with ClusterIP",
      { clients: "outside-cluster" },
      FINDING.outsideClientsClusterIp,
    ],
    [
      "outside clients with headless",
      { clients: "outside-cluster", exposure: "headless" },
      FINDING.outsideClientsHeadless,
    ],
    [
      "a placeholder load-balancer host",
      [SINGLE_LB, { loadBalancer: { host: "lb.example.com" } }],
      FINDING.lbHostPlaceholder,
    ],
    [
      "an in-cluster load-balancer host",
      [SINGLE_LB, { loadBalancer: { host: `${IN_CLUSTER_HOST}` } }],
      FINDING.lbHostInClusterName,
    ],
    [
      "a host that is not the static IP",
      // GKE/AKS give the load balancer the static IP; AWS ignores it (tested below).
      [SINGLE_LB, { loadBalancer: { provider: "gcp", host: "10.1.1.1", staticIp: "10.1.1.2" } }],
      FINDING.lbHostNotStaticIp,
    ],
    [
      "an address read after install",
      [SINGLE_LB, { loadBalancer: { host: "", hostSource: "after-install" } }],
      FINDING.lbHostAfterInstall,
    ],
  ] as Array<[string, ScenarioPatch | ScenarioPatch[], string]>)(
    "marks %s as not connecting, with the finding",
    (_, patch, findingId) => {
      const s = scenario(...(Array.isArray(patch) ? patch : [patch]));
      const outside = viewsOf(s).find((v) => v.location === "outside-cluster");
      expect(outside?.connects).toBe(false);
      expect(outside?.brokers.length).toBe(3);
      for (const verdict of outside?.brokers ?? []) {
        expect(verdict.findingId).toBe(findingId);
        expect(verdict.reachable).toBe(false);
      }
    },
  );

  it("lets in-cluster clients connect while outside clients fail (clients in both places, ClusterIP)", () => {
    const views = viewsOf(scenario({ clients: "both" }));
    expect(views.map((v) => [v.id, v.connects])).toEqual([
      ["in-cluster", true],
      ["outside-cluster", false],
    ]);
    expect(views[1]?.bootstrapVerdict.findingId).toBe(FINDING.mixedClientsClusterIp);
  });

  it("gives each zone's clients only their zone's brokers, and zone-less clients every zone", () => {
    const views = viewsOf(scenario(ZONAL_LB));
    expect(views.map((v) => v.id)).toEqual([
      "outside-cluster-us-east-1a",
      "outside-cluster-us-east-1b",
      "outside-cluster-us-east-1c",
      "outside-cluster-no-zone",
    ]);
    const [a, , , noZone] = views;
    expect(a?.clientId).toBe("my-app,zone=us-east-1a");
    expect(a?.bootstrapVerdict.address).toBe("kafka.internal.acme.io:9092");
    expect(a?.brokers.map((b) => b.address)).toEqual([
      "kafka-a.internal.acme.io:9092",
      "kafka-a.internal.acme.io:9092",
    ]);
    expect(a?.landsIn).toContain("us-east-1a");
    expect(noZone?.clientId).toBe("my-app");
    expect(noZone?.brokers).toHaveLength(6);
    expect(noZone?.landsIn).toContain("zoneBalanceStrategy");
    expect(views.every((v) => v.connects)).toBe(true);
  });

  it("hands in-cluster zonal clients their zone's Service name, case-varied, after the regional bootstrap", () => {
    const s = scenario({ zones: { enabled: true, names: ["us-east-1a", "us-east-1b"] } });
    const [a] = viewsOf(s);
    expect(a?.bootstrap.host).toBe(IN_CLUSTER_HOST);
    expect(a?.brokers.map((b) => b.address)).toEqual([
      "bufstream-us-east-1a.bufstream.svc.cluster.local:9092",
      "Bufstream-us-east-1a.bufstream.svc.cluster.local:9092",
    ]);
  });

  it("per-zone load balancers: in-cluster clients bootstrap from the regional Service, outside ones from the bootstrap host", () => {
    const views = viewsOf(scenario(ZONAL_LB, { clients: "both" }));
    const inside = views.filter((v) => v.location === "in-cluster");
    const outside = views.filter((v) => v.location === "outside-cluster");
    expect(inside.map((v) => v.bootstrapVerdict.address)).toEqual(
      inside.map(() => `${IN_CLUSTER_HOST}:9092`),
    );
    expect(outside.map((v) => v.bootstrapVerdict.address)).toEqual(
      outside.map(() => "kafka.internal.acme.io:9092"),
    );
    // Then each zone's clients are handed their zone's load balancer.
    expect(inside[0]?.brokers.map((b) => b.address)).toEqual([
      "kafka-a.internal.acme.io:9092",
      "kafka-a.internal.acme.io:9092",
    ]);
    expect(views.every((v) => v.connects)).toBe(true);
  });

  it.each([
    ["aws", true],
    ["gcp", false],
  ] as const)("a host IP other than the static IP on %s connects: %s", (provider, connects) => {
    const s = scenario(SINGLE_LB, {
      loadBalancer: { provider, host: "10.0.0.7", staticIp: "10.0.0.8" },
    });
    expect(viewsOf(s).every((v) => v.connects)).toBe(connects);
  });

  it("warns that a shared zone host may land clients in another zone", () => {
    const s = scenario(ZONAL_LB, {
      zones: {
        hosts: {
          "us-east-1a": "kafka-a.internal.acme.io",
          "us-east-1b": "kafka-a.internal.acme.io",
          "us-east-1c": "kafka-c.internal.acme.io",
        },
      },
    });
    const views = viewsOf(s);
    expect(views[0]?.landsIn).toContain("shared with another zone");
    expect(views[2]?.landsIn).not.toContain("shared");
  });

  it("points every failing address at a finding the check reported", () => {
    const patches: ScenarioPatch[][] = [
      [{ clients: "both" }],
      [{ clients: "both", exposure: "headless" }],
      [
        ZONAL_LB,
        { clients: "both", loadBalancer: { hostSource: "after-install" }, zones: { hosts: {} } },
      ],
      [SINGLE_LB, { clients: "both", loadBalancer: { host: "localhost" } }],
    ];
    for (const patch of patches) {
      const s = scenario(...patch);
      const ids = new Set(checkTopology(s).map((f) => f.id));
      for (const view of viewsOf(s)) {
        for (const verdict of [view.bootstrapVerdict, ...view.brokers]) {
          if (verdict.resolves && verdict.reachable) expect(verdict.findingId).toBeNull();
          else expect(ids.has(verdict.findingId ?? "")).toBe(true);
        }
      }
    }
  });
});

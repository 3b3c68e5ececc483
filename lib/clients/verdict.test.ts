import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { scenario } from "../check/test-scenarios";
import { PRESETS, findPreset } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { buildVerdict } from "./verdict";

const verdictOf = (s: Scenario) => buildVerdict(s, checkTopology(s));

describe("buildVerdict", () => {
  it("says in words that in-cluster clients connect, and through which address", () => {
    const v = verdictOf(scenario());
    expect(v.status).toBe("connects");
    expect(v.headline).toBe("All clients will connect");
    expect(v.detail).toBe("In-cluster clients via bufstream.bufstream.svc.cluster.local:9092.");
  });

  it("names both kinds of client when they use the same address", () => {
    const s = scenario({
      clients: "both",
      exposure: "load-balancer",
      loadBalancer: { host: "kafka.prod.acme-corp.net" },
    });
    expect(verdictOf(s).detail).toBe(
      "In-cluster and outside clients via kafka.prod.acme-corp.net:9092.",
    );
  });

  it("says each kind's route when they differ (zone-aware, outside through per-zone balancers)", () => {
    const preset = findPreset("zone-aware-per-zone-nlbs");
    if (!preset) throw new Error("preset missing");
    const s = scenario({ ...preset.scenario, clients: "both" });
    const v = verdictOf(s);
    expect(v.status).toBe("connects");
    expect(v.detail).toBe(
      "In-cluster clients via bufstream.bufstream.svc.cluster.local:9092, then each to its own zone's brokers (with zone= in client.id); outside clients via bufstream.kafka.internal:9092, then each to its own zone's brokers (with zone= in client.id).",
    );
  });

  it("says who will not connect and why, as plainly", () => {
    const v = verdictOf(scenario({ clients: "outside-cluster" }));
    expect(v.status).toBe("fails");
    expect(v.headline).toBe("Will not work as configured");
    expect(v.detail).toBe("Outside clients will not connect.");
    expect(v.reasons).toEqual([
      "Clients outside the cluster will be handed bufstream.bufstream.svc.cluster.local, which does not resolve outside the cluster.",
    ]);
  });

  it("fails on an error that breaks the install even when every address works", () => {
    const v = verdictOf(scenario({ release: { name: `b${"x".repeat(52)}` } }));
    expect(v.status).toBe("fails");
    expect(v.detail).toBe("A problem breaks the install.");
    expect(v.reasons[0]).toMatch(/StatefulSet name/);
  });

  it("connects after install when only the load balancer's address is still unknown", () => {
    const preset = findPreset("aws-nlb-internet-facing");
    if (!preset) throw new Error("preset missing");
    const v = verdictOf(preset.scenario);
    expect(v.status).toBe("after-install");
    expect(v.detail).toBe(
      "Outside clients via the load balancer's address, which install.sh reads after install.",
    );
  });

  it("gives every preset a passing verdict", () => {
    for (const preset of PRESETS) {
      expect(verdictOf(preset.scenario).status, preset.id).not.toBe("fails");
    }
  });
});

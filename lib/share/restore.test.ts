import { describe, expect, it } from "vitest";

import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { ScenarioSchema } from "../scenario/schema";
import { migrateDocument } from "./migrations";
import { restoreScenario } from "./restore";

const clone = () => structuredClone(DEFAULT_SCENARIO);

describe("restoreScenario", () => {
  it("returns a valid scenario unchanged, without notes", () => {
    expect(restoreScenario(clone())).toEqual({ ok: true, scenario: DEFAULT_SCENARIO, notes: [] });
  });

  it("fills every missing field from the defaults, object by object", () => {
    const result = restoreScenario({
      version: 1,
      replicas: 6,
      loadBalancer: { provider: "gcp" },
      zones: { hosts: { "us-east-1a": "a.example.com" } },
    });
    expect(result.ok).toBe(true);
    expect(result.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      replicas: 6,
      loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, provider: "gcp" },
      zones: { ...DEFAULT_SCENARIO.zones, hosts: { "us-east-1a": "a.example.com" } },
    });
  });

  it("reads a document without a version as the current version, with a note", () => {
    const result = restoreScenario({ cluster: "prod" });
    expect(result).toEqual({
      ok: true,
      scenario: { ...DEFAULT_SCENARIO, cluster: "prod" },
      notes: ["version: No version given; read as version 1."],
    });
  });

  it("drops a value of the wrong type to its default, with a note", () => {
    const result = restoreScenario({
      version: 1,
      replicas: "9",
      zones: [],
      tls: { enabled: "yes" },
    });
    expect(result.ok).toBe(true);
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
    expect(result.notes).toEqual([
      'zones: Expected an object, found a list; used the default ({"enabled":false,"names":[],"replicasPerZone":2,"hosts":{},"bootstrapHost":""}).',
      "replicas: Expected a number, found text; used the default (3).",
      "tls.enabled: Expected true/false, found text; used the default (false).",
    ]);
  });

  it("in strict mode, makes wrong types and unknown fields problems", () => {
    const result = restoreScenario(
      { version: 1, replica: 6, replicas: "6", $schema: "x" },
      { strict: true },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: "replicas", message: "Expected a number, found text." },
      { path: "replica", message: "Not a scenario field." },
    ]);
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it("names every invalid field and keeps every valid one", () => {
    const result = restoreScenario({
      version: 1,
      release: { name: "Bad Name!", namespace: "team-a" },
      replicas: 0,
      cluster: "prod",
      clients: "everywhere",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(["release.name", "clients", "replicas"]);
    expect(result.problems.every((p) => p.message.length > 0)).toBe(true);
    expect(result.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      release: { ...DEFAULT_SCENARIO.release, namespace: "team-a" },
      cluster: "prod",
    });
  });

  it("keeps fields that need each other when only a cross-field rule fails", () => {
    // Zones enabled with names, but the load balancer hosts are missing for one zone.
    const result = restoreScenario({
      version: 1,
      exposure: "load-balancer",
      clients: "outside-cluster",
      loadBalancer: { host: "kafka.example.com" },
      zones: { enabled: true, names: ["a", "b"], hosts: { a: "a.example.com" } },
      replicas: 7,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: "zones.hosts.b",
        message: "Enter the address of zone b's load balancer, or choose to read it after install.",
      },
    ]);
    expect(ScenarioSchema.safeParse(result.scenario).success).toBe(true);
    expect(result.scenario.replicas).toBe(7);
    expect(result.scenario.clients).toBe("outside-cluster");
    expect(result.scenario.loadBalancer.host).toBe("kafka.example.com");
  });

  it("refuses a document from a newer wizard and keeps none of it", () => {
    const result = restoreScenario({ version: 2, replicas: 9 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toMatch(
      /made by a newer version of the wizard/,
    );
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it("reports a version that is not a whole number", () => {
    const result = restoreScenario({ version: "1", replicas: 5 });
    expect(!result.ok && result.problems[0]?.path).toBe("version");
    expect(result.scenario.replicas).toBe(5);
  });

  it("returns defaults and one problem for anything that is not an object", () => {
    for (const raw of [null, undefined, 3, "x", [], true, () => 1, new Date(0)]) {
      const result = restoreScenario(raw);
      expect(result.ok).toBe(false);
      expect(result.scenario).toEqual(DEFAULT_SCENARIO);
      expect(!result.ok && result.problems).toHaveLength(1);
    }
  });

  it("is safe from prototype pollution", () => {
    const raw = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' +
        '"zones":{"hosts":{"__proto__":{"polluted":1},"a":"a.example.com"},"__proto__":{"x":1}}}',
    ) as unknown;
    const result = restoreScenario(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.scenario.zones.hosts)).toBe(Object.prototype);
    expect(Object.keys(result.scenario.zones.hosts)).toEqual(["a"]);
  });

  it("never hands out DEFAULT_SCENARIO itself (callers may mutate the result)", () => {
    const result = restoreScenario(null);
    expect(result.scenario).not.toBe(DEFAULT_SCENARIO);
    expect(result.scenario.zones.names).not.toBe(DEFAULT_SCENARIO.zones.names);
  });
});

describe("migrateDocument", () => {
  it("runs each step from the document's version up to the target", () => {
    const migrations = {
      1: (doc: Record<string, unknown>) => ({ ...doc, renamed: doc.old }),
      2: (doc: Record<string, unknown>) => ({ ...doc, added: true }),
    };
    expect(migrateDocument({ version: 1, old: "x" }, 1, 3, migrations)).toEqual({
      ok: true,
      doc: { version: 3, old: "x", renamed: "x", added: true },
      notes: [
        "Upgraded the scenario from version 1 to 2.",
        "Upgraded the scenario from version 2 to 3.",
      ],
    });
  });

  it("fails when a step is missing", () => {
    expect(migrateDocument({}, 0, 1).ok).toBe(false);
  });
});

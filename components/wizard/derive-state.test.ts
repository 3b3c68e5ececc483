import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fieldId } from "@/components/ui/field-ids";
import type { Finding } from "@/lib/check/types";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { PRESETS } from "@/lib/scenario/presets";
import type { Scenario } from "@/lib/scenario/schema";
import { describeField } from "./field-labels";
import { indexFindings } from "./findings-context";
import { deriveScenarioState } from "./use-scenario-form";
import { indexProblems } from "./validation-context";
import { createValueStore } from "./value-store";

const keyOf = (s: unknown) => JSON.stringify(s);

function withLoadBalancer(patch: Partial<Scenario["loadBalancer"]>): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    clients: "outside-cluster",
    exposure: "load-balancer",
    loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, ...patch },
  };
}

describe("deriveScenarioState", () => {
  it("passes the defaults through as a valid scenario", () => {
    const state = deriveScenarioState(keyOf(DEFAULT_SCENARIO));
    expect(state.scenario).toEqual(DEFAULT_SCENARIO);
    expect(state.problems).toEqual([]);
  });

  it("files a cross-field problem under the field that is wrong", () => {
    const state = deriveScenarioState(keyOf(withLoadBalancer({ host: "" })));
    expect(state.scenario).toBeNull();
    expect(state.findings).toEqual([]);
    expect(state.problems.map((p) => p.path)).toEqual(["loadBalancer.host"]);
  });

  it("reports an empty number box (NaN, null once serialized) on its field", () => {
    const state = deriveScenarioState(keyOf({ ...DEFAULT_SCENARIO, replicas: Number.NaN }));
    expect(state.scenario).toBeNull();
    expect(state.problems.map((p) => p.path)).toEqual(["replicas"]);
  });

  it("runs the topology check on a valid scenario", () => {
    const outsideOnClusterIp: Scenario = { ...DEFAULT_SCENARIO, clients: "outside-cluster" };
    const state = deriveScenarioState(keyOf(outsideOnClusterIp));
    expect(state.scenario).not.toBeNull();
    expect(state.findings.some((f) => f.severity === "error")).toBe(true);
  });

  it("accepts every preset", () => {
    for (const preset of PRESETS) {
      expect(deriveScenarioState(keyOf(preset.scenario)).problems, preset.id).toEqual([]);
    }
  });
});

describe("indexes", () => {
  it("keeps the first problem per field", () => {
    const index = indexProblems([
      { path: "release.name", message: "first" },
      { path: "release.name", message: "second" },
      { path: "cluster", message: "other" },
    ]);
    expect(index.byField.get("release.name")).toBe("first");
    expect(index.byField.get("cluster")).toBe("other");
    expect(index.issues).toHaveLength(3);
  });

  it("files a finding under each of its fields", () => {
    const finding: Finding = {
      id: "x",
      severity: "warning",
      message: "m",
      why: "w",
      fix: "f",
      fields: ["exposure", "loadBalancer.host"],
      clients: ["outside-cluster"],
    };
    const index = indexFindings([finding]);
    expect(index.byField.get("exposure")).toEqual([finding]);
    expect(index.byField.get("loadBalancer.host")).toEqual([finding]);
    expect(index.byField.get("clients")).toBeUndefined();
  });

  it("keeps a field's list when its findings are unchanged, so only changed fields re-render", () => {
    const about = (field: string, message: string): Finding => ({
      id: `${field}-${message}`,
      severity: "warning",
      message,
      why: "w",
      fix: "f",
      fields: [field],
      clients: [],
    });
    const before = indexFindings([about("replicas", "3 brokers"), about("exposure", "e")]);
    // As the wizard gets them at every edit: new objects, parsed from JSON.
    const after = indexFindings(
      JSON.parse(
        JSON.stringify([about("replicas", "4 brokers"), about("exposure", "e")]),
      ) as Finding[],
      before,
    );
    expect(after.byField.get("exposure")).toBe(before.byField.get("exposure"));
    expect(after.byField.get("replicas")).not.toBe(before.byField.get("replicas"));
    expect(after.byField.get("replicas")?.[0]?.message).toBe("4 brokers");
    expect(indexFindings([], after).byField.size).toBe(0);
  });
});

describe("describeField", () => {
  it("names known fields, zone entries and falls back to the path in words", () => {
    expect(describeField("loadBalancer.host")).toBe("Load balancer host");
    expect(describeField("zones.names.0")).toBe("Zone 1 name");
    expect(describeField("zones.hosts.us-east-1a")).toBe("Load balancer host for zone us-east-1a");
    expect(describeField("storage.secretName")).toBe("Storage secret name");
    expect(describeField("clientKit.someday")).toBe("Client kit › someday");
  });

  // Problem lists and "Go to" links name fields as the form does: a field the
  // list had no name for read "Identity › aws role arn" beside "IAM role ARN".
  it("names every question of the form, by its label (less “(optional)”) or a longer one", () => {
    const steps = path.join(__dirname, "steps");
    const files = readdirSync(steps, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".tsx"),
    );
    const fields: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(steps, file), "utf8");
      for (const element of source.matchAll(/<\w+\s([^>]*?)\/?>/gs)) {
        const name = /\bname="([\w.]+)"/.exec(element[1] ?? "")?.[1];
        const label = /\b(?:label|legend)="([^"]+)"/.exec(element[1] ?? "")?.[1];
        if (name === undefined || label === undefined) continue;
        fields.push(name);
        const shown = label.replace(/ \([^)]*\)$/, "");
        const named = describeField(name);
        expect(named, name).not.toContain("›");
        const [a, b] = [named.toLowerCase(), shown.toLowerCase()];
        expect(a.includes(b) || b.includes(a), `${name}: "${named}" for "${label}"`).toBe(true);
      }
    }
    expect(fields.length).toBeGreaterThan(60);
  });
});

describe("fieldId", () => {
  it("gives distinct, selector-safe ids for distinct paths", () => {
    const paths = ["zones.names.0", "zones.names.1", "zones.hosts.us-east-1a", "release.name"];
    const ids = paths.map(fieldId);
    expect(new Set(ids).size).toBe(paths.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][\w-]*$/);
  });
});

describe("createValueStore", () => {
  it("notifies subscribers of changes only", () => {
    const store = createValueStore(1);
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get()));
    store.set(1);
    store.set(2);
    unsubscribe();
    store.set(3);
    expect(seen).toEqual([2]);
    expect(store.get()).toBe(3);
  });
});

describe("problems", () => {
  it("lists one problem per field", () => {
    const emptyZone: Scenario = {
      ...DEFAULT_SCENARIO,
      zones: { ...DEFAULT_SCENARIO.zones, enabled: true, names: [""] },
    };
    const state = deriveScenarioState(keyOf(emptyZone));
    expect(state.problems.map((p) => p.path)).toEqual(["zones.names.0"]);
  });
});

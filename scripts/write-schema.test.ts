import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import {
  CORE_REQUIRED,
  SCHEMA_ID,
  buildScenarioJsonSchema,
  renderScenarioJsonSchema,
  writeScenarioJsonSchema,
} from "./write-schema";

type Node = {
  type?: string;
  properties?: Record<string, Node>;
  required?: string[];
  default?: unknown;
};

/** Every object path in a value, with its keys. */
function objectShapes(value: unknown, at = "", into = new Map<string, string[]>()) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    into.set(at, Object.keys(value).sort());
    for (const [key, child] of Object.entries(value)) {
      objectShapes(child, at === "" ? key : `${at}.${key}`, into);
    }
  }
  return into;
}

/** Every object path in a JSON Schema reached through `properties`, with its property names. */
function schemaShapes(node: Node, at = "", into = new Map<string, string[]>()) {
  if (node.properties !== undefined) {
    into.set(
      at,
      Object.keys(node.properties)
        .filter((key) => key !== "$schema")
        .sort(),
    );
    for (const [key, child] of Object.entries(node.properties)) {
      schemaShapes(child, at === "" ? key : `${at}.${key}`, into);
    }
  }
  return into;
}

function nodeAt(root: Node, at: string): Node | undefined {
  return at === ""
    ? root
    : at.split(".").reduce<Node | undefined>((n, key) => n?.properties?.[key], root);
}

describe("scenario.schema.json", () => {
  const schema = buildScenarioJsonSchema() as Node & Record<string, unknown>;

  it("names itself and its dialect", () => {
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toEqual(expect.any(String));
  });

  it("describes exactly the objects and keys of DEFAULT_SCENARIO (records excepted)", () => {
    const fromDefaults = objectShapes(DEFAULT_SCENARIO);
    // zones.hosts is a map (zone -> host), whose keys the user chooses.
    fromDefaults.delete("zones.hosts");
    expect(schemaShapes(schema)).toEqual(fromDefaults);
  });

  it("requires only the core version-1 fields", () => {
    for (const at of schemaShapes(schema).keys()) {
      expect(nodeAt(schema, at)?.required ?? []).toEqual(CORE_REQUIRED[at] ?? []);
    }
    expect(schema.required).toEqual([
      "version",
      "release",
      "cluster",
      "clients",
      "exposure",
      "loadBalancer",
      "zones",
      "replicas",
    ]);
  });

  it("gives every optional field its default from DEFAULT_SCENARIO", () => {
    for (const [at, keys] of schemaShapes(schema)) {
      const defaults = (
        at === ""
          ? DEFAULT_SCENARIO
          : at
              .split(".")
              .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], DEFAULT_SCENARIO)
      ) as Record<string, unknown>;
      for (const key of keys) {
        const child = nodeAt(schema, at === "" ? key : `${at}.${key}`)!;
        if ((CORE_REQUIRED[at] ?? []).includes(key)) expect(child.default).toBeUndefined();
        else expect(child.default).toEqual(defaults[key]);
      }
    }
    expect(nodeAt(schema, "loadBalancer.hostSource")?.default).toBe("known");
    expect(nodeAt(schema, "tls")?.default).toEqual(DEFAULT_SCENARIO.tls);
  });

  it("is stable: the same text every time, and what the script writes", () => {
    const text = renderScenarioJsonSchema();
    expect(renderScenarioJsonSchema()).toBe(text);
    const dir = mkdtempSync(path.join(os.tmpdir(), "schema-"));
    try {
      const file = path.join(dir, "public", "scenario.schema.json");
      writeScenarioJsonSchema(file);
      expect(readFileSync(file, "utf8")).toBe(text);
      expect(JSON.parse(text)).toEqual(schema);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

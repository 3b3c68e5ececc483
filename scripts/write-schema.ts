// Writes public/scenario.schema.json, the JSON Schema of the scenario document
// (DESIGN.md section 4), from the zod schema, the single source of truth.
// Runs before `next build` (`npm run schema`). Editors can validate a scenario
// file against it (`"$schema": "<site>/scenario.schema.json"`).
//
// Only the core version-1 fields are `required`; every other field is optional
// and carries its DEFAULT_SCENARIO value as `default`, because the decoder fills
// those in (lib/share/restore.ts). Cross-field rules (superRefine) and custom
// checks (host names, IPs) cannot be expressed in JSON Schema and are not here.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as z from "zod/mini";

import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { ScenarioSchema } from "../lib/scenario/schema";

export const SCHEMA_ID = "urn:bufstream-wizard:scenario:v1";

/** The core fields of version 1 (DESIGN.md section 4), by object path. */
export const CORE_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  "": ["version", "release", "cluster", "clients", "exposure", "loadBalancer", "zones", "replicas"],
  release: ["name", "namespace", "chart", "chartVersion"],
  loadBalancer: ["provider", "scheme", "host", "port", "staticIp"],
  zones: ["enabled", "names", "replicasPerZone", "hosts"],
};

type JsonSchemaNode = {
  type?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  default?: unknown;
  [key: string]: unknown;
};

/** Rewrites `required` and adds `default` on every object reached through `properties`. */
function applyContract(node: JsonSchemaNode, defaults: unknown, at: string): void {
  if (node.properties === undefined) return;
  const required = CORE_REQUIRED[at] ?? [];
  const values = defaults as Record<string, unknown>;
  for (const [key, child] of Object.entries(node.properties)) {
    const childPath = at === "" ? key : `${at}.${key}`;
    if (!required.includes(key)) child.default = values[key];
    applyContract(child, values[key], childPath);
  }
  if (required.length > 0) node.required = [...required];
  else delete node.required;
}

export function buildScenarioJsonSchema(): Record<string, unknown> {
  // io "input": the document as written by people and links, before defaults.
  const generated = z.toJSONSchema(ScenarioSchema, { io: "input" }) as JsonSchemaNode;
  applyContract(generated, DEFAULT_SCENARIO, "");
  const { $schema, properties, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: "bufstream-wizard scenario",
    description:
      "One Bufstream-on-Kubernetes networking scenario: what the wizard's form edits, what a share link carries and what `npm run render -- --scenario` reads. Fields other than the core ones are optional; missing ones take their `default`.",
    ...rest,
    properties: {
      $schema: { type: "string", description: "Optional: this schema's location, for editors." },
      ...properties,
    },
  };
}

export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}

export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "public",
  "scenario.schema.json",
);

/** Writes the file through a temporary name, so a reader never sees half of it. */
export function writeScenarioJsonSchema(file: string = SCHEMA_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, renderScenarioJsonSchema());
  renameSync(temp, file);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeScenarioJsonSchema();
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}

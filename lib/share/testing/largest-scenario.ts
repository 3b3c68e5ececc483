// Test support: the largest scenario the schema accepts, as far as a share link
// is concerned (issue 17). Every string field holds the longest value it takes,
// in the costliest text it takes (three UTF-8 bytes per character, drawn at
// random so DEFLATE cannot shrink it), every list is full and every zone has a
// host. The link caps in lib/share/limits.ts must leave room for its link.
// Field lengths are read off the schema, so a new field is filled too.
import type * as z from "zod/mini";

import { MAX_LABEL } from "../../scenario/names";
import {
  MAX_CIDRS,
  MAX_LABELS_TEXT,
  MAX_PEERS,
  MAX_ZONES,
  ScenarioSchema,
  type Scenario,
} from "../../scenario/schema";
import { findPreset } from "../../scenario/presets";
import { concretePath, stringFields, withText } from "./string-fields";

/** A small seeded generator (lib/ has no Math.random): the same scenario on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Def {
  type: string;
  checks?: ReadonlyArray<{ _zod: { def: { check: string; maximum?: number } } }>;
  options?: readonly z.ZodMiniType[];
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
}

function schemaAt(path: readonly string[]): z.ZodMiniType {
  let at: z.ZodMiniType = ScenarioSchema;
  for (const key of path) {
    const def = at._zod.def as unknown as Def;
    const next =
      def.type === "object" ? def.shape?.[key] : def.type === "array" ? def.element : def.valueType;
    if (next === undefined) throw new Error(`no schema at ${path.join(".")}`);
    at = next;
  }
  return at;
}

/** The longest a string field takes (its max_length check; for `"" | x`, x's). */
function maxLength(schema: z.ZodMiniType): number | undefined {
  const def = schema._zod.def as unknown as Def;
  if (def.type === "union") {
    const lengths = (def.options ?? []).map(maxLength).filter((n) => n !== undefined);
    return lengths.length > 0 ? Math.max(...lengths) : undefined;
  }
  const max = (def.checks ?? []).find((check) => check._zod.def.check === "max_length");
  return max?._zod.def.maximum;
}

export function largestScenario(): Scenario {
  const random = seeded(17);
  const pick = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  /** CJK ideographs: three bytes each in UTF-8, and random, so incompressible. */
  const wide = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000)));
  const alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
  const label = (n: number) => `${pick("abcdefghijklmnopqrstuvwxyz", 1)}${pick(alnum, n - 1)}`;
  const dnsName = (n: number) => {
    const labels: string[] = [];
    let left = n;
    while (left > 1) {
      const size = Math.min(63, left - (labels.length === 0 ? 0 : 1));
      if (size < 1) break;
      labels.push(label(size));
      left -= size + (labels.length === 1 ? 0 : 1);
    }
    return labels.join(".");
  };

  const preset = findPreset("zone-aware-per-zone-nlbs");
  if (preset === undefined) throw new Error("preset zone-aware-per-zone-nlbs is missing");
  let doc = structuredClone(preset.scenario) as Scenario;
  // Full lists first: six zones (names short enough for `<release>-<zone>`), nine etcd endpoints.
  const names = Array.from({ length: MAX_ZONES }, () => label(20));
  doc.zones.names = names;
  doc.zones.hosts = Object.fromEntries(names.map((zone) => [zone, dnsName(253)]));
  doc.zones.bootstrapHost = dnsName(253);
  doc.loadBalancer.host = dnsName(253);
  doc.metadata.etcd.addresses = Array.from({ length: 9 }, (_, i) => ({
    host: dnsName(253),
    port: 2379 + i,
  }));

  // Issue 16's lists, full, with labels at their longest (ASCII: label syntax allows nothing else).
  const labels = (n: number) => {
    const pairs: string[] = [];
    let text = "";
    for (let i = 0; ; i += 1) {
      const pair = `${label(12)}${i}=${label(12)}`;
      const next = text === "" ? pair : `${text},${pair}`;
      if (next.length > n) break;
      text = next;
      pairs.push(pair);
    }
    return text;
  };
  const group = () => ({
    namespace: label(MAX_LABEL),
    namespaceLabels: labels(MAX_LABELS_TEXT),
    podLabels: labels(MAX_LABELS_TEXT),
  });
  const groups = () => Array.from({ length: MAX_PEERS }, group);
  const cidrs = () =>
    Array.from({ length: MAX_CIDRS }, (_, i) => `2600:1f18:${(i + 1).toString(16)}::/48`);
  doc.access = {
    ...doc.access,
    networkPolicy: true,
    kafkaFrom: "listed",
    clientGroups: groups(),
    kafkaPeers: groups(),
    adminPeers: groups(),
    outsideClientCidrs: cidrs(),
    loadBalancerSourceRanges: cidrs(),
    lbTrafficCidrs: cidrs(),
    metadataCidrs: cidrs(),
    httpsCidrs: cidrs(),
  };
  doc.monitoring = {
    prometheusOperator: "service-monitor",
    monitorLabels: labels(MAX_LABELS_TEXT),
    prometheusNamespace: label(MAX_LABEL),
  };

  // Then each string field at its longest, in the costliest text it accepts.
  for (const field of stringFields()) {
    if (field.kind !== "text" || field.path.includes("[]") || field.path.includes("{}")) continue;
    const max = maxLength(schemaAt(field.path));
    if (max === undefined) continue;
    for (const candidate of [wide(max).join(""), dnsName(max), label(Math.min(max, 63))]) {
      const trial = withText(doc, field, candidate).doc as unknown as Scenario;
      if (ScenarioSchema.safeParse(trial).success) {
        doc = trial;
        break;
      }
    }
  }
  concretePath(doc, ["zones", "hosts", "{}"]);
  return ScenarioSchema.parse(doc);
}

// Which Helm releases a set of values files describes (domain 2.3, 8.1).
//
// One release: every file layered in the order given, as `helm upgrade -f a -f b`
// does (later files win key by key, maps merge deeply, lists are replaced whole).
// Zone-aware (Bufstream's zonal guides): one release per zone, each layering the
// shared file(s) and then that zone's own file(s). A file belongs to a zone when
// it sets `zone`, or, like the GCP guide's zone files which omit `zone`, when it
// pins its brokers to one zone with node affinity.
import { ZONE_TOPOLOGY_KEY } from "../topology/plan";
import { mergeValues } from "../platform/merge";
import { isPlainObject, type HelmValues } from "../values/merge";
import { getPath, getString } from "./paths";
import type { ValuesDocument } from "./parse-values";

/** The label older clusters used for zones; still seen in long-lived values files. */
const LEGACY_ZONE_KEY = "failure-domain.beta.kubernetes.io/zone";

export interface ValuesRelease {
  /** The zone of a zonal release; null for the only release of a layout without zones. */
  zone: string | null;
  /** How the zone was learnt: the `zone` key, or the node affinity alone. */
  zoneFrom: "zone-key" | "affinity" | null;
  /** Shared documents, then this zone's, in Helm's order. */
  layers: readonly ValuesDocument[];
  /** The zone's own documents (empty for a release without zones). */
  own: readonly ValuesDocument[];
  /** Every layer merged: what Helm renders this release with. */
  values: HelmValues;
  /** The zone's own documents merged (empty for a release without zones). */
  ownValues: HelmValues;
}

export interface ValuesLayout {
  /** Documents every release layers first (all of them when there are no zones). */
  shared: readonly ValuesDocument[];
  sharedValues: HelmValues;
  releases: readonly ValuesRelease[];
  zoneAware: boolean;
}

/** Helm's layering of user values files (helm/helm pkg/cli/values mergeMaps). */
export function layerValues(documents: readonly ValuesDocument[]): HelmValues {
  return documents.reduce<HelmValues>((acc, doc) => mergeValues(acc, doc.values), {});
}

/** The single zone a node affinity pins pods to, or null. */
export function affinityZone(values: HelmValues): string | null {
  const terms = getPath(values, [
    "bufstream",
    "deployment",
    "affinity",
    "nodeAffinity",
    "requiredDuringSchedulingIgnoredDuringExecution",
    "nodeSelectorTerms",
  ]);
  if (!Array.isArray(terms)) return null;
  const zones = new Set<string>();
  for (const term of terms) {
    const expressions = isPlainObject(term) ? term.matchExpressions : undefined;
    if (!Array.isArray(expressions)) continue;
    for (const expression of expressions) {
      if (!isPlainObject(expression)) continue;
      const { key, operator, values: list } = expression;
      if (key !== ZONE_TOPOLOGY_KEY && key !== LEGACY_ZONE_KEY) continue;
      if (operator !== "In" || !Array.isArray(list)) continue;
      for (const zone of list) if (typeof zone === "string") zones.add(zone);
    }
  }
  return zones.size === 1 ? ([...zones][0] ?? null) : null;
}

function zoneOf(doc: ValuesDocument): { zone: string; from: "zone-key" | "affinity" } | null {
  const explicit = getString(doc.values, ["zone"]);
  if (explicit !== undefined) return { zone: explicit, from: "zone-key" };
  const pinned = affinityZone(doc.values);
  return pinned === null ? null : { zone: pinned, from: "affinity" };
}

export function buildLayout(documents: readonly ValuesDocument[]): ValuesLayout {
  const shared: ValuesDocument[] = [];
  const byZone = new Map<string, { docs: ValuesDocument[]; from: "zone-key" | "affinity" }>();
  for (const doc of documents) {
    const zone = zoneOf(doc);
    if (zone === null) {
      shared.push(doc);
      continue;
    }
    const entry = byZone.get(zone.zone);
    if (entry === undefined) byZone.set(zone.zone, { docs: [doc], from: zone.from });
    else {
      entry.docs.push(doc);
      if (zone.from === "zone-key") entry.from = "zone-key";
    }
  }
  const sharedValues = layerValues(shared);
  if (byZone.size === 0) {
    return {
      shared,
      sharedValues,
      releases: [
        {
          zone: null,
          zoneFrom: null,
          layers: shared,
          own: [],
          values: sharedValues,
          ownValues: {},
        },
      ],
      zoneAware: false,
    };
  }
  const releases = [...byZone.entries()].map(([zone, { docs, from }]) => {
    const ownValues = layerValues(docs);
    return {
      zone,
      zoneFrom: from,
      layers: [...shared, ...docs],
      own: docs,
      values: mergeValues(sharedValues, ownValues),
      ownValues,
    };
  });
  return { shared, sharedValues, releases, zoneAware: true };
}

// The corrected values files (issue 15): the user's own values, with the
// fixups for their keys applied, and the wizard's values for the current
// scenario layered on top where the wizard owns the key (ownership.ts). Their
// keys come first, in their order; keys only the wizard writes follow.
//
// Files follow the bundle's names and layout: one file, or a shared file plus
// one per zone, so install.sh in the bundle uses them as they are. Secrets are
// never written out: downloads hold SECRET_MARKER and say where.
import type { Scenario } from "../scenario/schema";
import { buildValues, type ValuesFile } from "../values/build-values";
import { isPlainObject, type HelmValues } from "../values/merge";
import { applyFixups } from "./key-findings";
import type { ImportedValues } from "./import-values";
import { headlessServiceOf } from "./read-networking";
import { isOwned, ownedPrefixes } from "./ownership";
import { displayPath, startsWith, type KeyPath } from "./paths";
import { MASK, SECRET_MARKER, maskSecrets } from "./secrets";

export interface CorrectedFile {
  /** The bundle's file name (`<release>-values.yaml`, `<release>-<zone>-values.yaml`). */
  name: string;
  zone: string | null;
  /** The user's values for this file as given (layers merged), before any change. */
  theirs: HelmValues;
  /** The corrected values, secrets included: never shown or written as they are. */
  values: HelmValues;
  /** What downloads hold: secrets replaced by SECRET_MARKER. */
  forDownload: HelmValues;
  /** What the page shows: secrets masked. */
  forDisplay: HelmValues;
  /** Paths of the secrets replaced in forDownload. */
  secretPaths: KeyPath[];
  /** The wizard's notes for this file, plus what the correction did. */
  notes: string[];
}

/** The user's values behind one of the wizard's files, matched by zone. */
function theirsFor(imported: ImportedValues, ours: ValuesFile): HelmValues {
  const { layout } = imported;
  // The shared file: what every zone shares, or the one release's values.
  if (ours.zone === null)
    return layout.zoneAware ? layout.sharedValues : (layout.releases[0]?.values ?? {});
  return layout.releases.find((r) => r.zone === ours.zone)?.ownValues ?? {};
}

/**
 * extraObjects is a list, which Helm replaces whole: the wizard's own items
 * (its headless Kafka Service) replace the user's item of that kind, and the
 * user's other objects (a PodMonitor, a NetworkPolicy) stay, in front.
 */
function mergeExtraObjects(theirs: unknown, ours: unknown): unknown[] | undefined {
  const mine = Array.isArray(theirs) ? theirs : [];
  const headless = headlessServiceOf({ extraObjects: mine });
  const kept = mine.filter((_, i) => headless === null || i !== headless.index);
  const added = Array.isArray(ours) ? ours : [];
  const all = [...kept, ...added];
  return all.length > 0 ? all : undefined;
}

/**
 * The user's values with the wizard's on top, in the user's key order: an
 * owned key takes the wizard's value (or goes, when the wizard leaves it out),
 * a key the wizard does not own stays the user's, and keys only the wizard
 * writes come after the user's in each map. A preserved path is the user's
 * whatever the wizard writes there.
 */
function overlay(
  theirs: HelmValues,
  ours: HelmValues,
  owned: (path: KeyPath) => boolean,
  preserved: (path: KeyPath) => boolean,
  prefix: KeyPath = [],
): HelmValues {
  const out: HelmValues = {};
  for (const [key, value] of Object.entries(theirs)) {
    const path = [...prefix, key];
    const mine = Object.hasOwn(ours, key) ? ours[key] : undefined;
    if (path.length === 1 && key === "extraObjects") {
      const objects = mergeExtraObjects(value, mine);
      if (objects !== undefined) out[key] = objects;
    } else if (owned(path)) {
      if (mine !== undefined) out[key] = mine;
    } else if (isPlainObject(value) && Object.keys(value).length > 0) {
      const child = overlay(value, isPlainObject(mine) ? mine : {}, owned, preserved, path);
      if (Object.keys(child).length > 0) out[key] = child;
    } else if (value === null && mine !== undefined && !preserved(path)) {
      // An empty key (`bufstream:` with nothing under it) gives way to the wizard's values.
      out[key] = mine;
    } else {
      out[key] = value;
    }
  }
  for (const [key, mine] of Object.entries(ours)) {
    const path = [...prefix, key];
    if (Object.hasOwn(theirs, key) || preserved(path)) continue;
    out[key] = isPlainObject(mine) ? overlay({}, mine, owned, preserved, path) : mine;
  }
  return out;
}

function correct(
  theirs: HelmValues,
  ours: HelmValues,
  imported: ImportedValues,
  s: Scenario,
): HelmValues {
  const owned = ownedPrefixes(s);
  const { preserved } = imported.read;
  const fixed = applyFixups(theirs, imported.keys.fixups);
  return overlay(
    fixed,
    ours,
    (path) => isOwned(path, owned, preserved),
    (path) => preserved.some((p) => startsWith(path, p)),
  );
}

export function buildCorrectedValues(imported: ImportedValues, s: Scenario): CorrectedFile[] {
  const files = buildValues(s);
  const zonal = files.zones.length > 0;
  // File names only: the CLI's sources are paths as typed, which say nothing in a header.
  const sources = imported.documents
    .map((doc) => doc.source.split(/[\\/]/).pop() ?? doc.source)
    .join(", ");
  return [files.shared, ...files.zones].map((ours) => {
    const theirs = theirsFor(imported, ours);
    const values = correct(theirs, ours.values, imported, s);
    const download = maskSecrets(values, SECRET_MARKER);
    const display = maskSecrets(values, MASK);
    const notes = [
      `Your values (${sources}) with the wizard's corrections: your own keys are kept as they are;`,
      "the keys the wizard writes for this scenario replace yours, and keys it owns but leaves out are removed.",
      ...(download.paths.length > 0
        ? [
            `${download.paths.length} value${download.paths.length === 1 ? "" : "s"} looked like secrets and ${download.paths.length === 1 ? "is" : "are"} not copied here; put ${download.paths.length === 1 ? "it" : "them"} in a Kubernetes Secret, or back by hand:`,
            ...download.paths.map((path) => `  ${displayPath(path)}`),
          ]
        : []),
      ...(ours.notes.length > 0 ? ["", ...ours.notes] : []),
    ];
    if (imported.layout.zoneAware && !zonal && ours.zone === null) {
      notes.push(
        "",
        "The scenario has no zones now: the zone files' own keys are not carried over.",
      );
    }
    return {
      name: ours.name,
      zone: ours.zone,
      theirs,
      values,
      forDownload: download.masked,
      forDisplay: display.masked,
      secretPaths: download.paths,
      notes,
    };
  });
}

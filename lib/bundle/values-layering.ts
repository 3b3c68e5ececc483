// Which values files Helm gets, in which order, and what that means, in
// words a first-time Helm user follows (domain 8.1). One builder for the
// bundle README and the page's install commands, so they say the same.
import {
  BASE_VALUES_ENV,
  currentValuesFileName,
  layersOnBase,
  writtenFiles,
} from "../commands/layering";
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildValues, type ValuesFile } from "../values/build-values";

export interface LayeringEntry {
  /** A file name, or a pattern such as `bufstream-<zone>-current-values.yaml`. */
  file: string;
  /** What it holds, one sentence (may carry `code` spans). */
  what: string;
}

export interface ValuesLayering {
  /** True when the bundle's values are layered on a base (the release's values, or the user's file). */
  layered: boolean;
  /** How Helm combines values files (the same words for every scenario). */
  rule: string;
  /** The files of one `helm upgrade`, first to last: each overrides what came before. */
  order: LayeringEntry[];
  /** What the order means for this bundle (one or two sentences). */
  meaning: string;
  /** Keys this bundle's files set (they replace the release's); lists are marked, they replace whole. */
  ownedKeys: string[];
  /** Files install.sh writes next to itself. */
  written: string[];
}

export const HELM_LAYERING_RULE =
  "Helm builds the values a release runs with from the chart's defaults plus the files given with `--values`, in order: each file overrides the ones before it, key by key. Blocks of keys (maps) are merged, a list is replaced whole, and a key no file mentions keeps the chart's default. A release's earlier values are not kept unless they are passed again.";

/** A key path, dots between parts; parts that contain dots or slashes (annotation keys) in brackets. */
function keyPath(parts: string[]): string {
  return parts
    .map((part, i) =>
      /^[A-Za-z0-9_-]+$/.test(part) ? `${i === 0 ? "" : "."}${part}` : `["${part}"]`,
    )
    .join("");
}

/** Leaf key paths of a values object; a list is one leaf (Helm replaces it whole). */
function leafKeys(value: unknown, parts: string[], into: Set<string>): Set<string> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leafKeys(child, [...parts, key], into);
  } else if (parts.length > 0) {
    into.add(Array.isArray(value) ? `${keyPath(parts)} (a list)` : keyPath(parts));
  }
  return into;
}

function ownedKeys(files: ValuesFile[]): string[] {
  const keys = new Set<string>();
  for (const file of files) leafKeys(file.values, [], keys);
  return [...keys];
}

export function buildValuesLayering(s: Scenario): ValuesLayering {
  const plan = buildTopologyPlan(s);
  const values = buildValues(s);
  const zoned = values.zones.length > 0;
  const release = s.release.name;
  const zonal = `${release}-<zone>`;
  const order: LayeringEntry[] = [];
  if (layersOnBase(s)) {
    const named = zoned
      ? `your own file from \`${BASE_VALUES_ENV}_<ZONE>\` or \`${BASE_VALUES_ENV}\``
      : `your own file from \`${BASE_VALUES_ENV}\``;
    order.push(
      s.install === "existing"
        ? {
            file: currentValuesFileName(zoned ? zonal : release),
            what: `The values release \`${zoned ? zonal : release}\` runs with now: install.sh saves them with \`helm get values\` before changing anything (or uses ${named} instead).`,
          }
        : {
            file: `${BASE_VALUES_ENV}`,
            what: `Your own values file with object storage and a metadata store (${named}); install.sh stops without it.`,
          },
    );
  }
  const layered = layersOnBase(s);
  order.push({
    file: values.shared.name,
    what: zoned
      ? `This bundle's settings every zone shares${layered ? ": they win over the file before wherever both set a key" : ", over the chart's defaults"}.`
      : layered
        ? "This bundle's settings: they win over the file before wherever both set a key."
        : "All of this bundle's settings, over the chart's defaults.",
  });
  if (zoned) {
    order.push({
      file: `${release}-<zone>-values.yaml`,
      what: "That zone's own settings (name, zone, ServiceAccount, placement, advertised address); one release per zone.",
    });
  }
  if (s.exposure === "load-balancer" && s.loadBalancer.hostSource === "after-install") {
    order.push({
      file: "--set-string kafka.publicAddress.host=<address>",
      what: "The load balancer's address, read once it exists; given after the files, so it wins over all of them.",
    });
  }
  const meaning = !layered
    ? "This is a new install with complete values, so the bundle's files are all Helm gets besides the chart's defaults. Re-running install.sh applies the same values again; anything set on the release outside these files (for example with `helm upgrade --set`) is dropped."
    : s.install === "existing"
      ? "Only the keys below change: everything else the release has (storage, metadata, identity, resources, your own keys) is passed again unchanged. Re-running install.sh reads the release's values again, so it is safe to repeat."
      : "Your file provides everything this bundle does not set, storage and metadata included.";
  return {
    layered,
    rule: HELM_LAYERING_RULE,
    order,
    meaning,
    ownedKeys: ownedKeys([values.shared, ...values.zones]),
    written: writtenFiles(s, plan),
  };
}

// Findings about the keys of the values files, and the fixups the corrected
// values apply for them (issue 15: "keys that are misspelt or deprecated get
// findings of their own with the fix"). Facts: domain 1.1 (deprecated and
// removed keys), gotchas 4 (the docs' `name:`), 7 (Spanner casing), 8
// (observability.metrics.exporter), section 4 (deprecated annotations).
//
// A misspelt key is NOT read as the key it was meant to be: Helm ignores it, so
// the release runs without it, and that is what the scenario must show (it may
// be the very reason clients fail). Only the corrected file renames it.
import { documentedChildren, isDocumentedKey, undocumentedKeyPaths } from "../scenario/chart-keys";
import { LB_ANNOTATION } from "../values/load-balancer";
import { isPlainObject, type HelmValues } from "../values/merge";
import { displayPath, getPath, withPath, withoutPaths, pathKey, type KeyPath } from "./paths";
import { lineOf, type ValuesDocument } from "./parse-values";
import type { FindingDraft, Fixup, ValuesFinding } from "./types";

const ANNOTATIONS = ["bufstream", "service", "annotations"] as const;
const AWS_INTERNAL_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-internal";
const GCP_LEGACY_TYPE_ANNOTATION = "cloud.google.com/load-balancer-type";

/** The deprecated exporter enum (NONE|STDOUT|HTTP|HTTPS|PROMETHEUS) in the current one. */
function exporterType(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const upper = value.toUpperCase();
  // HTTP(S) exported OTLP over HTTP [inferred: the old enum predates the OTLP_* names].
  return upper === "HTTP" || upper === "HTTPS" ? "OTLP_HTTP" : upper;
}

interface KnownKey {
  path: KeyPath;
  id: string;
  severity: ValuesFinding["severity"];
  message: string;
  fix: string;
  to: KeyPath | null;
  convert?: (value: unknown) => unknown;
}

/** Keys Bufstream's own docs and Terraform write that the chart no longer takes, or never took. */
const KNOWN_KEYS: KnownKey[] = [
  {
    path: ["name"],
    id: "values-docs-name-key",
    severity: "info",
    message:
      "name is not a chart key: Bufstream's zonal guides set it, but the chart ignores it (nameOverride is the key that names the release's objects).",
    fix: "Remove it.",
    to: null,
  },
  {
    path: ["autoMigrateMetadataStorage"],
    id: "values-removed-key",
    severity: "info",
    message:
      "autoMigrateMetadataStorage was removed in Bufstream 0.3.29, when metadata migrations became always-on; it has no effect.",
    fix: "Remove it.",
    to: null,
  },
  {
    path: ["observability", "metrics", "exporter"],
    id: "values-deprecated-key",
    severity: "warning",
    message:
      "observability.metrics.exporter is deprecated (the deploy guides still show it), and deprecated values may be gone in the next minor release.",
    fix: "Use observability.metrics.exporterType (NONE, STDOUT, OTLP_GRPC, OTLP_HTTP or PROMETHEUS).",
    to: ["observability", "metrics", "exporterType"],
    convert: exporterType,
  },
  {
    path: ["observability", "tracing", "exporter"],
    id: "values-deprecated-key",
    severity: "warning",
    message: "observability.tracing.exporter is deprecated.",
    fix: "Use observability.tracing.exporterType.",
    to: ["observability", "tracing", "exporterType"],
    convert: exporterType,
  },
  {
    path: ["observability", "otlpEndpoint"],
    id: "values-deprecated-key",
    severity: "warning",
    message: "observability.otlpEndpoint is deprecated.",
    // [inferred] the chart's current exporter address key; the reference lists both.
    fix: "Use observability.exporter.address.",
    to: ["observability", "exporter", "address"],
  },
  {
    path: ["observability", "metrics", "omitPartitionAttribute"],
    id: "values-deprecated-key",
    severity: "info",
    message:
      "observability.metrics.omitPartitionAttribute is deprecated and hidden from the chart's reference.",
    fix: "Remove it once you no longer need it; the corrected file keeps it.",
    to: ["observability", "metrics", "omitPartitionAttribute"],
  },
  // Gotcha 7: the GCP Spanner guide's snake_case, and its typo.
  ...(
    [
      ["project_id", "projectId"],
      ["instance_id", "instanceId"],
      ["database_name", "databaseName"],
    ] as const
  ).map(([snake, camel]): KnownKey => ({
    path: ["metadata", "spanner", snake],
    id: "values-spanner-snake-case",
    severity: "warning",
    message: `metadata.spanner.${snake} is the GCP Spanner guide's spelling; the Helm values reference spells it ${camel}, and whether the chart still accepts snake_case is not documented.`,
    fix: `Rename it to metadata.spanner.${camel}.`,
    to: ["metadata", "spanner", camel],
  })),
  {
    path: ["metadata", "spanner", "atabase_name"],
    id: "values-spanner-typo",
    severity: "warning",
    message:
      "metadata.spanner.atabase_name is a typo copied from the GCP Spanner guide; the chart ignores it, so the database name is the default, bufstream.",
    fix: "Remove it, or rename it to metadata.spanner.databaseName if you meant another database.",
    to: null,
  },
  {
    path: [...ANNOTATIONS, AWS_INTERNAL_ANNOTATION],
    id: "values-deprecated-annotation",
    severity: "warning",
    message: `The annotation ${AWS_INTERNAL_ANNOTATION} is deprecated; the AWS Load Balancer Controller reads the scheme from ${LB_ANNOTATION.awsScheme}.`,
    fix: `Use ${LB_ANNOTATION.awsScheme}: internal (or internet-facing).`,
    to: [...ANNOTATIONS, LB_ANNOTATION.awsScheme],
    convert: (value) => (String(value).toLowerCase() === "true" ? "internal" : "internet-facing"),
  },
  {
    path: [...ANNOTATIONS, GCP_LEGACY_TYPE_ANNOTATION],
    id: "values-deprecated-annotation",
    severity: "info",
    message: `The annotation ${GCP_LEGACY_TYPE_ANNOTATION} is GKE's legacy form.`,
    fix: `Use ${LB_ANNOTATION.gkeType}: "Internal".`,
    to: [...ANNOTATIONS, LB_ANNOTATION.gkeType],
  },
];

const KNOWN_BY_PATH = new Map(KNOWN_KEYS.map((known) => [pathKey(known.path), known]));

/** Edit distance, for "did you mean" (keys are short; the quadratic table is fine). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

const camel = (key: string) => key.replace(/[_-]([a-z])/g, (_, c: string) => c.toUpperCase());

/** The documented sibling a misspelt key was most likely meant to be, or null. */
export function suggestKey(parent: readonly string[], key: string): string | null {
  const candidates = documentedChildren(parent.join("."));
  const lower = key.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower || c === camel(key));
  if (exact !== undefined) return exact;
  if (key.length < 5) return null;
  let best: { key: string; d: number } | null = null;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d <= 2 && (best === null || d < best.d)) best = { key: candidate, d };
  }
  return best?.key ?? null;
}

/** Keys set to null (an empty `key:`) at chart keys: Helm deletes the chart's default there. */
function nullKeys(values: HelmValues, prefix: string[] = []): string[][] {
  const found: string[][] = [];
  for (const [key, value] of Object.entries(values)) {
    const parts = [...prefix, key];
    if (value === null && isDocumentedKey(parts.join("."))) found.push(parts);
    else if (isPlainObject(value) && isDocumentedKey(parts.join(".")))
      found.push(...nullKeys(value, parts));
  }
  return found;
}

export interface KeyReview {
  findings: ValuesFinding[];
  fixups: Fixup[];
}

/** Findings and fixups for the keys of every document. */
export function reviewKeys(documents: readonly ValuesDocument[]): KeyReview {
  const findings: ValuesFinding[] = [];
  const fixups = new Map<string, Fixup>();
  for (const doc of documents) {
    const finding = (path: KeyPath, rest: FindingDraft): ValuesFinding => ({
      resolved: false,
      ...rest,
      source: doc.source,
      line: lineOf(doc, path),
      key: displayPath(path),
    });
    for (const known of KNOWN_KEYS) {
      if (getPath(doc.values, known.path) === undefined) continue;
      const taken = known.to !== null && getPath(doc.values, known.to) !== undefined;
      const same = known.to !== null && pathKey(known.to) === pathKey(known.path);
      findings.push(
        finding(known.path, {
          id: known.id,
          severity: known.severity,
          message: known.message,
          fix:
            taken && !same
              ? `${known.fix} ${displayPath(known.to ?? [])} is also set, so the corrected file drops ${displayPath(known.path)}.`
              : known.fix,
          resolved: !same,
        }),
      );
      if (same) continue;
      fixups.set(pathKey(known.path), {
        from: known.path,
        to: taken ? null : known.to,
        convert: known.convert,
        reason: `${known.message} ${known.fix}`,
      });
    }
    const nulls = nullKeys(doc.values);
    for (const parts of nulls) {
      const branch = documentedChildren(parts.join(".")).length > 0;
      findings.push(
        finding(parts, {
          id: "values-null-key",
          severity: branch ? "warning" : "info",
          message: branch
            ? `${displayPath(parts)} has no value (null), and Helm then drops every chart default under it (${documentedChildren(parts.join(".")).slice(0, 4).join(", ")}, ...), so the chart may not render.`
            : `${displayPath(parts)} is null, which makes Helm drop the chart's default for it.`,
          fix: "Remove the empty key unless you mean to drop the default (the corrected file removes empty maps' keys).",
          resolved: branch,
        }),
      );
      if (branch)
        fixups.set(pathKey(parts), {
          from: parts,
          to: null,
          reason: `${displayPath(parts)} was empty (null), which drops every chart default under it.`,
        });
    }
    const nullSet = new Set(nulls.map(pathKey));
    for (const parts of undocumentedKeyPaths(doc.values)) {
      if (KNOWN_BY_PATH.has(pathKey(parts)) || nullSet.has(pathKey(parts))) continue;
      const parent = parts.slice(0, -1);
      const key = parts[parts.length - 1] ?? "";
      const suggestion = suggestKey(parent, key);
      if (suggestion !== null) {
        const target = [...parent, suggestion];
        const taken = getPath(doc.values, target) !== undefined;
        findings.push(
          finding(parts, {
            id: "values-misspelt-key",
            severity: "warning",
            message: `${displayPath(parts)} is not a chart key, so Helm ignores it. Did you mean ${displayPath(target)}?`,
            fix: taken
              ? `Remove it: ${displayPath(target)} is set too.`
              : `Rename it to ${displayPath(target)}.`,
            resolved: true,
          }),
        );
        fixups.set(pathKey(parts), {
          from: parts,
          to: taken ? null : target,
          reason: `${displayPath(parts)} is not a chart key (Helm ignores it); the corrected file ${taken ? "drops it" : `renames it to ${displayPath(target)}`}.`,
        });
      } else {
        const branch = isDocumentedKey(parent.join("."));
        findings.push(
          finding(parts, {
            id: "values-not-a-chart-key",
            severity: "info",
            message: `${displayPath(parts)} is not a key the chart documents${branch ? ` under ${displayPath(parent)}` : ""}, so Helm most likely ignores it.`,
            fix: "Check the spelling against helm show values for your chart version; the corrected file keeps it as is.",
          }),
        );
      }
    }
    if (doc.aliasLines.length > 0) {
      findings.push({
        id: "values-aliases-expanded",
        severity: "info",
        message: `Anchors and aliases (line ${[...new Set(doc.aliasLines)].slice(0, 5).join(", ")}) were expanded, as Helm does.`,
        fix: "Nothing to do; the corrected file writes those values out in full.",
        source: doc.source,
        line: doc.aliasLines[0] ?? null,
        key: null,
        resolved: false,
      });
    }
    for (const note of doc.notes) {
      findings.push({
        id: "values-note",
        severity: "info",
        message: note,
        fix: "Nothing to do.",
        source: doc.source,
        line: null,
        key: null,
        resolved: false,
      });
    }
    const ip = getPath(doc.values, ["bufstream", "service", "loadBalancerIP"]);
    const annotations = getPath(doc.values, [...ANNOTATIONS]);
    const azure =
      isPlainObject(annotations) &&
      Object.keys(annotations).some((key) => key.startsWith("service.beta.kubernetes.io/azure-"));
    if (azure && typeof ip === "string" && ip !== "") {
      const target = [...ANNOTATIONS, LB_ANNOTATION.azureIpv4];
      const taken = getPath(doc.values, target) !== undefined;
      findings.push(
        finding(["bufstream", "service", "loadBalancerIP"], {
          id: "values-deprecated-field",
          severity: "warning",
          message:
            "spec.loadBalancerIP (bufstream.service.loadBalancerIP) is deprecated in Kubernetes 1.24 and on AKS.",
          fix: `Pin the IP with the annotation ${LB_ANNOTATION.azureIpv4} instead.`,
          resolved: true,
        }),
      );
      fixups.set(pathKey(["bufstream", "service", "loadBalancerIP"]), {
        from: ["bufstream", "service", "loadBalancerIP"],
        to: taken ? null : target,
        reason: `On AKS spec.loadBalancerIP is deprecated; the IP moves to the annotation ${LB_ANNOTATION.azureIpv4}.`,
      });
    }
  }
  return { findings, fixups: [...fixups.values()] };
}

/** The user's values with the fixups applied (renamed keys keep their place at the end of their map). */
export function applyFixups(values: HelmValues, fixups: readonly Fixup[]): HelmValues {
  let out = values;
  for (const fixup of fixups) {
    const value = getPath(out, fixup.from);
    if (value === undefined) continue;
    const fromKey = pathKey(fixup.from);
    out = withoutPaths(out, (path) => pathKey(path) === fromKey);
    if (fixup.to !== null && getPath(out, fixup.to) === undefined) {
      const to = fixup.to.map(String);
      out = withPath(out, to, fixup.convert ? fixup.convert(value) : value);
    }
  }
  return out;
}

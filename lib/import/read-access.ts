// Values -> who may connect (issue 16), as far as values carry it: the load
// balancer's source ranges, which the wizard writes as Kubernetes'
// `service.beta.kubernetes.io/load-balancer-source-ranges` annotation (the
// chart has no key for spec.loadBalancerSourceRanges; lib/values/load-balancer.ts).
// The NetworkPolicies and monitors are files of their own, never values
// (not-in-values.ts says so for the round trip).
import { isCidr } from "../scenario/cidr";
import { MAX_CIDRS, type Exposure } from "../scenario/schema";
import { LB_ANNOTATION } from "../values/load-balancer";
import type { ValuesRelease } from "./layout";
import type { KeyPath } from "./paths";
import type { ReadContext } from "./read-context";

export const SOURCE_RANGES_PATH: KeyPath = [
  "bufstream",
  "service",
  "annotations",
  LB_ANNOTATION.sourceRanges,
];

/**
 * The source ranges the Service's annotation lists (comma-separated, spaces
 * allowed, as Kubernetes reads it), or none. Read on every cloud: where the
 * wizard sets the spec field instead (GKE, other), the user's annotation still
 * says which networks they mean, and stays in the values as theirs. A list the
 * scenario cannot hold is kept as written, with a note.
 */
export function readSourceRanges(
  ctx: ReadContext,
  release: ValuesRelease,
  exposure: Exposure,
): string[] {
  if (exposure !== "load-balancer") return [];
  const text = ctx.text(release.values, SOURCE_RANGES_PATH, release);
  if (text === undefined) return [];
  const ranges = text
    .split(",")
    .map((range) => range.trim())
    .filter((range) => range !== "");
  const bad = ranges.filter((range) => !isCidr(range));
  if (bad.length > 0 || ranges.length > MAX_CIDRS) {
    ctx.preserve(SOURCE_RANGES_PATH);
    ctx.note(
      SOURCE_RANGES_PATH,
      {
        id: "values-source-ranges-kept",
        severity: "warning",
        message:
          bad.length > 0
            ? `The load balancer's source ranges hold ${bad.map((b) => `"${b}"`).join(", ")}, which ${bad.length === 1 ? "is not a CIDR block" : "are not CIDR blocks"} (such as 10.0.0.0/16, the network's first address): Kubernetes rejects the Service or the cloud ignores the list, so the wizard keeps the annotation as you wrote it and does not check it.`
            : `The load balancer's source ranges list ${ranges.length} CIDR blocks; the wizard holds at most ${MAX_CIDRS}, so it keeps the annotation as you wrote it and does not check it.`,
        fix: "Write the ranges as CIDR blocks separated by commas, or enter them under Who may connect.",
      },
      release,
    );
    return [];
  }
  ctx.from("access.loadBalancerSourceRanges", SOURCE_RANGES_PATH, release);
  return ranges;
}

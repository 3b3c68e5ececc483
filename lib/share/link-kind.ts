// What kind of scenario a share link carries, said in its path (issue 13, "Open
// Graph ... so a link pasted into chat shows what it is"). The scenario itself
// travels in the fragment, which browsers never send to a server, so a chat
// app's unfurler sees only the path: `<wizard>/s/<slug>/#v1.…`. postbuild
// writes one tiny static page per kind (its title and Open Graph tags from
// link-kind-text.ts) that sends the browser on to the wizard with the fragment.
//
// The path is a label, never data: decoding reads the fragment alone, so a
// slug that disagrees with its fragment (an edited link, a future kind) changes
// nothing the wizard shows.
//
// SLUGS ARE FOREVER: every link ever shared names one, and its page must keep
// existing. Add kinds freely; never rename or remove one (link-kind.test.ts
// holds the released list).
import type { Scenario } from "../scenario/schema";

/** The kinds, in the order the page files are written; the value is the URL slug. */
export const LINK_KINDS = [
  "in-cluster",
  "headless",
  "outside-without-load-balancer",
  "aws-internal-nlb",
  "gke-internal-load-balancer",
  "aks-internal-load-balancer",
  "load-balancer-service",
  "internet-facing-load-balancer",
  "inside-and-outside",
  "zone-aware-in-cluster",
  "zone-aware-per-zone-load-balancers",
  "complete-install-eks",
  "complete-install-gke",
  "complete-install-aks",
  "complete-install",
] as const;

export type LinkKind = (typeof LINK_KINDS)[number];

const COMPLETE_BY_CLOUD: Record<Scenario["loadBalancer"]["provider"], LinkKind> = {
  aws: "complete-install-eks",
  gcp: "complete-install-gke",
  azure: "complete-install-aks",
  other: "complete-install",
};

const INTERNAL_BY_PROVIDER: Record<Scenario["loadBalancer"]["provider"], LinkKind> = {
  aws: "aws-internal-nlb",
  gcp: "gke-internal-load-balancer",
  azure: "aks-internal-load-balancer",
  other: "load-balancer-service",
};

/**
 * The kind a scenario's link names. Total over every valid scenario; the order
 * of the tests is what makes each kind's words true for all it covers:
 * a complete install is named by its cloud (the provider answer is the cloud
 * the cluster runs on); a headless Service is that whatever else holds; clients
 * outside with only a ClusterIP Service is the layout the check rejects.
 */
export function buildLinkKind(s: Scenario): LinkKind {
  if (s.valuesScope === "complete") return COMPLETE_BY_CLOUD[s.loadBalancer.provider];
  if (s.exposure === "headless") return "headless";
  if (s.exposure === "cluster-ip") {
    if (s.clients !== "in-cluster") return "outside-without-load-balancer";
    return s.zones.enabled ? "zone-aware-in-cluster" : "in-cluster";
  }
  if (s.zones.enabled) return "zone-aware-per-zone-load-balancers";
  if (s.clients === "both") return "inside-and-outside";
  if (s.loadBalancer.scheme === "internet-facing") return "internet-facing-load-balancer";
  return INTERNAL_BY_PROVIDER[s.loadBalancer.provider];
}

/** The kind's page, relative to the wizard's root: `s/<slug>/`. */
export function linkKindPath(kind: LinkKind): string {
  return `s/${kind}/`;
}

const KIND_SUFFIX = new RegExp(`/s/(?:${LINK_KINDS.join("|")})/?(?:index\\.html)?$`);

/**
 * `url` (origin and path, no query or fragment) with a trailing kind page
 * (`s/<slug>/`) taken off, so a base read from a descriptive link is the
 * wizard's root and links built from it do not nest. Only known slugs: a
 * wizard served under a sub-path that happens to end in `/s/<word>/` keeps it.
 */
export function stripLinkKindPath(url: string): string {
  return url.replace(KIND_SUFFIX, "/");
}

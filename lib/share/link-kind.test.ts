import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { PRESETS, presetScenario } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { buildShareLink, decodeScenario, linkBaseUrl } from "./codec";
import { LINK_KINDS, buildLinkKind, stripLinkKindPath, type LinkKind } from "./link-kind";
import { LINK_KIND_TEXT } from "./link-kind-text";
import { arbitraryScenario } from "./testing/arbitrary-scenario";

/** Every slug a released wizard wrote into links. Append only: each must keep its page. */
const RELEASED_SLUGS = [
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
];

const EXPECTED_BY_PRESET: Record<string, LinkKind> = {
  "in-cluster-default": "in-cluster",
  "headless-in-cluster": "headless",
  "aws-nlb-internal": "aws-internal-nlb",
  "aws-nlb-internet-facing": "internet-facing-load-balancer",
  "gke-internal-lb": "gke-internal-load-balancer",
  "aks-internal-lb": "aks-internal-load-balancer",
  "zone-aware-eks-in-cluster": "zone-aware-in-cluster",
  "zone-aware-per-zone-nlbs": "zone-aware-per-zone-load-balancers",
  "inside-and-outside-one-lb": "inside-and-outside",
  "other-provider-lb": "load-balancer-service",
  "eks-s3-postgres": "complete-install-eks",
  "gke-gcs-spanner": "complete-install-gke",
  "aks-blob-postgres": "complete-install-aks",
  "eks-complete-network-policies": "complete-install-eks",
  "gke-complete-network-policies": "complete-install-gke",
  "aks-complete-network-policies": "complete-install-aks",
};

/** What each kind's title and sentence promise: true of every scenario the kind covers. */
const PROMISES: Record<LinkKind, (s: Scenario) => boolean> = {
  "in-cluster": (s) =>
    s.clients === "in-cluster" && s.exposure === "cluster-ip" && !s.zones.enabled,
  headless: (s) => s.exposure === "headless",
  "outside-without-load-balancer": (s) => s.clients !== "in-cluster" && s.exposure === "cluster-ip",
  "aws-internal-nlb": (s) => internalLb(s, "aws"),
  "gke-internal-load-balancer": (s) => internalLb(s, "gcp"),
  "aks-internal-load-balancer": (s) => internalLb(s, "azure"),
  "load-balancer-service": (s) => internalLb(s, "other"),
  "internet-facing-load-balancer": (s) =>
    s.exposure === "load-balancer" && s.loadBalancer.scheme === "internet-facing",
  "inside-and-outside": (s) =>
    s.clients === "both" && s.exposure === "load-balancer" && !s.zones.enabled,
  "zone-aware-in-cluster": (s) =>
    s.zones.enabled && s.clients === "in-cluster" && s.exposure === "cluster-ip",
  "zone-aware-per-zone-load-balancers": (s) => s.zones.enabled && s.exposure === "load-balancer",
  "complete-install-eks": (s) => complete(s, "aws"),
  "complete-install-gke": (s) => complete(s, "gcp"),
  "complete-install-aks": (s) => complete(s, "azure"),
  "complete-install": (s) => complete(s, "other"),
};

function internalLb(s: Scenario, provider: Scenario["loadBalancer"]["provider"]): boolean {
  return (
    s.exposure === "load-balancer" &&
    !s.zones.enabled &&
    s.loadBalancer.provider === provider &&
    s.loadBalancer.scheme === "internal"
  );
}

function complete(s: Scenario, provider: Scenario["loadBalancer"]["provider"]): boolean {
  return s.valuesScope === "complete" && s.loadBalancer.provider === provider;
}

/** Scenarios no preset covers, one per kind the presets leave out. */
const NON_PRESET: Record<string, Scenario> = {
  "outside-without-load-balancer": presetScenario({ clients: "outside-cluster" }),
  "complete-install": presetScenario({
    valuesScope: "complete",
    install: "new",
    loadBalancer: { provider: "other" },
  }),
};

describe("buildLinkKind", () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.scenario] as const))(
    "maps preset %s to the kind its title describes",
    (id, scenario) => {
      expect(buildLinkKind(scenario)).toBe(EXPECTED_BY_PRESET[id]);
    },
  );

  it("knows every preset (a new preset needs its expected kind here)", () => {
    expect(Object.keys(EXPECTED_BY_PRESET).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  it("reaches every kind, and each has a title and one sentence", () => {
    const reached = new Set([
      ...PRESETS.map((p) => buildLinkKind(p.scenario)),
      ...Object.values(NON_PRESET).map(buildLinkKind),
    ]);
    expect([...reached].sort()).toEqual([...LINK_KINDS].sort());
    for (const [kind, scenario] of Object.entries(NON_PRESET)) {
      expect(buildLinkKind(scenario)).toBe(kind);
    }
    for (const kind of LINK_KINDS) {
      const { title, description } = LINK_KIND_TEXT[kind];
      expect(title, kind).toMatch(/Bufstream/);
      expect(description, kind).toMatch(/^[A-Z][^]*\.$/);
      expect(description.split(/\.\s+[A-Z]/), `${kind}: one sentence`).toHaveLength(1);
    }
  });

  it("keeps every released slug (a shared link names it forever)", () => {
    expect(LINK_KINDS.slice(0, RELEASED_SLUGS.length)).toEqual(RELEASED_SLUGS);
    for (const slug of LINK_KINDS) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("is total over valid scenarios, and each kind's words hold for what it covers", () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const kind = buildLinkKind(scenario);
        expect(LINK_KINDS).toContain(kind);
        expect(PROMISES[kind](scenario), kind).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("share links through a kind's page", () => {
  it("builds <root>s/<slug>/#payload from the wizard's root, never nested", () => {
    fc.assert(
      fc.property(
        arbitraryScenario,
        fc.constantFrom("https://w.example/", "http://localhost:3000/sub/path/"),
        (scenario, root) => {
          const link = buildShareLink(root, scenario);
          expect(link.startsWith(`${root}s/${buildLinkKind(scenario)}/#v1.`)).toBe(true);
          expect(linkBaseUrl(link)).toBe(root);
          // A link built from a link (the CLI's --link, --base-url) goes through the root again.
          expect(buildShareLink(link, DEFAULT_SCENARIO)).toBe(
            buildShareLink(root, DEFAULT_SCENARIO),
          );
          expect(decodeScenario(link)).toEqual({ ok: true, kind: "ok", scenario, notes: [] });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("strips only a known kind page at the end of the path", () => {
    expect(stripLinkKindPath("https://w.example/s/headless/")).toBe("https://w.example/");
    expect(stripLinkKindPath("https://w.example/app/s/headless")).toBe("https://w.example/app/");
    expect(stripLinkKindPath("https://w.example/s/headless/index.html")).toBe("https://w.example/");
    expect(stripLinkKindPath("https://w.example/s/wizard/")).toBe("https://w.example/s/wizard/");
    expect(stripLinkKindPath("https://w.example/s/headless/x/")).toBe(
      "https://w.example/s/headless/x/",
    );
    expect(stripLinkKindPath("https://w.example/xs/headless/")).toBe(
      "https://w.example/xs/headless/",
    );
  });
});

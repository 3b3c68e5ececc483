// The topology check's verdict in one sentence (issue 13, "Results come first"):
// whether every client will connect, and through which address, said as plainly
// when it works as when it does not. Built from the client views, so the verdict,
// the "What each client sees" panel and the diagram never disagree.
import { hostPort } from "../check/hosts";
import { FINDING } from "../check/finding-ids";
import type { Finding } from "../check/types";
import type { Scenario } from "../scenario/schema";
import { buildClientViews } from "./client-views";
import type { AddressVerdict, ClientView } from "./types";

export type VerdictStatus =
  /** Every client connects with the answers as they are. */
  | "connects"
  /** Every client connects once install.sh has read a load balancer's address. */
  | "after-install"
  /** Some client will not connect. */
  | "fails";

export interface Verdict {
  status: VerdictStatus;
  /** "All clients will connect", "Will not work as configured", … */
  headline: string;
  /** The routes, or who will not connect, one sentence: "In-cluster clients via …; outside clients via …." */
  detail: string;
  /** When it fails: what breaks it, the error findings' messages. */
  reasons: string[];
  /** Finding counts, for the line under the headline. */
  counts: { errors: number; warnings: number; notes: number };
}

/** Findings that only say an address is known after install, not that it is wrong. */
const AFTER_INSTALL: ReadonlySet<string> = new Set([
  FINDING.lbHostAfterInstall,
  FINDING.zoneHostsAfterInstall,
]);

const WHO: Record<ClientView["location"], string> = {
  "in-cluster": "in-cluster clients",
  "outside-cluster": "outside clients",
};

function works(address: AddressVerdict): boolean {
  return address.resolves && address.reachable;
}

/** Fails only because an address is not known before install. */
function pendingOnly(view: ClientView): boolean {
  const addresses = [view.bootstrapVerdict, ...view.brokers];
  return addresses.every(
    (a) => works(a) || (a.findingId !== null && AFTER_INSTALL.has(a.findingId)),
  );
}

/** How one place's clients connect: "via <bootstrap>", and the zone routing when zone-aware. */
function viaText(views: readonly ClientView[]): string {
  const bootstrap = views[0]?.bootstrap;
  if (bootstrap === undefined) return "";
  const via = bootstrap.known
    ? hostPort(bootstrap.host, bootstrap.port)
    : "the load balancer's address, which install.sh reads after install";
  const zoned = views.some((view) => view.zone !== null);
  return zoned
    ? `via ${via}, then each to its own zone's brokers (with zone= in client.id)`
    : `via ${via}`;
}

/** "in-cluster clients via X; outside clients via Y", or "in-cluster and outside clients via X". */
function routesSentence(views: readonly ClientView[]): string {
  const byVia = new Map<string, string[]>();
  for (const location of new Set(views.map((view) => view.location))) {
    const via = viaText(views.filter((view) => view.location === location));
    byVia.set(via, [...(byVia.get(via) ?? []), WHO[location].replace(/ clients$/, "")]);
  }
  return [...byVia.entries()].map(([via, who]) => `${who.join(" and ")} clients ${via}`).join("; ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildVerdict(s: Scenario, findings: readonly Finding[]): Verdict {
  const views = buildClientViews(s, [...findings]);
  const counts = {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    notes: findings.filter((f) => f.severity === "info").length,
  };
  const failing = views.filter((view) => !view.connects && !pendingOnly(view));
  if (counts.errors > 0 || failing.length > 0) {
    const failingWho = [...new Set(failing.map((view) => WHO[view.location]))];
    return {
      status: "fails",
      headline: "Will not work as configured",
      detail:
        failingWho.length > 0
          ? `${capitalise(failingWho.join(" and "))} will not connect.`
          : `${counts.errors === 1 ? "A problem breaks" : "Problems break"} the install.`,
      reasons: findings.filter((f) => f.severity === "error").map((f) => f.message),
      counts,
    };
  }
  const pending = views.some((view) => !view.connects);
  const sentence = `${routesSentence(views)}.`;
  return {
    status: pending ? "after-install" : "connects",
    headline: pending
      ? "All clients will connect once install.sh has read the load balancer's address"
      : "All clients will connect",
    detail: capitalise(sentence),
    reasons: [],
    counts,
  };
}

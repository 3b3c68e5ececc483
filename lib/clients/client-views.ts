// What each kind of client sees when it connects (DESIGN.md section 6): its
// bootstrap address, the metadata response Bufstream returns to it, where its
// requests land, and whether each address resolves and is reachable from where
// it runs. Addresses come from the topology plan; failures point at the
// topology check's findings, so the panel and the check never disagree.
import { activeZones, clientLocations } from "../check/context";
import { groupBlock } from "../check/rules-access";
import { FINDING } from "../check/finding-ids";
import { hostPort, isClusterDnsName, isPlaceholderHost } from "../check/hosts";
import type { Finding } from "../check/types";
import { isIP } from "../scenario/names";
import type { Scenario } from "../scenario/schema";
import { groupTitle, inClusterGroups, outsideGroups, type ClientGroup } from "../topology/access";
import { buildTopologyPlan, type Endpoint, type ReleasePlan } from "../topology/plan";
import type { AddressVerdict, ClientView } from "./types";

type Location = ClientView["location"];

/**
 * Bufstream varies the letter case of in-cluster host names per metadata entry
 * so that clients open one connection per "broker" (domain 3, core behaviour):
 * `bufstream…`, `Bufstream…`, `bUfstream…`. The exact pattern is Bufstream's
 * own; this one (entry i upper-cases the letters at the set bits of i) gives
 * the same first entries and distinct names for every broker.
 */
export function caseVariant(host: string, index: number): string {
  let letter = 0;
  return [...host]
    .map((ch) => {
      if (!/[a-z]/i.test(ch)) return ch;
      const upper = letter < 31 && (index >> letter) & 1;
      letter += 1;
      return upper ? ch.toUpperCase() : ch.toLowerCase();
    })
    .join("");
}

/** The `client.id` for an application and zone: `<app>,zone=<z>` (domain 5: no spaces, one delimiter kind). */
export function clientIdFor(appName: string, zone: string | null): string {
  return [appName, zone === null ? "" : `zone=${zone}`].filter((part) => part !== "").join(",");
}

function verdict(
  s: Scenario,
  findings: Finding[],
  location: Location,
  endpoint: Endpoint,
  address: string,
): AddressVerdict {
  const found = (...ids: string[]) => findings.find((f) => ids.includes(f.id))?.id ?? null;
  const fail = (note: string, findingId: string | null, resolves = false): AddressVerdict => ({
    address,
    resolves,
    reachable: false,
    note,
    findingId,
  });
  const ok = (note: string): AddressVerdict => ({
    address,
    resolves: true,
    reachable: true,
    note,
    findingId: null,
  });
  const host = endpoint.host;
  if (!endpoint.known) {
    return fail(
      "Not known before install: install.sh reads the load balancer's address and upgrades the release.",
      found(FINDING.lbHostAfterInstall, FINDING.zoneHostsAfterInstall),
    );
  }
  if (isPlaceholderHost(host)) {
    return fail(
      `${host} is a placeholder: it points nowhere, or at the client itself.`,
      found(FINDING.lbHostPlaceholder),
    );
  }
  if (isClusterDnsName(host)) {
    if (location === "in-cluster") {
      return ok(
        s.exposure === "headless"
          ? "Resolves through the cluster DNS to the ready pods' IPs."
          : "Resolves through the cluster DNS to the Service.",
      );
    }
    if (s.exposure === "headless") {
      return fail(
        "Resolves only if the client's resolver forwards svc.cluster.local to the cluster DNS, and reaches only if pod IPs are routable from it.",
        found(FINDING.outsideClientsHeadless),
      );
    }
    return fail(
      "An in-cluster name: no resolver outside the cluster knows it.",
      found(
        FINDING.lbHostInClusterName,
        FINDING.outsideClientsClusterIp,
        FINDING.mixedClientsClusterIp,
      ),
    );
  }
  const staticIp = s.loadBalancer.staticIp;
  // AWS ignores the static IP (an NLB takes its subnets' addresses), as the check does.
  const usesStaticIp = s.loadBalancer.provider !== "aws";
  if (
    usesStaticIp &&
    activeZones(s).length === 0 &&
    staticIp !== "" &&
    isIP(host) &&
    host !== staticIp
  ) {
    return fail(
      `Nothing listens on ${host}: the load balancer has ${staticIp}.`,
      found(FINDING.lbHostNotStaticIp),
      true,
    );
  }
  const resolves = isIP(host) ? "An IP address" : "A DNS name";
  if (location === "in-cluster") {
    return ok(
      `${resolves} of the load balancer: traffic leaves the cluster and comes back through it.`,
    );
  }
  return ok(
    s.loadBalancer.scheme === "internal"
      ? `${resolves} of the internal load balancer: reachable from the cluster's VPC and peered networks.`
      : `${resolves} of the internet-facing load balancer.`,
  );
}

/**
 * The verdict for one client group: an address that would work is marked
 * blocked when the NetworkPolicy or the load balancer's source ranges stop the
 * group on its way there (the same rule the check reports, groupBlock).
 */
function groupVerdict(
  s: Scenario,
  findings: Finding[],
  location: Location,
  group: ClientGroup | null,
  endpoint: Endpoint,
  address: string,
): AddressVerdict {
  const base = verdict(s, findings, location, endpoint, address);
  if (group === null || !base.reachable) return base;
  const viaLb = s.exposure === "load-balancer" && !isClusterDnsName(endpoint.host);
  const block = groupBlock(s, group, viaLb);
  if (block === null) return base;
  return {
    ...base,
    reachable: false,
    note: block.note,
    findingId: findings.some((f) => f.id === block.findingId) ? block.findingId : null,
    blocked: true,
  };
}

/** One metadata entry per broker of each release, all with the release's advertised address. */
function metadataEntries(
  s: Scenario,
  findings: Finding[],
  location: Location,
  group: ClientGroup | null,
  releases: ReleasePlan[],
): AddressVerdict[] {
  return releases.flatMap((release) => {
    const { host, port, known } = release.advertised;
    const vary = known && isClusterDnsName(host);
    return Array.from({ length: release.replicas }, (_, i) =>
      groupVerdict(
        s,
        findings,
        location,
        group,
        release.advertised,
        hostPort(vary ? caseVariant(host, i) : host, port),
      ),
    );
  });
}

/**
 * The client groups views are split by: every group the scenario names once
 * who may connect matters (a NetworkPolicy, or source ranges on the load
 * balancer); else one unnamed group per location, as before.
 */
function viewGroups(s: Scenario, location: Location): Array<ClientGroup | null> {
  const judged =
    s.access.networkPolicy ||
    (s.exposure === "load-balancer" && s.access.loadBalancerSourceRanges.length > 0);
  if (!judged) return [null];
  if (location === "in-cluster") return inClusterGroups(s);
  const outside = outsideGroups(s);
  return outside.length === 1 && outside[0]?.cidr === null ? [outside[0]] : outside;
}

const LOCATION_TITLES: Record<Location, string> = {
  "in-cluster": "Clients in the cluster",
  "outside-cluster": "Clients outside the cluster",
};

export function buildClientViews(s: Scenario, findings: Finding[]): ClientView[] {
  const plan = buildTopologyPlan(s);
  const zones = activeZones(s);
  const app = s.clientKit.appName;
  const views: ClientView[] = [];
  for (const location of clientLocations(s) as Location[]) {
    const bootstrap = location === "in-cluster" ? plan.inClusterBootstrap : plan.outsideBootstrap;
    if (bootstrap === null) continue;
    const groups = viewGroups(s, location);
    groups.forEach((group, groupIndex) => {
      const named = group === null ? "" : groupTitle(group);
      const idPart = groups.length > 1 ? `-group-${groupIndex + 1}` : "";
      const view = (
        id: string,
        zone: string | null,
        title: string,
        releases: ReleasePlan[],
        landsIn: string,
      ): ClientView => {
        const bootstrapVerdict = groupVerdict(
          s,
          findings,
          location,
          group,
          bootstrap,
          hostPort(bootstrap.host, bootstrap.port),
        );
        const brokers = metadataEntries(s, findings, location, group, releases);
        const works = (v: AddressVerdict) => v.resolves && v.reachable;
        return {
          id: `${id}${idPart}`,
          location,
          zone,
          title: named === "" ? title : `${title} (${named})`,
          clientId: clientIdFor(app, zone),
          bootstrap,
          bootstrapVerdict,
          brokers,
          landsIn,
          connects: works(bootstrapVerdict) && brokers.every(works),
        };
      };
      const base = LOCATION_TITLES[location];
      if (zones.length === 0) {
        views.push(
          view(
            location,
            null,
            base,
            plan.releases,
            "Any broker: every broker serves every request.",
          ),
        );
        return;
      }
      const shared = findings.find((f) => f.id === FINDING.zonesDuplicateHost);
      for (const release of plan.releases) {
        const zone = release.zone ?? "";
        const sharesHost = shared?.fields.includes(`zones.hosts.${zone}`) ?? false;
        views.push(
          view(
            `${location}-${zone}`,
            zone,
            `${base}, zone ${zone}`,
            [release],
            sharesHost
              ? `Zone ${zone}'s brokers are listed, but their load balancer is shared with another zone, so connections may land in either.`
              : `Zone ${zone}'s brokers (${release.release}) only: the metadata lists no other zone.`,
          ),
        );
      }
      // [inferred] Clients without zone= get brokers chosen by kafka.zoneBalanceStrategy
      // (domain 3 S4); the exact selection is Bufstream's, so every zone is shown.
      views.push(
        view(
          `${location}-no-zone`,
          null,
          `${base}, no zone in client.id`,
          plan.releases,
          "Brokers in any zone, spread by kafka.zoneBalanceStrategy (BALANCE_STRATEGY_PARTITION by default): traffic crosses zones.",
        ),
      );
    });
  }
  return views;
}

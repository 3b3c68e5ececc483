// Small readings of a scenario that several rules share.
import { zoneHost } from "../scenario/zone-host";
import type { ClientLocation, Scenario } from "../scenario/schema";

export function hasInsideClients(s: Scenario): boolean {
  return s.clients === "in-cluster" || s.clients === "both";
}

export function hasOutsideClients(s: Scenario): boolean {
  return s.clients === "outside-cluster" || s.clients === "both";
}

/** The zones the plan builds releases for (none when zone-aware routing is off). */
export function activeZones(s: Scenario): string[] {
  return s.zones.enabled ? s.zones.names : [];
}

export function isLoadBalancer(s: Scenario): boolean {
  return s.exposure === "load-balancer";
}

/** A host the user typed that clients are handed or bootstrap from, with the form field it sits in. */
export interface HostField {
  field: string;
  host: string;
  zone: string | null;
}

/**
 * The load-balancer hosts the plan uses (lib/topology/plan.ts): the single
 * host, or each zone's host plus the cross-zone bootstrap name. Empty hosts and
 * hosts read after install are left out: there is nothing to judge yet.
 */
export function lbHostFields(s: Scenario): HostField[] {
  if (!isLoadBalancer(s) || s.loadBalancer.hostSource !== "known") return [];
  const zones = activeZones(s);
  if (zones.length === 0) {
    return s.loadBalancer.host === ""
      ? []
      : [{ field: "loadBalancer.host", host: s.loadBalancer.host, zone: null }];
  }
  const fields: HostField[] = zones
    .map((zone) => ({ field: `zones.hosts.${zone}`, host: zoneHost(s, zone), zone }))
    .filter((entry) => entry.host !== "");
  if (s.zones.bootstrapHost !== "") {
    fields.push({ field: "zones.bootstrapHost", host: s.zones.bootstrapHost, zone: null });
  }
  return fields;
}

export function clientLocations(s: Scenario): ClientLocation[] {
  const locations: ClientLocation[] = [];
  if (hasInsideClients(s)) locations.push("in-cluster");
  if (hasOutsideClients(s)) locations.push("outside-cluster");
  return locations;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

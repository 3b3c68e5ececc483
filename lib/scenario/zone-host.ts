import type { Scenario } from "./schema";

/**
 * The advertised host typed for one zone, or "". Zone names are user text and
 * may be `constructor` or `__proto__` (valid DNS labels), so only own keys of
 * the map count, never inherited ones.
 */
export function zoneHost(s: Pick<Scenario, "zones">, zone: string): string {
  return Object.hasOwn(s.zones.hosts, zone) ? (s.zones.hosts[zone] ?? "") : "";
}

// The manifest files of the bundle (DESIGN.md section 3).
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildRegionalService, type ServiceManifest } from "./service";

export function regionalServiceFileName(release: string): string {
  return `${release}-regional-service.yaml`;
}

/** The regional bootstrap Service of a zone-aware scenario, or null when there is none. */
export function buildRegionalServiceManifest(s: Scenario): ServiceManifest | null {
  const name = buildTopologyPlan(s).regionalService;
  return name === null ? null : buildRegionalService(name, s.release.namespace, s.cluster);
}

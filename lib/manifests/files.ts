// The manifest files of the bundle (DESIGN.md section 3).
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildHeadlessService, buildRegionalService, type ServiceManifest } from "./service";

export function regionalServiceFileName(release: string): string {
  return `${release}-regional-service.yaml`;
}

/** The regional bootstrap Service of a zone-aware scenario, or null when there is none. */
export function buildRegionalServiceManifest(s: Scenario): ServiceManifest | null {
  const name = buildTopologyPlan(s).regionalService;
  return name === null ? null : buildRegionalService(name, s.release.namespace, s.cluster);
}

export function headlessServiceFileName(release: string): string {
  return `${release}-headless-service.yaml`;
}

/**
 * The headless Services as a manifest of their own, for an existing release
 * only (a new install ships them in `extraObjects`, lib/values/build-values.ts):
 * one per release, each over that release's pods. Empty when there are none.
 */
export function buildHeadlessServiceManifests(s: Scenario): ServiceManifest[] {
  if (s.install !== "existing") return [];
  return buildTopologyPlan(s).releases.flatMap((r) =>
    r.headlessService === null
      ? []
      : [
          buildHeadlessService(
            r.headlessService,
            s.release.namespace,
            s.cluster,
            r.zone === null ? null : r.release,
          ),
        ],
  );
}

import { checkTopology } from "@/lib/check/check-topology";
import { buildTopologyDiagram } from "@/lib/diagram/build-diagram";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";

/** The Mermaid text the page draws for the default scenario (what the prerender draws). */
export function defaultTopologyText(): string {
  return buildTopologyDiagram(DEFAULT_SCENARIO, checkTopology(DEFAULT_SCENARIO));
}

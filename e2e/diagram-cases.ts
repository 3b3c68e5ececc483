// The topologies the label-fit test and the benchmark draw: every preset, and
// the failing states of lib/diagram's fixtures (the page computes their
// findings itself). Each opens through a share link, as a user's would.
import { EXTRA_FIXTURES } from "../lib/diagram/test-fixtures";
import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { PRESETS } from "../lib/scenario/presets";
import type { Scenario } from "../lib/scenario/schema";
import { encodeScenario } from "../lib/share/codec";

export interface DiagramCase {
  id: string;
  scenario: Scenario;
  /** The link's fragment (without `#`). */
  fragment: string;
  /** The default answers show the build-time image; everything else mermaid's drawing. */
  prerendered: boolean;
  /** Zones in the user's order (empty when not zone-aware). */
  zones: string[];
  /** Presets must read at 11 px or more as shown by default. */
  preset: boolean;
}

function diagramCase(id: string, scenario: Scenario, preset: boolean): DiagramCase {
  return {
    id,
    scenario,
    fragment: encodeScenario(scenario),
    prerendered: JSON.stringify(scenario) === JSON.stringify(DEFAULT_SCENARIO),
    zones: scenario.zones.enabled ? scenario.zones.names : [],
    preset,
  };
}

export const DIAGRAM_CASES: DiagramCase[] = [
  ...PRESETS.map((preset) => diagramCase(preset.id, preset.scenario, true)),
  ...EXTRA_FIXTURES.filter((fixture) => fixture.name.startsWith("failing-")).map((fixture) =>
    diagramCase(fixture.name, fixture.scenario, false),
  ),
];

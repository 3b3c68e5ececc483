// Hostile scenarios through the generators (issue 17): every values file and
// manifest must parse back to exactly the object it was rendered from, and the
// hostile text a field took must arrive in the values unchanged.
import { buildBundle } from "../../lib/bundle/build-bundle";
import { buildRegionalServiceManifest } from "../../lib/manifests/files";
import { buildValues } from "../../lib/values/build-values";
import { parseYaml } from "../../lib/values/render-yaml";
import { jsonEqual } from "../../lib/share/json";
import type { HostileScenario } from "./scenarios";

export interface ValuesCounts {
  scenarios: number;
  /** Values files and manifests parsed back. */
  files: number;
  /** Files whose text the hostile value changed (the rest equal their base's). */
  filesWithHostileText: number;
  parseErrors: number;
  /** Files that parsed to something other than the object rendered. */
  changedValues: number;
  /** Scenarios whose hostile text is in the values as one whole string. */
  textIntact: number;
  failures: string[];
}

function strings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) strings(item, into);
  }
  return into;
}

export function runValuesCorpus(scenarios: readonly HostileScenario[]): ValuesCounts {
  const counts: ValuesCounts = {
    scenarios: 0,
    files: 0,
    filesWithHostileText: 0,
    parseErrors: 0,
    changedValues: 0,
    textIntact: 0,
    failures: [],
  };
  const fail = (line: string) => {
    if (counts.failures.length < 50) counts.failures.push(line);
  };
  for (const { name, scenario, text } of scenarios) {
    counts.scenarios++;
    const files = new Map(
      buildBundle(scenario, { generatorVersion: "attack", shareLink: null }).map((f) => [
        f.name,
        f.content,
      ]),
    );
    const values = buildValues(scenario);
    const expected: Array<[string, unknown]> = [
      ...[values.shared, ...values.zones].map(
        (file) => [file.name, file.values] as [string, unknown],
      ),
    ];
    const regional = buildRegionalServiceManifest(scenario);
    if (regional !== null)
      expected.push([`${scenario.release.name}-regional-service.yaml`, regional]);
    let intact = false;
    for (const [fileName, object] of expected) {
      const content = files.get(fileName);
      counts.files++;
      if (content === undefined) {
        fail(`${name}: ${fileName} is missing from the bundle`);
        continue;
      }
      if (content.includes(text) || strings(object).has(text)) counts.filesWithHostileText++;
      let parsed: unknown;
      try {
        parsed = parseYaml(content);
      } catch (error) {
        counts.parseErrors++;
        fail(`${name}: ${fileName} does not parse: ${String(error).slice(0, 200)}`);
        continue;
      }
      if (!jsonEqual(JSON.parse(JSON.stringify(parsed)), JSON.parse(JSON.stringify(object)))) {
        counts.changedValues++;
        fail(`${name}: ${fileName} parses to other values than were rendered`);
      }
      if (strings(parsed).has(text)) intact = true;
    }
    if (intact) counts.textIntact++;
  }
  return counts;
}

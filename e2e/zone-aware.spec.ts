// Issue 3: zone-aware with one NLB per zone; each zone advertises its own host.
import { findPreset } from "../lib/scenario/presets";
import { at, parseValues, unzipBundle } from "./files";
import { expect, test } from "./fixtures";

const preset = findPreset("zone-aware-per-zone-nlbs");

test("zone-aware preset with per-zone load balancers: zone subgraphs and per-zone values", async ({
  wizard,
}) => {
  if (!preset) throw new Error("preset zone-aware-per-zone-nlbs is missing");
  const { names: zones, hosts } = preset.scenario.zones;
  expect(zones).toHaveLength(3);
  const release = preset.scenario.release.name;

  await wizard.open();
  await wizard.loadPreset(preset.title);

  // One subgraph per zone in the drawn SVG.
  const svg = await wizard.diagramSvg();
  for (const zone of zones) {
    await expect(
      svg.locator("g.cluster").filter({ hasText: new RegExp(`^\\s*zone ${zone}\\s*$`) }),
    ).toHaveCount(1);
  }

  // Download all: every per-zone values file advertises its own zone's host, and only that one.
  const { name, bytes } = await wizard.download(wizard.downloadAllButton);
  expect(name).toBe(`${release}-bundle.zip`);
  const files = unzipBundle(bytes, "bufstream-bundle");
  expect([...files.keys()]).toEqual(
    expect.arrayContaining([`${release}-values.yaml`, "install.sh", "topology.mmd", "README.md"]),
  );
  for (const zone of zones) {
    const file = files.get(`${release}-${zone}-values.yaml`);
    if (!file) throw new Error(`${release}-${zone}-values.yaml is missing from the zip`);
    const text = file.toString("utf8");
    expect(at(parseValues(text), "kafka", "publicAddress", "host")).toBe(hosts[zone]);
    for (const other of zones.filter((z) => z !== zone)) {
      expect(text).not.toContain(hosts[other]);
    }
  }
});

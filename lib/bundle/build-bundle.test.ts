import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHeadlessServiceManifests, buildRegionalServiceManifest } from "../manifests/files";
import { buildMonitorManifests } from "../manifests/monitor";
import { buildNetworkPolicies } from "../manifests/network-policy";
import { buildEtcdValues } from "../platform/metadata";
import { PRESETS } from "../scenario/presets";
import { ScenarioSchema, type Scenario } from "../scenario/schema";
import { GENERATOR_VERSION } from "../version";
import { buildValues } from "../values/build-values";
import { parseYaml, parseYamlDocuments } from "../values/render-yaml";
import { arbitraryScenario } from "./arbitrary-scenario";
import { buildBundle, INSTALL_SCRIPT, README_FILE, TOPOLOGY_FILE } from "./build-bundle";
import { bashSyntax, hasShellcheck, hasYamllint, shellcheck, yamllint } from "./linters";
import type { BundleContext, BundleFile } from "./types";

const GOLDEN_DIR = join(__dirname, "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
/** topology.mmd has its own goldens in lib/diagram; the rest of the bundle is pinned here. */
const GOLDEN_SKIP = new Set([TOPOLOGY_FILE]);

const context = (id: string): BundleContext => ({
  generatorVersion: GENERATOR_VERSION,
  shareLink: `https://bufstream-wizard.example/#preset=${id}`,
});

function expectedFileNames(s: Scenario): string[] {
  const zones = s.zones.enabled ? s.zones.names : [];
  return [
    `${s.release.name}-values.yaml`,
    ...zones.map((zone) => `${s.release.name}-${zone}-values.yaml`),
    // The regional ClusterIP Service is in-cluster clients' bootstrap; per-zone
    // load balancers serving only outside clients have none (domain 3 S4/S5).
    ...(zones.length > 0 && (s.exposure !== "load-balancer" || s.clients !== "outside-cluster")
      ? [`${s.release.name}-regional-service.yaml`]
      : []),
    // On an existing release the headless Service is its own manifest (extraObjects
    // would replace the release's own list); a new install ships it in the values.
    ...(s.exposure === "headless" && s.install === "existing"
      ? [`${s.release.name}-headless-service.yaml`]
      : []),
    // The etcd chart's values, when install.sh installs etcd first.
    ...(s.valuesScope === "complete" &&
    s.metadata.use === "etcd" &&
    s.metadata.etcd.source === "install"
      ? [`${s.release.name}-etcd-values.yaml`]
      : []),
    // Who may connect and monitoring (issue 16), applied after the release.
    ...(s.access.networkPolicy ? [`${s.release.name}-network-policies.yaml`] : []),
    ...(s.monitoring.prometheusOperator !== "none" &&
    (s.observability.metrics === "PROMETHEUS" || s.valuesScope === "networking")
      ? [`${s.release.name}-monitoring.yaml`]
      : []),
    INSTALL_SCRIPT,
    TOPOLOGY_FILE,
    README_FILE,
  ];
}

/** Every YAML file of a bundle parses back to the object it was rendered from. */
function expectYamlRoundTrips(s: Scenario, files: BundleFile[]): void {
  const byName = new Map(files.map((f) => [f.name, f.content]));
  const values = buildValues(s);
  for (const file of [values.shared, ...values.zones]) {
    expect(parseYaml(byName.get(file.name) ?? "")).toEqual(file.values);
  }
  const regional = buildRegionalServiceManifest(s);
  if (regional !== null) {
    expect(parseYaml(byName.get(`${s.release.name}-regional-service.yaml`) ?? "")).toEqual(
      regional,
    );
  }
  const headless = buildHeadlessServiceManifests(s);
  if (headless.length > 0) {
    expect(parseYamlDocuments(byName.get(`${s.release.name}-headless-service.yaml`) ?? "")).toEqual(
      headless,
    );
  }
  for (const [file, objects] of [
    [`${s.release.name}-network-policies.yaml`, buildNetworkPolicies(s)],
    [`${s.release.name}-monitoring.yaml`, buildMonitorManifests(s)],
  ] as const) {
    if (objects.length > 0) expect(parseYamlDocuments(byName.get(file) ?? "")).toEqual(objects);
  }
  const etcd = byName.get(`${s.release.name}-etcd-values.yaml`);
  if (etcd !== undefined) expect(parseYaml(etcd)).toEqual(buildEtcdValues());
}

describe.each(PRESETS.map((p) => [p.id, p] as const))("bundle of preset %s", (id, preset) => {
  const files = buildBundle(preset.scenario, context(id));

  it("has the files of DESIGN.md section 3, in order", () => {
    expect(files.map((f) => f.name)).toEqual(expectedFileNames(preset.scenario));
  });

  it("matches the golden files", () => {
    const dir = join(GOLDEN_DIR, id);
    if (UPDATE) mkdirSync(dir, { recursive: true });
    for (const file of files.filter((f) => !GOLDEN_SKIP.has(f.name))) {
      const path = join(dir, file.name);
      if (UPDATE) writeFileSync(path, file.content);
      expect(existsSync(path), `missing golden ${path}; run UPDATE_GOLDEN=1`).toBe(true);
      expect(file.content).toBe(readFileSync(path, "utf8"));
    }
  });

  it("YAML parses back to exactly the values and manifest objects", () => {
    expectYamlRoundTrips(preset.scenario, files);
  });

  it("every file starts with provenance naming the generator, chart version and link", () => {
    for (const file of files) {
      const head = file.content.split("\n").slice(0, 4).join("\n");
      expect(head).toContain(`bufstream-wizard ${GENERATOR_VERSION}`);
      expect(head).toContain(preset.scenario.release.chartVersion);
      expect(head).toContain(context(id).shareLink ?? "");
    }
  });

  it("is deterministic", () => {
    expect(buildBundle(preset.scenario, context(id))).toEqual(files);
  });
});

describe("bundle files of every preset", () => {
  const all = PRESETS.flatMap((p) =>
    buildBundle(p.scenario, context(p.id)).map((f) => ({ ...f, name: `${p.id}-${f.name}` })),
  );

  it("pass yamllint", () => {
    if (!hasYamllint()) {
      console.warn("yamllint is not installed (/usr/bin/yamllint): skipping; .ci/run installs it.");
      return;
    }
    const result = yamllint(all.filter((f) => f.name.endsWith(".yaml")));
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("README and install.sh never carry a load-balancer placeholder into a values file", () => {
    for (const file of all.filter((f) => f.kind === "values")) {
      expect(file.content).not.toMatch(/after install\)|LOAD_BALANCER_ADDRESS/);
    }
  });

  it("without a share link, no file mentions one", () => {
    const s = PRESETS[0]?.scenario as Scenario;
    for (const file of buildBundle(s, { generatorVersion: "9.9.9", shareLink: null })) {
      expect(file.content).not.toContain("Scenario: ");
      expect(file.content).toContain("bufstream-wizard 9.9.9");
    }
  });
});

describe("any valid scenario (property)", () => {
  it("the bundle generates, YAML round-trips, install.sh passes bash -n (and shellcheck)", () => {
    const scripts: string[] = [];
    const yamlFiles: Array<{ name: string; content: string }> = [];
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        expect(ScenarioSchema.safeParse(s).success).toBe(true);
        const files = buildBundle(s, { generatorVersion: GENERATOR_VERSION, shareLink: null });
        expect(files.map((f) => f.name)).toEqual(expectedFileNames(s));
        expectYamlRoundTrips(s, files);
        const script = files.find((f) => f.name === INSTALL_SCRIPT)?.content ?? "";
        const syntax = bashSyntax(script);
        expect(syntax.output).toBe("");
        expect(syntax.ok).toBe(true);
        scripts.push(script);
        yamlFiles.push(
          ...files
            .filter((f) => f.name.endsWith(".yaml"))
            .map((f) => ({ ...f, name: `${yamlFiles.length}-${f.name}` })),
        );
      }),
      { numRuns: 40 },
    );
    // One shellcheck/yamllint run over everything the property produced (2 shared cores).
    if (hasShellcheck()) {
      const combined = scripts
        .map((script, i) => `run_${i}() {\n${script.replace(/^#!.*\n/, "")}\n}`)
        .join("\n");
      const result = shellcheck(`#!/usr/bin/env bash\n${combined}\n`);
      expect(result.output).toBe("");
    } else {
      console.warn(
        "shellcheck is not installed (/usr/bin/shellcheck): skipping; .ci/run installs it.",
      );
    }
    if (hasYamllint()) {
      const result = yamllint(yamlFiles);
      expect(result.output).toBe("");
    }
  }, 180_000);
});

/** The fenced sh blocks of one README section, in order. */
function shBlocks(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  const end = readme.indexOf("\n## ", start + heading.length + 2);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
}

const withPreset = (id: string, edit: (s: Scenario) => Scenario): Scenario => {
  const found = PRESETS.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return ScenarioSchema.parse(edit(found.scenario));
};

describe('README "How to verify" snippets run when pasted on their own', () => {
  const afterInstallZonal = withPreset("zone-aware-per-zone-nlbs", (s) => ({
    ...s,
    loadBalancer: { ...s.loadBalancer, hostSource: "after-install" },
  }));
  const cases = [
    ...PRESETS.map((p) => [p.id, p.scenario] as const),
    ["zone-aware-per-zone-nlbs, address after install", afterInstallZonal] as const,
  ];

  it.each(cases)("%s", (_id, s) => {
    const readme = buildBundle(s, context("x")).find((f) => f.name === README_FILE)?.content ?? "";
    const snippets = shBlocks(readme, "## How to verify");
    expect(snippets.length).toBeGreaterThan(0);
    // kubectl answers every load-balancer query with an address; everything else is a no-op.
    const stub = `kubectl() { if [[ "$*" == *jsonpath* ]]; then echo lb.acme.io; fi; }`;
    const result = spawnSync(
      "bash",
      ["--norc", "--noprofile", "-euo", "pipefail", "-c", `${stub}\n${snippets}`],
      { encoding: "utf8", env: { NODE_ENV: "test", PATH: "/usr/bin:/bin" } },
    );
    expect(result.stderr).not.toContain("command not found");
    expect(result.status).toBe(0);
  });
});

describe("the regional Service is the in-cluster bootstrap (domain 3 S4/S5, open question 5)", () => {
  const file = "bufstream-regional-service.yaml";
  it.each([
    ["outside-cluster", false],
    ["both", true],
    ["in-cluster", true],
  ] as const)("per-zone load balancers, clients %s: regional Service %s", (clients, present) => {
    const s = withPreset("zone-aware-per-zone-nlbs", (x) => ({ ...x, clients }));
    const files = buildBundle(s, context("x"));
    expect(files.some((f) => f.name === file)).toBe(present);
    const script = files.find((f) => f.name === INSTALL_SCRIPT)?.content ?? "";
    expect(script.includes(`-f ${file}`)).toBe(present);
    const readme = files.find((f) => f.name === README_FILE)?.content ?? "";
    expect(readme.includes("Clients in the cluster bootstrap from the regional Service")).toBe(
      present,
    );
    if (clients !== "in-cluster") {
      expect(readme).toContain(
        "Clients outside the cluster bootstrap from `bufstream.kafka.internal`, the address you entered: you create it",
      );
    }
    expect(readme).not.toContain("not created by the chart");
  });
});

// The complete-install presets (issue 6, "Done when"): each is valid, its
// platform values and steps match the golden files a reviewer reads, every
// values file uses only documented chart keys, install.sh passes shellcheck,
// and the values hold what domain 1.2 says a working install needs.
// Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run lib/platform`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bashSyntax, shellcheck, yamllint } from "../bundle/linters";
import { buildCommands } from "../commands/build-commands";
import { renderScript } from "../commands/render-script";
import { undocumentedKeys } from "../scenario/chart-keys";
import { PRESETS } from "../scenario/presets";
import { ScenarioSchema, type Scenario } from "../scenario/schema";
import { buildValues } from "../values/build-values";
import { renderYaml } from "../values/render-yaml";
import { buildPlatformSteps, buildPlatformValues } from "./index";
import { PLATFORM_PRESETS } from "./presets";

const GOLDEN_DIR = join(import.meta.dirname, "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function golden(name: string, actual: string): string {
  const file = join(GOLDEN_DIR, name);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`Missing golden file ${file}: run with UPDATE_GOLDEN=1`);
  return readFileSync(file, "utf8");
}

const header = (id: string) => `Platform fragment of preset ${id} (lib/platform/presets.ts).`;

function at(values: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      values,
    );
}

const cases = PLATFORM_PRESETS.map((preset) => [preset.id, preset.scenario] as const);

describe("complete-install presets", () => {
  it("are listed in PRESETS, one per cloud", () => {
    const ids = PRESETS.map((preset) => preset.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "eks-s3-postgres",
        "gke-gcs-spanner",
        "aks-blob-postgres",
        "eks-complete-network-policies",
        "gke-complete-network-policies",
        "aks-complete-network-policies",
      ]),
    );
    // The complete installs, then the same with network policies (issue 16).
    expect(PLATFORM_PRESETS.map((p) => p.scenario.loadBalancer.provider)).toEqual([
      "aws",
      "gcp",
      "azure",
      "aws",
      "gcp",
      "azure",
    ]);
    expect(PLATFORM_PRESETS.map((p) => p.scenario.access.networkPolicy)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it.each(cases)("%s is a valid complete scenario", (_id, scenario) => {
    const result = ScenarioSchema.safeParse(scenario);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(scenario.valuesScope).toBe("complete");
  });

  it.each(cases)("%s: platform values match the golden file", (id, scenario) => {
    const yaml = renderYaml(buildPlatformValues(scenario), header(id));
    expect(yaml).toBe(golden(`${id}.platform-values.yaml`, yaml));
  });

  it.each(cases)("%s: platform steps match the golden file", (id, scenario) => {
    const script = renderScript(buildPlatformSteps(scenario), header(id));
    expect(script).toBe(golden(`${id}.platform-steps.sh`, script));
  });

  it.each(cases)("%s: every values file uses only documented chart keys", (_id, scenario) => {
    const files = buildValues(scenario);
    for (const file of [files.shared, ...files.zones]) {
      expect(undocumentedKeys(file.values), file.name).toEqual([]);
    }
  });

  it.each(cases)("%s: holds what a working install needs (domain 1.2)", (_id, scenario) => {
    const values = buildValues(scenario).shared.values;
    const use = at(values, "storage.use");
    expect(use).toBe(scenario.storage.use);
    expect(at(values, `storage.${String(use)}.bucket`)).toBe(scenario.storage.bucket);
    if (use === "s3") expect(at(values, "storage.s3.region")).not.toBe("");
    if (use === "azure") expect(at(values, "storage.azure.endpoint")).toMatch(/^https:\/\//);
    expect(at(values, "metadata.use")).toBe(scenario.metadata.use);
    if (scenario.metadata.use === "postgres") {
      expect(at(values, "metadata.postgres.secretName")).toBe("bufstream-postgres");
    }
    if (scenario.metadata.use === "spanner") {
      expect(at(values, "metadata.spanner.projectId")).not.toBe("");
      expect(at(values, "metadata.spanner.instanceId")).not.toBe("");
    }
    // Credentials: an identity annotation, or an EKS Pod Identity association in install.sh.
    const annotations = at(values, "bufstream.serviceAccount.annotations");
    const script = renderScript(buildCommands(scenario), "");
    if (scenario.identity.method === "eks-pod-identity") {
      expect(script).toContain("aws eks create-pod-identity-association");
    } else {
      expect(Object.keys(annotations as object).length).toBeGreaterThan(0);
    }
    expect(at(values, "observability.metrics.exporterType")).toBe("PROMETHEUS");
  });

  it.each(cases)("%s: install.sh passes bash -n and shellcheck", (_id, scenario) => {
    const script = renderScript(buildCommands(scenario), "install.sh for a platform preset");
    expect(bashSyntax(script)).toEqual({ ok: true, output: "" });
    expect(shellcheck(script)).toEqual({ ok: true, output: "" });
  });

  it("golden values pass yamllint", () => {
    const files = cases.map(([id, scenario]: readonly [string, Scenario]) => ({
      name: `${id}.yaml`,
      content: renderYaml(buildPlatformValues(scenario), header(id)),
    }));
    expect(yamllint(files)).toEqual({ ok: true, output: "" });
  });
});

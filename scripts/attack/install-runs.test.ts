// The attack run's install.sh detector must see what it is there to see: a
// word run as a command (the canary), a command nobody stubbed, the arguments
// each stub was given. Planted scripts stand in for a generator that forgot to
// quote.
import { afterAll, describe, expect, it } from "vitest";

import { PRESETS } from "../../lib/scenario/presets";
import { makeStubs, runInstallCorpus, runInstallScript } from "./install-runs";
import { SHELL_STRINGS, hostileScenarios } from "./scenarios";

const stubs = makeStubs();
afterAll(() => stubs.remove());
const script = (body: string) => [
  { name: "install.sh", content: `#!/usr/bin/env bash\nset -euo pipefail\n${body}\n` },
];

describe("runInstallScript", () => {
  it("catches an unquoted value that runs the canary", () => {
    const run = runInstallScript(script("helm install x --set a=$(pwned)"), stubs.dir);
    expect(run.injected).toBe(true);
    expect(run.calls).toEqual([["helm", "install", "x", "--set", "a="]]);
  });

  it("passes a quoted value through whole, and runs nothing", () => {
    const run = runInstallScript(script("helm install x --set 'a=$(pwned)'"), stubs.dir);
    expect(run).toMatchObject({ injected: false, ok: true });
    expect(run.calls).toEqual([["helm", "install", "x", "--set", "a=$(pwned)"]]);
  });

  it("fails a run that calls a command nobody stubbed or allowed", () => {
    const run = runInstallScript(script("reboot"), stubs.dir);
    expect(run.ok).toBe(false);
    expect(run.output).toMatch(/reboot: command not found/);
  });

  it("answers load balancer queries, so a preset's script runs to its end", () => {
    const preset = PRESETS.find((p) => p.scenario.loadBalancer.hostSource === "after-install");
    expect(preset).toBeDefined();
    const counts = runInstallCorpus([
      { name: "preset", scenario: preset!.scenario, text: "", field: "" },
    ]);
    expect(counts).toMatchObject({ runs: 1, injected: 0, failed: 0 });
  });
});

describe("the shell-hostile scenarios", () => {
  it("reach install.sh through fields with a format, and run nothing", () => {
    const { accepted } = hostileScenarios(SHELL_STRINGS.slice(-12));
    const reaching = accepted.filter(
      (s) => s.field === "identity.azureResourceGroup" && s.name.startsWith("aks-blob-postgres:"),
    );
    expect(reaching.length).toBeGreaterThan(0);
    const counts = runInstallCorpus(reaching.slice(0, 6));
    expect(counts.injected).toBe(0);
    expect(counts.failed).toBe(0);
    expect(counts.textReachedCommands).toBeGreaterThan(0);
  });
});

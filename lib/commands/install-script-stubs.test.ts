// install.sh, run for real against a pretend cluster (testing/stub-cluster.ts):
// for every preset, as an update of a release that exists and as a new
// install, the exact helm argv, and the values Helm would hand the chart
// (testing/helm-merge.ts, Helm's own layering rules). An existing release
// keeps every key of its values that the bundle does not set; a new install
// gets a bucket and a metadata store, or the wizard reports an error first and
// the script changes nothing. Files the script writes next to itself are the
// only side effect.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildBundle, INSTALL_SCRIPT } from "../bundle/build-bundle";
import { buildNetworkPolicies } from "../manifests/network-policy";
import { checkTopology } from "../check/check-topology";
import { FINDING } from "../check/finding-ids";
import { etcdReleaseName, installsEtcd } from "../platform/metadata";
import { SECRET_INPUTS } from "../platform/secret-inputs";
import { LEGACY_CHART } from "../scenario/defaults";
import { PRESETS } from "../scenario/presets";
import { ScenarioSchema, type InstallMode, type Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { parseYaml, renderYaml } from "../values/render-yaml";
import { helmUserValues, leafPaths, valueAt, type Values } from "./testing/helm-merge";
import {
  makeStubCluster,
  runWithStubs,
  type StubCall,
  type StubCluster,
} from "./testing/stub-cluster";

/**
 * What a release installed some time ago (by hand or Buf's Terraform) might
 * have as user-supplied values: storage, metadata, a workload-identity
 * annotation, resources, and keys the wizard never writes (tolerations, a
 * PodDisruptionBudget, pull secrets, an extra object, config overrides).
 */
function existingValues(release: string, zone: string | null): Values {
  return {
    cluster: "bufstream",
    ...(zone === null ? {} : { nameOverride: release, zone }),
    imagePullSecrets: [{ name: "regcred" }],
    kafka: {
      numPartitions: 12,
      publicAddress: { host: "kafka-old.acme.internal", port: 9092 },
    },
    storage: {
      use: "s3",
      s3: { bucket: "acme-bufstream-prod", region: "us-east-1", prefix: "kafka/" },
    },
    metadata: {
      use: "postgres",
      postgres: { secretName: "bufstream-postgres", pool: { maxConnections: 40 } },
    },
    observability: { metrics: { exporterType: "PROMETHEUS" } },
    bufstream: {
      serviceAccount: {
        ...(zone === null ? {} : { name: `bufstream-service-account-${zone}` }),
        annotations: {
          "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/bufstream-prod",
        },
      },
      deployment: {
        replicaCount: 6,
        resources: { requests: { cpu: "4", memory: "16Gi" }, limits: { memory: "16Gi" } },
        podAnnotations: { "acme.io/team": "streaming" },
        tolerations: [
          { key: "dedicated", operator: "Equal", value: "kafka", effect: "NoSchedule" },
        ],
      },
      podDisruptionBudget: { enabled: true, maxUnavailable: "1" },
    },
    configOverrides: { intake: { delay_max: "50ms" } },
    extraObjects: [
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: release },
        spec: { selector: { matchLabels: { "bufstream.buf.build/cluster": "bufstream" } } },
      },
    ],
  };
}

/** Keys of existingValues() no bundle may change: the wizard has no question about them. */
const NEVER_OURS = [
  "imagePullSecrets",
  "extraObjects",
  "configOverrides",
  "kafka.numPartitions",
  "bufstream.deployment.tolerations",
  "bufstream.podDisruptionBudget",
  "metadata.postgres.pool",
];

/** The lists a bundle writes, each an answer of the wizard's (TLS, SASL, etcd, zone placement). */
const OUR_LISTS = [
  "kafka.tlsCertificateSecrets",
  "kafka.authentication.sasl.plain.credentialsSecrets",
  "metadata.etcd.addresses",
  "bufstream.deployment.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
];

/** Secrets and file paths install.sh may read; file paths are relative to where it is run from. */
function secretEnv(caller: string): Record<string, string> {
  const env: Record<string, string> = { AKS_OIDC_ISSUER: "https://oidc.example/issuer" };
  mkdirSync(join(caller, "secrets"), { recursive: true });
  for (const input of Object.values(SECRET_INPUTS)) {
    if (input.kind === "file") {
      const file = join("secrets", `${input.env.toLowerCase()}.pem`);
      writeFileSync(join(caller, file), "stub\n");
      env[input.env] = file;
    } else {
      env[input.env] = `value-of-${input.env}`;
    }
  }
  return env;
}

interface Run {
  s: Scenario;
  dir: string;
  caller: string;
  cluster: StubCluster;
  status: number | null;
  stdout: string;
  stderr: string;
  calls: StubCall[];
}

let temp = "";
let clusters: StubCluster[] = [];
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), "install-stubs-"));
  clusters = [];
});
afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
  for (const cluster of clusters) cluster.remove();
});

const git = (cwd: string, ...args: string[]) =>
  spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
  });

/** Writes the bundle into a git repository, runs install.sh from a sibling directory. */
function run(
  s: Scenario,
  options: { exists: boolean; env?: Record<string, string>; helmDiff?: boolean; name?: string },
): Run {
  const root = join(temp, options.name ?? "run");
  const dir = join(root, "bundle");
  const caller = join(root, "caller");
  mkdirSync(dir, { recursive: true });
  mkdirSync(caller, { recursive: true });
  for (const file of buildBundle(s, { generatorVersion: "test", shareLink: null })) {
    writeFileSync(join(dir, file.name), file.content);
  }
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "-c", "user.email=t@example", "-c", "user.name=t", "commit", "-qm", "bundle");
  const cluster = makeStubCluster();
  clusters.push(cluster);
  if (options.exists) {
    for (const r of buildTopologyPlan(s).releases) {
      cluster.addRelease(r.release, renderYaml(existingValues(r.release, r.zone), ""));
    }
  }
  const env = {
    ...secretEnv(caller),
    ...(s.exposure === "load-balancer" ? { STUB_LB: "1" } : {}),
    ...(options.helmDiff === true ? { STUB_HELM_DIFF: "1" } : {}),
    ...options.env,
  };
  const result = runWithStubs(cluster, join("..", "bundle", INSTALL_SCRIPT), caller, env);
  return { s, dir, caller, cluster, ...result, calls: cluster.calls() };
}

const helmCalls = (r: Run) => r.calls.filter((c) => c.tool === "helm").map((c) => c.args);

/** Calls that change something: anything but reading. */
function mutating(r: Run): StubCall[] {
  return r.calls.filter(
    (c) =>
      !(
        (c.tool === "helm" &&
          ["status", "get", "list", "diff", "history"].includes(c.args[0] ?? "")) ||
        (c.tool === "helm" && c.args[0] === "diff") ||
        (c.tool === "kubectl" && ["get"].includes(c.args[0] ?? ""))
      ),
  );
}

/** The helm calls install.sh must make, written from the install flow, not from the generator. */
function expectedHelmArgv(s: Scenario, mode: InstallMode): string[][] {
  const plan = buildTopologyPlan(s);
  const ns = s.release.namespace;
  const releases = plan.releases.map((r) => r.release);
  const calls: string[][] = [];
  if (mode === "existing") {
    if (releases.length === 1) {
      calls.push(["status", releases[0] ?? "", "--namespace", ns]);
      calls.push(["get", "values", releases[0] ?? "", "--namespace", ns, "--output", "yaml"]);
    } else {
      for (const r of releases) calls.push(["status", r, "--namespace", ns]);
      for (const r of releases)
        calls.push(["get", "values", r, "--namespace", ns, "--output", "yaml"]);
    }
  }
  if (mode === "new" && s.valuesScope === "complete") {
    // The new-install guard: no release yet, so no history is read.
    for (const r of releases) calls.push(["status", r, "--namespace", ns]);
  }
  calls.push(["diff", "version"]);
  if (installsEtcd(s)) {
    const etcd = etcdReleaseName(s);
    calls.push(["list", "--namespace", ns, "--deployed", "--short", "--filter", `^${etcd}$`]);
    calls.push([
      "upgrade",
      "--install",
      etcd,
      "oci://registry-1.docker.io/bitnamicharts/etcd",
      "--namespace",
      ns,
      "--values",
      `${etcd}-values.yaml`,
      "--wait",
    ]);
  }
  const upgrade = (r: string, zone: string | null, sets: string[]) => [
    "upgrade",
    "--install",
    r,
    s.release.chart,
    "--version",
    s.release.chartVersion,
    "--namespace",
    ns,
    ...(mode === "existing" ? ["--values", `${r}-current-values.yaml`] : []),
    "--values",
    `${s.release.name}-values.yaml`,
    ...(zone === null ? [] : ["--values", `${s.release.name}-${zone}-values.yaml`]),
    ...sets,
    ...(mode === "new" && s.valuesScope === "complete"
      ? ["--description", "bufstream-wizard new install"]
      : []),
    "--wait",
  ];
  const afterInstall =
    s.exposure === "load-balancer" && s.loadBalancer.hostSource === "after-install";
  for (const r of plan.releases) calls.push(upgrade(r.release, r.zone, []));
  if (afterInstall) {
    for (const r of plan.releases) {
      calls.push(
        upgrade(r.release, r.zone, [
          "--set-string",
          `kafka.publicAddress.host=${r.release}.lb.example`,
          "--set",
          `kafka.publicAddress.port=${s.loadBalancer.port}`,
        ]),
      );
    }
  }
  return calls;
}

/** The values Helm would hand the chart for one `helm upgrade` call (files read where helm ran). */
function userValues(r: Run, call: StubCall): Values {
  const files: unknown[] = [];
  const sets: Array<{ assignment: string; asString: boolean }> = [];
  call.args.forEach((arg, i) => {
    const next = call.args[i + 1] ?? "";
    if (arg === "--values") {
      const path = isAbsolute(next) ? next : join(call.cwd, next);
      files.push(parseYaml(readFileSync(path, "utf8")));
    } else if (arg === "--set" || arg === "--set-string") {
      sets.push({ assignment: next, asString: arg === "--set-string" });
    }
  });
  return helmUserValues({ files, sets });
}

/** The last `helm upgrade` of each Bufstream release: what it runs with afterwards. */
function finalUpgrades(r: Run): Map<string, StubCall> {
  const releases = new Set(buildTopologyPlan(r.s).releases.map((p) => p.release));
  const last = new Map<string, StubCall>();
  for (const call of r.calls) {
    const release = call.args[2] ?? "";
    if (call.tool === "helm" && call.args[0] === "upgrade" && releases.has(release)) {
      last.set(release, call);
    }
  }
  return last;
}

/** Our own files' values for one release (shared, then the zone's), parsed back from the bundle. */
function bundleValues(r: Run, zone: string | null): Values[] {
  const name = r.s.release.name;
  const files = [`${name}-values.yaml`, ...(zone === null ? [] : [`${name}-${zone}-values.yaml`])];
  return files.map((file) => parseYaml(readFileSync(join(r.dir, file), "utf8")) as Values);
}

const startsWith = (path: string[], prefix: string[]) =>
  prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

/** Paths of the release's values that the bundle owns: it sets them, or a map above or below them. */
function ownedBy(owned: string[][], path: string[]): boolean {
  return owned.some((mine) => startsWith(path, mine) || startsWith(mine, path));
}

function gitStatus(dir: string): string[] {
  return git(dir, "status", "--porcelain")
    .stdout.split("\n")
    .filter((line) => line !== "");
}

const asExisting = (s: Scenario): Scenario => ScenarioSchema.parse({ ...s, install: "existing" });
const asNew = (s: Scenario): Scenario => ScenarioSchema.parse({ ...s, install: "new" });

describe.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
  "install.sh of preset %s",
  (_id, preset) => {
    it("on an existing release: exact helm argv, and every key of the release's values it does not set survives", () => {
      const s = asExisting(preset);
      const r = run(s, { exists: true });
      expect(r.stderr.replace(/^.*clients are handed.*\n/gm, "")).toBe("");
      expect(r.status).toBe(0);
      expect(helmCalls(r)).toEqual(expectedHelmArgv(s, "existing"));

      const plan = buildTopologyPlan(s);
      const upgrades = finalUpgrades(r);
      expect([...upgrades.keys()].sort()).toEqual(plan.releases.map((p) => p.release).sort());
      for (const release of plan.releases) {
        const call = upgrades.get(release.release);
        if (call === undefined) throw new Error(`no upgrade of ${release.release}`);
        const merged = userValues(r, call);
        const existing = existingValues(release.release, release.zone);
        const ours = bundleValues(r, release.zone);
        const owned = ours.flatMap((values) => leafPaths(values));
        const sets = call.args.flatMap((arg, i) =>
          arg.startsWith("--set") ? [(call.args[i + 1] ?? "").split("=")[0]?.split(".") ?? []] : [],
        );
        const survivors = leafPaths(existing).filter((path) => !ownedBy([...owned, ...sets], path));
        // The realistic document's storage, metadata, identity and resources are among
        // them unless this is a complete install, which sets those itself.
        if (s.valuesScope === "networking") {
          for (const key of [
            "storage",
            "metadata",
            "bufstream.serviceAccount.annotations",
            "bufstream.deployment.resources",
          ]) {
            expect(
              survivors.some((path) => startsWith(path, key.split("."))),
              key,
            ).toBe(true);
          }
        }
        // Whatever the scope, keys the wizard never writes survive as they were,
        // lists included (Helm replaces a list whole, so one list of ours would drop them).
        for (const key of NEVER_OURS) {
          expect(valueAt(merged, key.split(".")), key).toEqual(valueAt(existing, key.split(".")));
        }
        // The only lists the bundle may replace are its own settings.
        const ownedLists = ours
          .flatMap((values) => leafPaths(values))
          .filter((path) => ours.some((values) => Array.isArray(valueAt(values, path))))
          .map((path) => path.join("."));
        for (const list of ownedLists) expect(OUR_LISTS, list).toContain(list);
        expect(survivors.length).toBeGreaterThan(8);
        for (const path of survivors) {
          expect(valueAt(merged, path), `${release.release}: ${path.join(".")}`).toEqual(
            valueAt(existing, path),
          );
        }
        // …and where the bundle sets a key, its value wins (the last file that sets it).
        for (const path of owned) {
          const mine = [...ours]
            .reverse()
            .map((values) => valueAt(values, path))
            .find((v) => v !== undefined);
          if (!sets.some((set) => startsWith(path, set))) {
            expect(valueAt(merged, path), path.join(".")).toEqual(mine);
          }
        }
      }
      // The only new files: the release values it read, next to the script; the caller's directory is untouched.
      expect(gitStatus(r.dir)).toEqual(
        plan.releases.map((p) => `?? ${p.release}-current-values.yaml`).sort(),
      );
      expect(readdirSync(r.caller)).toEqual(["secrets"]);
    });

    it("as a new install: a bucket and a metadata store, or an error finding and no change at all", () => {
      const s = asNew(preset);
      const errors = checkTopology(s).filter((f) => f.severity === "error");
      const r = run(s, { exists: false });
      if (s.valuesScope === "networking") {
        expect(errors.map((f) => f.id)).toContain(FINDING.newInstallNeedsPlatform);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/new install, but its values cover networking only/);
        expect(r.stderr).toMatch(/BUFSTREAM_BASE_VALUES/);
        expect(mutating(r)).toEqual([]);
        expect(r.calls).toEqual([]);
        expect(gitStatus(r.dir)).toEqual([]);
        return;
      }
      expect(errors).toEqual([]);
      expect(r.status).toBe(0);
      expect(helmCalls(r)).toEqual(expectedHelmArgv(s, "new"));
      for (const [release, call] of finalUpgrades(r)) {
        const values = userValues(r, call);
        const use = valueAt(values, ["storage", "use"]) as string;
        expect(["s3", "gcs", "azure"], release).toContain(use);
        expect(valueAt(values, ["storage", use, "bucket"]), release).toMatch(
          /^[a-z0-9][a-z0-9.-]+$/,
        );
        const metadata = valueAt(values, ["metadata", "use"]) as string;
        const store = valueAt(values, ["metadata", metadata]) as Values;
        if (metadata === "etcd") expect((store.addresses as unknown[]).length).toBeGreaterThan(0);
        else if (metadata === "postgres")
          expect(store.secretName ?? store.dsn ?? store.env).toBeTruthy();
        else
          expect([store.projectId, store.instanceId]).toEqual([
            expect.any(String),
            expect.any(String),
          ]);
      }
      expect(gitStatus(r.dir)).toEqual([]);
    });
  },
);

describe("install.sh stops before any change without values to layer on", () => {
  it("no release and no BUFSTREAM_BASE_VALUES: a message, only read-only helm calls", () => {
    const s = asExisting(PRESETS[0]?.scenario as Scenario);
    const r = run(s, { exists: false });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("No Helm release bufstream in namespace bufstream");
    expect(r.stderr).toContain("helm status said: Error: release: not found");
    expect(r.stderr).toContain("BUFSTREAM_BASE_VALUES=path/to/values.yaml bash install.sh");
    expect(helmCalls(r)).toEqual([["status", "bufstream", "--namespace", "bufstream"]]);
    expect(mutating(r)).toEqual([]);
    expect(gitStatus(r.dir)).toEqual([]);
  });

  it("zone-aware: one missing zonal release stops everything, naming that zone", () => {
    const s = asExisting(
      PRESETS.find((p) => p.id === "zone-aware-eks-in-cluster")?.scenario as Scenario,
    );
    const root = "partial";
    const cluster = makeStubCluster();
    clusters.push(cluster);
    // Two of three zones exist: adding a zone needs a base file for it.
    const r0 = run(s, { exists: false, name: root });
    expect(r0.status).toBe(1);
    cluster.addRelease(
      "bufstream-us-east-1a",
      renderYaml(existingValues("bufstream-us-east-1a", "us-east-1a"), ""),
    );
    cluster.addRelease(
      "bufstream-us-east-1b",
      renderYaml(existingValues("bufstream-us-east-1b", "us-east-1b"), ""),
    );
    const script = join("..", "bundle", INSTALL_SCRIPT);
    const r = runWithStubs(cluster, script, r0.caller, secretEnv(r0.caller));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no base file: us-east-1c\. Nothing was changed\./);
    expect(r.stderr).toContain("BUFSTREAM_BASE_VALUES_US_EAST_1C (us-east-1c)");
    const calls = cluster.calls();
    expect(calls.map((c) => [c.tool, ...c.args.slice(0, 2)])).toEqual([
      ["helm", "status", "bufstream-us-east-1a"],
      ["helm", "status", "bufstream-us-east-1b"],
      ["helm", "status", "bufstream-us-east-1c"],
    ]);
    // With a base file for the new zone (a running zone's values), all three are layered.
    writeFileSync(
      join(r0.caller, "base-c.yaml"),
      renderYaml(existingValues("bufstream-us-east-1a", "us-east-1a"), ""),
    );
    const ok = runWithStubs(cluster, script, r0.caller, {
      ...secretEnv(r0.caller),
      BUFSTREAM_BASE_VALUES_US_EAST_1C: "base-c.yaml",
    });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    const upgrades = cluster.calls().filter((c) => c.tool === "helm" && c.args[0] === "upgrade");
    expect(upgrades.map((c) => c.args.slice(8, 10))).toEqual([
      ["--values", "bufstream-us-east-1a-current-values.yaml"],
      ["--values", "bufstream-us-east-1b-current-values.yaml"],
      ["--values", join(r0.caller, "base-c.yaml")],
    ]);
    expect(gitStatus(r0.dir)).toEqual([
      "?? bufstream-us-east-1a-current-values.yaml",
      "?? bufstream-us-east-1b-current-values.yaml",
    ]);
  });
});

describe("BUFSTREAM_BASE_VALUES: a values file of your own instead of the release's", () => {
  it("is taken relative to where install.sh is run, and no release values are read", () => {
    const s = asExisting(PRESETS[0]?.scenario as Scenario);
    const base = renderYaml(existingValues("bufstream", null), "");
    const r0 = run(s, { exists: false, name: "gitops" });
    writeFileSync(join(r0.caller, "gitops.yaml"), base);
    r0.cluster.clearCalls();
    const r = runWithStubs(r0.cluster, join("..", "bundle", INSTALL_SCRIPT), r0.caller, {
      ...secretEnv(r0.caller),
      BUFSTREAM_BASE_VALUES: "gitops.yaml",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `Layering this bundle's values on ${join(r0.caller, "gitops.yaml")}`,
    );
    const helm = r0.cluster.calls().filter((c) => c.tool === "helm");
    expect(helm.some((c) => c.args[0] === "get" || c.args[0] === "status")).toBe(false);
    const upgrade = helm.find((c) => c.args[0] === "upgrade");
    expect(upgrade?.args.slice(8, 12)).toEqual([
      "--values",
      join(r0.caller, "gitops.yaml"),
      "--values",
      "bufstream-values.yaml",
    ]);
    expect(gitStatus(r0.dir)).toEqual([]);
  });

  it("names a file that does not exist: stops before any change", () => {
    const s = asExisting(PRESETS[0]?.scenario as Scenario);
    const r = run(s, { exists: true, env: { BUFSTREAM_BASE_VALUES: "missing.yaml" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.yaml is not a file; nothing was changed/);
    expect(mutating(r)).toEqual([]);
  });

  it("makes a networking-only new install possible: layered on the user's complete file", () => {
    const s = asNew(PRESETS[0]?.scenario as Scenario);
    const r0 = run(s, { exists: false, name: "new-with-base" });
    writeFileSync(
      join(r0.caller, "platform.yaml"),
      renderYaml(existingValues("bufstream", null), ""),
    );
    const r = runWithStubs(r0.cluster, join("..", "bundle", INSTALL_SCRIPT), r0.caller, {
      ...secretEnv(r0.caller),
      BUFSTREAM_BASE_VALUES: "platform.yaml",
    });
    expect(r.status).toBe(0);
    const upgrade = r0.cluster.calls().find((c) => c.tool === "helm" && c.args[0] === "upgrade");
    expect(upgrade?.args.slice(8, 10)).toEqual(["--values", join(r0.caller, "platform.yaml")]);
  });
});

describe("the preview (helm-diff)", () => {
  it("shows the change with the same arguments before applying it; BUFSTREAM_PREVIEW=only changes nothing", () => {
    const s = asExisting(PRESETS.find((p) => p.id === "aws-nlb-internal")?.scenario as Scenario);
    const preview = run(s, { exists: true, helmDiff: true, env: { BUFSTREAM_PREVIEW: "only" } });
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain("Preview only (BUFSTREAM_PREVIEW=only): nothing was changed.");
    const diff = helmCalls(preview).filter((args) => args[0] === "diff" && args[1] === "upgrade");
    const upgrade = expectedHelmArgv(s, "existing").find((args) => args[0] === "upgrade") ?? [];
    expect(diff).toEqual([["diff", "upgrade", ...upgrade.slice(2, -1), "--allow-unreleased"]]);
    expect(mutating(preview).filter((c) => c.tool !== "helm" || c.args[0] !== "get")).toEqual([]);

    const applied = run(s, { exists: true, helmDiff: true, name: "applied" });
    expect(applied.status).toBe(0);
    const calls = helmCalls(applied);
    expect(calls.findIndex((a) => a[0] === "diff" && a[1] === "upgrade")).toBeLessThan(
      calls.findIndex((a) => a[0] === "upgrade"),
    );
  });

  it("without the plugin: says how to preview, and BUFSTREAM_PREVIEW=only refuses to go on", () => {
    const s = asExisting(PRESETS[0]?.scenario as Scenario);
    const r = run(s, { exists: true, env: { BUFSTREAM_PREVIEW: "only" } });
    expect(r.stdout).toContain("No preview: the helm-diff plugin is not installed");
    expect(r.stdout).toMatch(
      /helm template bufstream oci:\/\/\S+ --version 0\.4\.9 --namespace bufstream --values bufstream-current-values\.yaml --values bufstream-values\.yaml \| kubectl diff --namespace bufstream -f -/,
    );
    expect(r.status).toBe(1);
    expect(mutating(r).filter((c) => c.tool !== "helm" || c.args[0] !== "get")).toEqual([]);
  });
});

describe("the legacy chart's registry login", () => {
  const legacy = (): Scenario =>
    ScenarioSchema.parse({
      ...(PRESETS.find((p) => p.id === "eks-s3-postgres")?.scenario as Scenario),
      release: { ...(PRESETS[0]?.scenario as Scenario).release, chart: LEGACY_CHART },
    });

  it("logs in to the registry host with the key file when BUFSTREAM_KEYFILE is set (a path relative to the caller)", () => {
    const r0 = run(legacy(), { exists: false, name: "login" });
    writeFileSync(join(r0.caller, "buf-key.b64"), "c2VjcmV0\n");
    const r = runWithStubs(r0.cluster, join("..", "bundle", INSTALL_SCRIPT), r0.caller, {
      ...secretEnv(r0.caller),
      BUFSTREAM_KEYFILE: "buf-key.b64",
    });
    expect(r.status).toBe(0);
    const login = r0.cluster.calls().filter((c) => c.tool === "helm" && c.args[0] === "registry");
    expect(login.map((c) => c.args)).toEqual([
      [
        "registry",
        "login",
        "us-docker.pkg.dev",
        "--username",
        "_json_key_base64",
        "--password-stdin",
      ],
    ]);
    expect(readFileSync(join(r0.cluster.state, "registry-login-stdin"), "utf8")).toBe("c2VjcmV0\n");
  });

  it("without BUFSTREAM_KEYFILE assumes an existing login and carries on", () => {
    const r = run(legacy(), { exists: false });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "BUFSTREAM_KEYFILE is not set: assuming you are already logged in to us-docker.pkg.dev",
    );
    expect(helmCalls(r).some((args) => args[0] === "registry")).toBe(false);
    expect(helmCalls(r).some((args) => args[0] === "upgrade")).toBe(true);
  });
});

describe("every time after: re-runs", () => {
  it("an existing release run twice ends with the same values (the second run reads what the first applied)", () => {
    for (const id of ["aws-nlb-internet-facing", "zone-aware-per-zone-nlbs"]) {
      const s = asExisting(PRESETS.find((p) => p.id === id)?.scenario as Scenario);
      const first = run(s, { exists: true, name: `rerun-${id}` });
      expect(first.status).toBe(0);
      const applied = new Map(
        [...finalUpgrades(first)].map(([release, call]) => [release, userValues(first, call)]),
      );
      // What `helm get values` returns now: the values the last upgrade was given.
      for (const [release, values] of applied)
        first.cluster.addRelease(release, renderYaml(values, ""));
      first.cluster.clearCalls();
      const again = runWithStubs(
        first.cluster,
        join("..", "bundle", INSTALL_SCRIPT),
        first.caller,
        {
          ...secretEnv(first.caller),
          STUB_LB: "1",
        },
      );
      expect(again.status).toBe(0);
      const second = { ...first, calls: first.cluster.calls() };
      for (const [release, call] of finalUpgrades(second)) {
        expect(userValues(second, call), `${id} ${release}`).toEqual(applied.get(release));
      }
    }
  });
});

describe("a new install never runs over a release it did not install", () => {
  const complete = (id: string) => asNew(PRESETS.find((p) => p.id === id)?.scenario as Scenario);

  it("an existing release: stops before any change, saying how to layer on it instead", () => {
    for (const id of ["eks-s3-postgres", "gke-gcs-spanner"]) {
      const s = complete(id);
      expect(s.valuesScope, id).toBe("complete");
      const r = run(s, { exists: true, name: `guard-${id}` });
      expect(r.status, id).toBe(1);
      expect(r.stderr).toContain("Release bufstream already exists in namespace bufstream");
      expect(r.stderr).toContain('choose "Already installed" in the wizard');
      expect(r.stderr).toContain("BUFSTREAM_REPLACE_VALUES=1 bash install.sh");
      expect(mutating(r), id).toEqual([]);
      expect(gitStatus(r.dir)).toEqual([]);
    }
  });

  it("BUFSTREAM_REPLACE_VALUES=1 replaces the values on purpose", () => {
    const s = complete("eks-s3-postgres");
    const r = run(s, {
      exists: true,
      name: "guard-replace",
      env: { BUFSTREAM_REPLACE_VALUES: "1" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("BUFSTREAM_REPLACE_VALUES=1: its values are replaced");
    expect(finalUpgrades(r).size).toBe(1);
  });

  it("a re-run of the bundle that installed the release upgrades it", () => {
    const s = complete("eks-s3-postgres");
    const first = run(s, { exists: false, name: "guard-rerun" });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("No release bufstream in namespace bufstream yet");
    first.cluster.clearCalls();
    const again = runWithStubs(
      first.cluster,
      join("..", "bundle", INSTALL_SCRIPT),
      first.caller,
      secretEnv(first.caller),
    );
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("was last changed by a new-install bundle from the wizard");
    const second = { ...first, calls: first.cluster.calls() };
    expect(finalUpgrades(second).size).toBe(1);
  });

  it("says each step as it runs", () => {
    const r = run(complete("eks-s3-postgres"), { exists: false, name: "guard-steps" });
    const steps = r.stdout.split("\n").filter((line) => line.startsWith("==> "));
    expect(steps[0]).toMatch(/^==> 1\. Check that release bufstream does not exist yet/);
    expect(steps.length).toBeGreaterThan(4);
  });
});

describe("etcd installed by the bundle", () => {
  const s = ScenarioSchema.parse({
    ...(PRESETS[0]?.scenario as Scenario),
    release: { ...(PRESETS[0]?.scenario as Scenario).release, namespace: "kafka" },
    valuesScope: "complete",
    install: "new",
    storage: {
      ...(PRESETS[0]?.scenario as Scenario).storage,
      bucket: "acme-bufstream",
      region: "us-east-1",
    },
    metadata: {
      ...(PRESETS[0]?.scenario as Scenario).metadata,
      etcd: { source: "install", addresses: [] },
    },
  });

  it("is installed before Bufstream, once, and its address follows the namespace", () => {
    expect(checkTopology(s).filter((f) => f.severity === "error")).toEqual([]);
    const r = run(s, { exists: false, name: "etcd" });
    expect(r.status).toBe(0);
    expect(helmCalls(r)).toEqual(expectedHelmArgv(s, "new"));
    const calls = helmCalls(r);
    expect(calls.findIndex((a) => a[2] === "bufstream-etcd")).toBeLessThan(
      calls.findIndex((a) => a[2] === "bufstream"),
    );
    const [, call] = [...finalUpgrades(r)][0] ?? [];
    if (call === undefined) throw new Error("no upgrade");
    expect(valueAt(userValues(r, call), ["metadata"])).toEqual({
      use: "etcd",
      etcd: { addresses: [{ host: "bufstream-etcd.kafka.svc.cluster.local", port: 2379 }] },
    });
    // A second run finds the deployed etcd release and leaves it alone.
    r.cluster.clearCalls();
    const again = runWithStubs(
      r.cluster,
      join("..", "bundle", INSTALL_SCRIPT),
      r.caller,
      secretEnv(r.caller),
    );
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("The etcd release bufstream-etcd is deployed: left as it is.");
    const upgrades = r.cluster.calls().filter((c) => c.tool === "helm" && c.args[0] === "upgrade");
    expect(upgrades.map((c) => c.args[2])).toEqual(["bufstream"]);
  });
});

describe("who may connect and monitoring (issue 16), after the release", () => {
  const preset = (id: string) => PRESETS.find((p) => p.id === id)?.scenario as Scenario;
  const kubectl = (r: Run) => r.calls.filter((c) => c.tool === "kubectl").map((c) => c.args);
  const lastHelmUpgrade = (r: Run) =>
    r.calls
      .map((c, i) => (c.tool === "helm" && c.args[0] === "upgrade" ? i : -1))
      .reduce((a, b) => Math.max(a, b), -1);
  const indexOf = (r: Run, match: (c: StubCall) => boolean) => r.calls.findIndex(match);

  it.each([
    "eks-complete-network-policies",
    "gke-complete-network-policies",
    "aks-complete-network-policies",
  ])(
    "%s: policies applied after the last upgrade, read back by name, and a kcat pod per client group",
    (id) => {
      const s = preset(id);
      const r = run(s, { exists: false, name: id, env: { STUB_PROM_OPERATOR: "1" } });
      // The stub's load balancer has its own name, not the address the preset hands out.
      expect(r.stderr.replace(/^.*clients are handed.*\n/gm, "")).toBe("");
      expect(r.status).toBe(0);
      const policiesFile = `${s.release.name}-network-policies.yaml`;
      const apply = indexOf(
        r,
        (c) => c.tool === "kubectl" && c.args[0] === "apply" && c.args.includes(policiesFile),
      );
      expect(apply).toBeGreaterThan(lastHelmUpgrade(r));
      expect(r.calls[apply]?.args).toEqual([
        "apply",
        "--namespace",
        s.release.namespace,
        "-f",
        policiesFile,
      ]);
      // The stub created exactly the policies the file holds; `kubectl get` names them all.
      const names = buildNetworkPolicies(s).map((p) => p.metadata.name);
      expect(readdirSync(join(r.cluster.state, "policies")).sort()).toEqual([...names].sort());
      expect(kubectl(r)).toContainEqual([
        "get",
        "networkpolicy",
        ...names,
        "--namespace",
        s.release.namespace,
      ]);
      // One check pod per client group, in its namespace, with its pod labels.
      const runs = kubectl(r).filter((args) => args[0] === "run");
      expect(
        runs.map((args) => [args[3], args.find((a) => a.startsWith("--labels=")) ?? ""]),
      ).toEqual(
        s.access.clientGroups.map((g) => [
          g.namespace,
          g.podLabels === "" ? "" : `--labels=${g.podLabels}`,
        ]),
      );
      // Each check pod is first removed if an interrupted run left it (re-runs stay clean).
      const calls = kubectl(r);
      for (const args of runs) {
        // The last delete before it (lb_address may read the Service in between).
        const before = calls.slice(0, calls.indexOf(args)).filter((c) => c[0] === "delete");
        expect(before.at(-1)).toEqual([
          "delete",
          "pod",
          args[1],
          "--namespace",
          args[3],
          "--ignore-not-found",
        ]);
      }
      for (const args of runs) {
        expect(args).toEqual(
          expect.arrayContaining([
            "--image=docker.io/edenhill/kcat:1.7.1",
            "--rm",
            "--attach",
            "kcat",
            "-L",
          ]),
        );
      }
      // The monitor goes in where the Operator's CRDs are.
      expect(kubectl(r)).toContainEqual([
        "apply",
        "--namespace",
        s.release.namespace,
        "-f",
        `${s.release.name}-monitoring.yaml`,
      ]);
      expect(gitStatus(r.dir)).toEqual([]);
    },
  );

  it("GKE: the source ranges are patched onto the chart's Service after the release; AWS and AKS carry them in the values", () => {
    const gke = run(preset("gke-complete-network-policies"), { exists: false, name: "gke-ranges" });
    const patch = gke.calls.find((c) => c.tool === "kubectl" && c.args[0] === "patch");
    expect(patch?.args).toEqual([
      "patch",
      "service",
      "bufstream",
      "--namespace",
      "bufstream",
      "--type",
      "merge",
      "-p",
      '{"spec":{"loadBalancerSourceRanges":["10.10.0.0/16"]}}',
    ]);
    expect(gke.calls.indexOf(patch as StubCall)).toBeGreaterThan(lastHelmUpgrade(gke));
    for (const id of ["eks-complete-network-policies", "aks-complete-network-policies"]) {
      const r = run(preset(id), { exists: false, name: `${id}-ranges` });
      expect(r.calls.some((c) => c.tool === "kubectl" && c.args[0] === "patch")).toBe(false);
      const [, call] = [...finalUpgrades(r)][0] ?? [];
      if (call === undefined) throw new Error("no upgrade");
      const annotations = valueAt(userValues(r, call), [
        "bufstream",
        "service",
        "annotations",
      ]) as Values;
      expect(annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]).toBe(
        preset(id).access.loadBalancerSourceRanges.join(","),
      );
    }
  });

  it("without the Prometheus Operator the monitor is skipped with a message, and the run goes on", () => {
    const s = preset("aks-complete-network-policies");
    const r = run(s, { exists: false, name: "no-operator" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "The Prometheus Operator is not installed (no CRD servicemonitors.monitoring.coreos.com)",
    );
    expect(
      kubectl(r).some((args) => args[0] === "apply" && args.includes("bufstream-monitoring.yaml")),
    ).toBe(false);
  });

  it("a client group the policy blocks fails the check, naming the group", () => {
    const s = preset("eks-complete-network-policies");
    const r = run(s, {
      exists: false,
      name: "blocked",
      env: { STUB_BLOCKED_NAMESPACES: "analytics" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "Clients in namespace analytics, pods app=reporting could not read metadata",
    );
  });

  it("re-runs apply the same policies again (kubectl apply is idempotent) and change nothing else", () => {
    const s = asExisting(preset("gke-complete-network-policies"));
    const first = run(s, { exists: true, name: "policy-rerun" });
    expect(first.status).toBe(0);
    first.cluster.clearCalls();
    const again = runWithStubs(first.cluster, join("..", "bundle", INSTALL_SCRIPT), first.caller, {
      ...secretEnv(first.caller),
      STUB_LB: "1",
    });
    expect(again.status).toBe(0);
    const kubectlCalls = first.cluster
      .calls()
      .filter((c) => c.tool === "kubectl")
      .map((c) => c.args[0]);
    expect(kubectlCalls.filter((verb) => verb === "apply").length).toBeGreaterThan(0);
    expect(readdirSync(join(first.cluster.state, "policies")).sort()).toEqual(
      buildNetworkPolicies(s)
        .map((p) => p.metadata.name)
        .sort(),
    );
  });

  it("scenarios without policies make no policy, patch or kcat calls", () => {
    const r = run(asExisting(preset("aws-nlb-internal")), { exists: true, name: "no-policy" });
    expect(r.status).toBe(0);
    expect(
      kubectl(r).some(
        (args) => ["patch", "run"].includes(args[0] ?? "") || args[1] === "networkpolicy",
      ),
    ).toBe(false);
  });
});

// `render --values` (issue 15): Helm values in, the check, the difference and
// the corrected bundle out, with the exit codes the CLI documents.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildCorrectedBundle } from "../lib/import/corrected-bundle";
import { importValues } from "../lib/import/import-values";
import { FIXTURES_DIR, fixtureSources } from "../lib/import/testing/fixtures";
import { buildShareLink } from "../lib/share/codec";
import { GENERATOR_VERSION } from "../lib/version";
import { DEFAULT_BASE_URL } from "./args";
import { EXIT_CHECK_ERRORS, EXIT_INVALID, EXIT_OK, runCli } from "./run";
import { expectRefused, expectedFiles, makeTempDir, memoryIo, readWritten } from "./test-helpers";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const fixture = (name: string) => path.join(FIXTURES_DIR, name);
const jsonLines = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("render --values --check", () => {
  it("the classic failure: values findings with file and line, then the topology check; exit 1", () => {
    const io = memoryIo(temp.dir);
    const file = fixture("broken-gcp-neg-cluster-ip.yaml");
    expect(runCli(["render", "--values", file, "--check"], io)).toBe(EXIT_CHECK_ERRORS);
    const lines = jsonLines(io.out);
    expect(lines[0]).toMatchObject({
      id: "values-neg-advertises-cluster-name",
      severity: "error",
      file,
      line: 16,
      key: "bufstream.service.annotations",
      resolved: false,
      fields: [],
    });
    expect(lines.map((l) => l.id)).toContain("outside-clients-cluster-ip");
    expect(io.err).toMatch(
      /^question: Where do your Kafka clients run\? Guess: outside-cluster \(the Service has GKE network endpoint groups/m,
    );
    expect(io.err).toMatch(
      /^note: kept as is \(1\): bufstream\.service\.annotations\["cloud\.google\.com\/neg"\]$/m,
    );
  });

  it("reads standard input, as in helm get values <release> -o yaml | render --values - --check", () => {
    const text = readFileSync(fixture("broken-gcp-neg-cluster-ip.yaml"), "utf8");
    const io = memoryIo(temp.dir, {}, `USER-SUPPLIED VALUES:\n${text}`);
    expect(runCli(["render", "--values", "-", "--check"], io)).toBe(EXIT_CHECK_ERRORS);
    expect(jsonLines(io.out)[0]).toMatchObject({ file: "standard input", line: 17 });
  });

  it("an answer replaces the guess: clients in the cluster, and nothing fails; exit 0", () => {
    const io = memoryIo(temp.dir);
    const argv = [
      "render",
      "--values",
      fixture("broken-gcp-neg-cluster-ip.yaml"),
      "--answer",
      "clients=in-cluster",
      "--check",
    ];
    expect(runCli(argv, io)).toBe(EXIT_OK);
    expect(io.err).not.toMatch(/question: Where do your Kafka clients run/);
  });

  it("GKE values stay GKE, and an answer the values settle is named as unused", () => {
    const io = memoryIo(temp.dir);
    const argv = [
      "render",
      "--values",
      fixture("broken-gcp-neg-cluster-ip.yaml"),
      "--answer",
      "clients=outside-cluster",
      "--answer",
      "loadBalancer.provider=azure",
      "--answer",
      "release.namespace=kafka",
      "--print-link",
    ];
    runCli(argv, io);
    expect(io.out).toContain("/s/complete-install-gke/#");
    expect(io.err).toMatch(
      /^note: --answer loadBalancer\.provider=azure is not used: these values settle it themselves$/m,
    );
    expect(io.err).not.toMatch(/--answer (clients|release\.namespace)=\S+ is not used/);
  });

  it("a working release: exit 0, and the values findings' keys", () => {
    const io = memoryIo(temp.dir);
    expect(
      runCli(["render", "--values", fixture("docs-aws-postgres-irsa.yaml"), "--check"], io),
    ).toBe(EXIT_OK);
    const first = jsonLines(io.out)[0];
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "severity",
      "message",
      "fix",
      "fields",
      "file",
      "line",
      "key",
      "resolved",
    ]);
    expect(first).toMatchObject({ id: "values-deprecated-key", line: 19, resolved: true });
  });

  it("without --check, warnings and errors about the values go to standard error", () => {
    const io = memoryIo(temp.dir);
    expect(
      runCli(["render", "--values", fixture("docs-aws-postgres-irsa.yaml"), "--print-link"], io),
    ).toBe(EXIT_OK);
    expect(io.err).toMatch(
      /^warning: .*docs-aws-postgres-irsa\.yaml:19: observability\.metrics\.exporter is deprecated/m,
    );
  });
});

describe("render --values for a zone-aware release", () => {
  const dir = fixture("docs-aws-zonal");
  const files = [
    "bufstream-values.yaml",
    "bufstream-us-east-1a-values.yaml",
    "bufstream-us-east-1b-values.yaml",
    "bufstream-us-east-1c-values.yaml",
  ];

  it("--out writes the corrected bundle: the same bytes as the page", () => {
    const io = memoryIo(temp.dir);
    const argv = [
      "render",
      ...files.flatMap((f) => ["--values", path.join(dir, f)]),
      "--out",
      "deploy",
    ];
    expect(runCli(argv, io)).toBe(EXIT_OK);
    const result = importValues(fixtureSources("docs-aws-zonal"));
    if (!result.ok) throw new Error("fixture must import");
    const s = result.imported.read.scenario;
    const expected = buildCorrectedBundle(result.imported, s, {
      generatorVersion: GENERATOR_VERSION,
      shareLink: buildShareLink(DEFAULT_BASE_URL, s),
    });
    expect(readWritten(path.join(temp.dir, "deploy"))).toEqual(expectedFiles(expected));
    expect(io.err).toMatch(
      /^note: read .*bufstream-values\.yaml \(shared by every zone\), .*bufstream-us-east-1a-values\.yaml \(zone us-east-1a\)/m,
    );
  });

  it("--diff prints each change with its reason", () => {
    const io = memoryIo(temp.dir);
    const argv = ["render", ...files.flatMap((f) => ["--values", path.join(dir, f)]), "--diff"];
    expect(runCli(argv, io)).toBe(EXIT_OK);
    expect(io.out).toMatch(
      /^bufstream-us-east-1a-values\.yaml: 1 change\n  - name: bufstream-us-east-1a\n      name is not a chart key/m,
    );
    expect(io.out).toMatch(
      /^  > observability\.metrics\.exporter → observability\.metrics\.exporterType: PROMETHEUS -> PROMETHEUS$/m,
    );
  });
});

describe("render --values with secrets", () => {
  it("keeps them out of every output: the bundle, the link, the difference and the messages", () => {
    const io = memoryIo(temp.dir);
    const file = fixture("secrets.yaml");
    expect(runCli(["render", "--values", file, "--out", "out", "--print-link"], io)).toBe(EXIT_OK);
    const diff = memoryIo(temp.dir);
    runCli(["render", "--values", file, "--diff"], diff);
    const check = memoryIo(temp.dir);
    runCli(["render", "--values", file, "--check"], check);
    const written = readdirSync(path.join(temp.dir, "out"))
      .map((name) => readFileSync(path.join(temp.dir, "out", name), "utf8"))
      .join("\n");
    const everything = [written, io.out, io.err, diff.out, diff.err, check.out, check.err].join(
      "\n",
    );
    for (const secret of [
      "Hunter2-db-pass",
      "Sup3r-s3cret-admin",
      "tok-5b1c0ffee-77",
      "key-9f8e7d6c5b4a",
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(written).toContain("<secret not copied>");
  });
});

describe("render --values with bad input: exit 2, a line per problem naming the line, nothing written", () => {
  const cases: Array<[string, () => string[], RegExp[]]> = [
    [
      "a Kubernetes manifest",
      () => {
        writeFileSync(path.join(temp.dir, "svc.yaml"), "apiVersion: v1\nkind: Service\n");
        return ["--values", "svc.yaml"];
      },
      [/^error: svc\.yaml:1: This is a Kubernetes manifest \(kind Service\), not Helm values\./],
    ],
    [
      "duplicate keys",
      () => {
        writeFileSync(path.join(temp.dir, "v.yaml"), "cluster: a\ncluster: b\n");
        return ["--values", "v.yaml"];
      },
      [/^error: v\.yaml:2: The key cluster appears twice, at lines 1 and 2\./],
    ],
    [
      "a file of 5 MB",
      () => {
        writeFileSync(
          path.join(temp.dir, "big.yaml"),
          `cluster: a\n#${"x".repeat(5 * 1024 * 1024)}\n`,
        );
        return ["--values", "big.yaml"];
      },
      [/^error: big\.yaml: 5\.0 MB is far more than a Helm values file/],
    ],
    [
      "a missing file",
      () => ["--values", "nope.yaml"],
      [/^error: nope\.yaml: cannot read the file \(no such file\)\.$/],
    ],
    [
      "an address that is not a host name",
      () => {
        writeFileSync(
          path.join(temp.dir, "v.yaml"),
          "bufstream:\n  service:\n    type: LoadBalancer\nkafka:\n  publicAddress:\n    host: not a host!\n",
        );
        return ["--values", "v.yaml"];
      },
      [/^error: v\.yaml:6: kafka\.publicAddress\.host: Enter a DNS name/],
    ],
  ];

  it.each(cases)("%s", (_name, args, messages) => {
    expectRefused(temp.dir, ["render", ...args(), "--out", "out", "--check"], messages);
  });

  it.each([
    [["render", "--values", "a.yaml", "--scenario", "s.json", "--check"], /exactly one of/],
    [
      ["render", "--values", "-", "--values", "-", "--check"],
      /Standard input \(-\) can be read only once/,
    ],
    [
      ["render", "--scenario", "s.json", "--answer", "clients=both", "--check"],
      /--answer only applies to --values/,
    ],
    [
      ["render", "--values", "a.yaml", "--answer", "colour=blue", "--check"],
      /--answer takes <id>=<value>/,
    ],
    [["render", "--values", "a.yaml", "--check", "--diff"], /run them one at a time/],
    [["render", "--scenario", "s.json", "--diff"], /--diff only applies to --values/],
  ])("rejects %j with exit 2", (argv, message) => {
    const io = memoryIo(temp.dir);
    expect(runCli(argv, io)).toBe(EXIT_INVALID);
    expect(io.err).toMatch(message);
  });
});

describe("as a user pipes it: helm get values ... -o yaml | npm run render -- --values - --check", () => {
  it("reads standard input in a separate process and exits 1 on the classic failure", () => {
    const root = path.resolve(__dirname, "..");
    const result = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      [path.join(root, "cli", "main.ts"), "render", "--values", "-", "--check"],
      {
        cwd: temp.dir,
        input: readFileSync(fixture("broken-gcp-neg-cluster-ip.yaml"), "utf8"),
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(result.status).toBe(EXIT_CHECK_ERRORS);
    expect(jsonLines(result.stdout).map((l) => l.id)).toContain("outside-clients-cluster-ip");
    expect(result.stderr).toMatch(/^note: read standard input \(values\)$/m);
  });
});

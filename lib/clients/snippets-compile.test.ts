// The client kit's code snippets are compiled, not only read: every KafkaJS
// snippet the kit can write (each preset, and every TLS / client-certificate /
// SASL combination) type-checks under strict TypeScript against KafkaJS
// 2.2.4's own types, as TypeScript and as plain JavaScript (checkJs); every
// franz-go snippet builds with `go vet` against a stand-in module that copies
// franz-go's real signatures (testing/franz-go-stub/README.md: the Go module
// proxy is out of reach here, so franz-go itself cannot be fetched). Each
// checker is also shown to reject a snippet with a mistake, so a checker that
// silently checks nothing fails the test.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

import { SINGLE_LB, ZONAL_LB, scenario, type ScenarioPatch } from "../check/test-scenarios";
import { PRESETS } from "../scenario/presets";
import { SASL_MECHANISMS, SCRAM_HASHES, type Scenario } from "../scenario/schema";
import { buildClientKit } from "./client-kit";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FRANZ_STUB = join(ROOT, "lib", "clients", "testing", "franz-go-stub");

/** Every security setup the kit distinguishes, on a load balancer, with and without zones. */
function securityMatrix(): Scenario[] {
  const out: Scenario[] = [];
  for (const tls of [false, true]) {
    for (const clientAuth of tls
      ? (["NO_CERT", "REQUIRE_CERT"] as const)
      : (["NO_CERT"] as const)) {
      for (const sasl of SASL_MECHANISMS) {
        for (const scramHash of sasl === "scram" ? SCRAM_HASHES : (["SHA512"] as const)) {
          const patch: ScenarioPatch = {
            tls: { enabled: tls, clientAuth },
            auth: {
              sasl,
              scramHash,
              ...(sasl === "oauthbearer" ? { oauthJwksUrl: "https://idp.acme.io/jwks.json" } : {}),
            },
          };
          out.push(scenario(SINGLE_LB, { clients: "both" }, patch), scenario(ZONAL_LB, patch));
        }
      }
    }
  }
  return out;
}

function snippets(id: "kafkajs" | "franz-go"): string[] {
  const all = [...PRESETS.map((p) => p.scenario), ...securityMatrix()].flatMap((s) =>
    buildClientKit(s).flatMap((entry) =>
      entry.snippets.filter((x) => x.id === id).map((x) => x.code),
    ),
  );
  return [...new Set(all)];
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Strict TypeScript diagnostics for the files, against the real kafkajs and @types/node. */
function typeCheck(files: Record<string, string>): string[] {
  const dir = tempDir("kafkajs-snippets-");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const names = Object.entries(files).map(([name, code]) => {
    writeFileSync(join(dir, name), code);
    return join(dir, name);
  });
  const program = ts.createProgram(names, {
    strict: true,
    noUncheckedIndexedAccess: true,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    typeRoots: [join(dir, "node_modules", "@types")],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("KafkaJS snippets type-check under strict TypeScript (kafkajs 2.2.4)", () => {
  const codes = snippets("kafkajs");

  it("every snippet, as .ts and as .js; and the checker rejects the old mistake", () => {
    expect(codes.length).toBeGreaterThanOrEqual(8);
    // The old snippets passed process.env values (string | undefined) where KafkaJS wants strings.
    const old = [
      'import { Kafka } from "kafkajs";',
      'export const kafka = new Kafka({ brokers: ["b:9092"], sasl: { mechanism: "plain", username: process.env.U, password: "p" } });',
      "",
    ].join("\n");
    const files = Object.fromEntries([
      ["old-mistake.ts", old],
      ...codes.flatMap((code, i) => [
        [`snippet-${i}.ts`, code],
        [`snippet-${i}.js`, `// @ts-check\n${code}`],
      ]),
    ]);
    const diagnostics = typeCheck(files);
    expect(diagnostics.filter((d) => d.startsWith("old-mistake.ts")).join("\n")).toMatch(
      /string \| undefined/,
    );
    expect(diagnostics.filter((d) => !d.startsWith("old-mistake.ts"))).toEqual([]);
  }, 60_000);
});

const go = spawnSync("go", ["version"], { encoding: "utf8" });
const hasGo = go.status === 0;

/** `go vet` over one package per snippet, in a module that replaces franz-go with the stand-in. */
function goVet(packages: string[]): { status: number | null; output: string } {
  const dir = tempDir("franz-go-snippets-");
  writeFileSync(
    join(dir, "go.mod"),
    [
      "module snippets",
      "",
      "go 1.19",
      "",
      "require github.com/twmb/franz-go v1.16.0",
      "",
      `replace github.com/twmb/franz-go => ${FRANZ_STUB}`,
      "",
    ].join("\n"),
  );
  packages.forEach((code, i) => {
    mkdirSync(join(dir, `s${i}`));
    writeFileSync(join(dir, `s${i}`, "kafka.go"), code);
  });
  const result = spawnSync("go", ["vet", "./..."], {
    cwd: dir,
    encoding: "utf8",
    timeout: 300_000,
    env: {
      ...process.env,
      // Offline and hermetic: no proxy, no checksum database, no toolchain download.
      GOPROXY: "off",
      GOSUMDB: "off",
      GOFLAGS: "-mod=mod",
      GOTOOLCHAIN: "local",
      GOPATH: join(dir, "gopath"),
      GOCACHE: join(tmpdir(), "bufstream-wizard-go-cache"),
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!hasGo)("franz-go snippets build (go vet) against franz-go's signatures", () => {
  const codes = snippets("franz-go");

  it("the checker rejects a wrong call (a string where franz-go takes an int32)", () => {
    const wrong =
      codes[0]?.replace(
        "kgo.ProducerBatchMaxBytes(4 << 20)",
        'kgo.ProducerBatchMaxBytes("4MiB")',
      ) ?? "";
    expect(wrong).toContain('"4MiB"');
    const result = goVet([wrong]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/cannot use "4MiB"/);
  }, 300_000);

  it("every snippet", () => {
    expect(codes.length).toBeGreaterThanOrEqual(8);
    const result = goVet(codes);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 300_000);
});

it.runIf(!hasGo)("franz-go snippets: Go is not installed", () => {
  // npm test and .ci/run install Debian's golang-go when it is missing; elsewhere, install Go.
  console.warn(
    "go is not installed: skipping the franz-go compile check; npm test installs golang-go.",
  );
});

import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildBundle } from "../lib/bundle/build-bundle";
import { checkTopology } from "../lib/check/check-topology";
import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { PRESETS } from "../lib/scenario/presets";
import type { Scenario } from "../lib/scenario/schema";
import { buildShareLink, encodeScenario } from "../lib/share/codec";
import { LINK_LIMITS } from "../lib/share/limits";
import { GENERATOR_VERSION } from "../lib/version";
import { BASE_URL_ENV, DEFAULT_BASE_URL } from "./args";
import { EXIT_CHECK_ERRORS, EXIT_INVALID, EXIT_OK, runCli, wizardDirectoryUrl } from "./run";
import { expectRefused, expectedFiles, makeTempDir, memoryIo, readWritten } from "./test-helpers";

/** The attack run's JWKS URL, with a lone surrogate (issue 17). */
const JWKS = "https://xa\ud800b";
const OUTSIDE_WITH_CLUSTER_IP: Scenario = { ...DEFAULT_SCENARIO, clients: "outside-cluster" };

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function writeJson(name: string, value: unknown): string {
  writeFileSync(path.join(temp.dir, name), JSON.stringify(value, null, 2));
  return name;
}

function bundleFor(scenario: Scenario, shareLink: string) {
  return expectedFiles(buildBundle(scenario, { generatorVersion: GENERATOR_VERSION, shareLink }));
}

describe("render --out", () => {
  it("writes exactly buildBundle's files, bytes and modes for a scenario file", () => {
    const scenario = PRESETS.find((p) => p.scenario.zones.enabled)!.scenario;
    const file = writeJson("scenario.json", scenario);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--out", "deploy/"], io)).toBe(EXIT_OK);
    expect(readWritten(path.join(temp.dir, "deploy"))).toEqual(
      bundleFor(scenario, buildShareLink(DEFAULT_BASE_URL, scenario)),
    );
    expect(io.err).toMatch(/^wrote \d+ files to /);
    // No temporary directory is left beside the target.
    expect(readdirSync(temp.dir).sort()).toEqual(["deploy", "scenario.json"]);
  });

  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
    "writes preset %s from its share link, with the link's own address in the bundle",
    (_id, scenario) => {
      const link = buildShareLink("https://wizard.example/app/", scenario);
      const io = memoryIo(temp.dir);
      expect(runCli(["render", "--link", link, "--out", "out"], io)).toBe(EXIT_OK);
      expect(readWritten(path.join(temp.dir, "out"))).toEqual(bundleFor(scenario, link));
    },
  );

  it("fills in a partial scenario file from the defaults, as the page does", () => {
    const file = writeJson("partial.json", { version: 1, replicas: 6 });
    expect(runCli(["render", "--scenario", file, "--out", "out"], memoryIo(temp.dir))).toBe(
      EXIT_OK,
    );
    const scenario = { ...DEFAULT_SCENARIO, replicas: 6 };
    expect(readWritten(path.join(temp.dir, "out"))).toEqual(
      bundleFor(scenario, buildShareLink(DEFAULT_BASE_URL, scenario)),
    );
  });

  it("reads standard input for --scenario - as strict UTF-8", () => {
    const io = memoryIo(temp.dir);
    io.readStdin = () => Buffer.from([0x7b, 0xff, 0x7d]);
    expect(runCli(["render", "--scenario", "-", "--print-link"], io)).toBe(EXIT_INVALID);
    expect(io.err).toBe(
      "error: standard input: not valid UTF-8 (byte 2 starts a sequence UTF-8 does not allow); save the file as UTF-8.\n",
    );
    const bytes = memoryIo(temp.dir);
    bytes.readStdin = () => Buffer.from(JSON.stringify({ version: 1, cluster: "prod" }));
    expect(runCli(["render", "--scenario", "-", "--print-link"], bytes)).toBe(EXIT_OK);
  });

  it("reads standard input for --scenario -", () => {
    const io = memoryIo(temp.dir, {}, JSON.stringify({ version: 1, cluster: "prod" }));
    expect(runCli(["render", "--scenario", "-", "--print-link"], io)).toBe(EXIT_OK);
    expect(io.out).toBe(
      `${buildShareLink(DEFAULT_BASE_URL, { ...DEFAULT_SCENARIO, cluster: "prod" })}\n`,
    );
  });

  it("writes into an existing empty directory", () => {
    mkdirSync(path.join(temp.dir, "empty"));
    const file = writeJson("s.json", DEFAULT_SCENARIO);
    expect(runCli(["render", "--scenario", file, "--out", "empty"], memoryIo(temp.dir))).toBe(
      EXIT_OK,
    );
    expect(readdirSync(path.join(temp.dir, "empty"))).toContain("install.sh");
  });

  it("refuses a non-empty directory, and replaces it with --force", () => {
    mkdirSync(path.join(temp.dir, "full"));
    writeFileSync(path.join(temp.dir, "full", "keep.txt"), "mine");
    const file = writeJson("s.json", DEFAULT_SCENARIO);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--out", "full"], io)).toBe(EXIT_INVALID);
    expect(io.err).toMatch(/is not empty; choose a new directory, or add --force/);
    expect(readdirSync(path.join(temp.dir, "full"))).toEqual(["keep.txt"]);

    expect(
      runCli(["render", "--scenario", file, "--out", "full", "--force"], memoryIo(temp.dir)),
    ).toBe(EXIT_OK);
    expect(readWritten(path.join(temp.dir, "full"))).toEqual(
      bundleFor(DEFAULT_SCENARIO, buildShareLink(DEFAULT_BASE_URL, DEFAULT_SCENARIO)),
    );
    expect(readdirSync(temp.dir).sort()).toEqual(["full", "s.json"]);
  });

  it("will not --force-replace the working directory", () => {
    const file = writeJson("s.json", DEFAULT_SCENARIO);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--out", ".", "--force"], io)).toBe(EXIT_INVALID);
    expect(io.err).toMatch(/holds the working directory/);
    expect(existsSync(path.join(temp.dir, "s.json"))).toBe(true);
  });
});

describe("render with invalid input", () => {
  const cases: Array<[string, () => string[], RegExp[]]> = [
    [
      "a missing file",
      () => ["--scenario", "nope.json"],
      [/^error: nope\.json: cannot read the file \(no such file\)\.$/],
    ],
    [
      "a file that is not JSON",
      () => {
        writeFileSync(path.join(temp.dir, "bad.json"), "{ replicas: 3 ");
        return ["--scenario", "bad.json"];
      },
      [/^error: bad\.json: not valid JSON \(.+\)\.$/],
    ],
    [
      "a scenario that fails validation",
      () => [
        "--scenario",
        writeJson("bad.json", { version: 1, replicas: 0, release: { name: "Bad Name" } }),
      ],
      [
        /^error: bad\.json: release\.name: Use lowercase letters/,
        /^error: bad\.json: replicas: At least 1 broker\.$/,
      ],
    ],
    [
      "a field of the wrong type or a misspelt field",
      () => ["--scenario", writeJson("bad.json", { version: 1, replicas: "6", replica: 6 })],
      [
        /^error: bad\.json: replicas: Expected a number, found text\.$/,
        /^error: bad\.json: replica: Not a scenario field\.$/,
      ],
    ],
    [
      "a scenario from a newer wizard",
      () => ["--scenario", writeJson("new.json", { version: 99 })],
      [/^error: new\.json: version: .*made by a newer version of the wizard/],
    ],
    [
      "a link cut short",
      () => {
        const link = buildShareLink("https://w.example/", PRESETS[2]!.scenario);
        return ["--link", link.slice(0, -10)];
      },
      [/^error: link: This link was cut short/],
    ],
    [
      "a foreign link",
      () => ["--link", "https://example.com/#hello"],
      [/^error: link: This link is not a bufstream-wizard link\.$/],
    ],
    // Issue 17: text UTF-8 cannot carry, and links over the caps.
    [
      "a scenario file with a lone surrogate (a JSON escape)",
      () => {
        // JSON.stringify writes the lone half as the escape `\ud800`.
        const scenario = { version: 1, auth: { sasl: "oauthbearer", oauthJwksUrl: JWKS } };
        return ["--scenario", writeJson("s.json", scenario)];
      },
      [
        /^error: s\.json: auth\.oauthJwksUrl: Character 11 is broken \(U\+D800, half of a character pair without its other half\) and cannot be written as UTF-8\. Delete it and type the character again\.$/,
      ],
    ],
    [
      "a lone surrogate in a zone host map key",
      () => ["--scenario", writeJson("s.json", { zones: { hosts: { "us-east-1a\udc00": "" } } })],
      [/^error: s\.json: zones\.hosts\.us-east-1a\\udc00: Character 11 is broken \(U\+DC00, /],
    ],
    [
      "a scenario file that is not UTF-8 (a surrogate as CESU-8 bytes)",
      () => {
        const bytes = Buffer.concat([
          Buffer.from('{"cluster":"a'),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from('"}'),
        ]);
        writeFileSync(path.join(temp.dir, "s.json"), bytes);
        return ["--scenario", "s.json"];
      },
      [
        /^error: s\.json: not valid UTF-8 \(byte 14 starts a sequence UTF-8 does not allow\); save the file as UTF-8\.$/,
      ],
    ],
    [
      "a link carrying a lone surrogate",
      () => [
        "--link",
        buildShareLink("https://w.example/", {
          ...DEFAULT_SCENARIO,
          auth: { ...DEFAULT_SCENARIO.auth, sasl: "oauthbearer", oauthJwksUrl: JWKS },
        }),
      ],
      [/^error: link: auth\.oauthJwksUrl: Character 11 is broken \(U\+D800, /],
    ],
    [
      "a link over the character cap",
      () => ["--link", `https://w.example/#v1.${"A".repeat(LINK_LIMITS.chars)}`],
      [
        /^error: link: This link is too large: it is 49,17\d characters long\. A bufstream-wizard link is at most 49,152 characters long, unpacks to at most 64 KiB and carries at most 1,000 values, at most 100 in any one list or map: far more than any scenario needs\.$/,
      ],
    ],
    [
      "a link carrying 101 zone hosts",
      () => {
        const hosts = Object.fromEntries(
          Array.from({ length: 101 }, (_, i) => [`z${i}`, `h${i}.example.com`]),
        );
        const scenario = { ...DEFAULT_SCENARIO, zones: { ...DEFAULT_SCENARIO.zones, hosts } };
        return ["--link", buildShareLink("https://w.example/", scenario)];
      },
      [
        /^error: link: This link is too large: it carries 1\d\d values, 101 of them in zones\.hosts\. /,
      ],
    ],
  ];

  it.each(cases)("%s: exit 2, one line per problem, no files", (_name, args, messages) => {
    const argv = ["render", ...args(), "--out", "out/deploy", "--print-link", "--check"];
    expectRefused(temp.dir, argv, messages);
  });
});

describe("render --print-link", () => {
  it("prints the link for --base-url, else $BUFSTREAM_WIZARD_URL, else the default", () => {
    const file = writeJson("s.json", OUTSIDE_WITH_CLUSTER_IP);
    const withFlag = memoryIo(temp.dir, { [BASE_URL_ENV]: "https://env.example/" });
    runCli(
      ["render", "--scenario", file, "--print-link", "--base-url", "https://flag.example/w/"],
      withFlag,
    );
    expect(withFlag.out).toBe(
      `${buildShareLink("https://flag.example/w/", OUTSIDE_WITH_CLUSTER_IP)}\n`,
    );
    const withEnv = memoryIo(temp.dir, { [BASE_URL_ENV]: "https://env.example/" });
    runCli(["render", "--scenario", file, "--print-link"], withEnv);
    expect(withEnv.out).toBe(
      `${buildShareLink("https://env.example/", OUTSIDE_WITH_CLUSTER_IP)}\n`,
    );
    const plain = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--print-link"], plain)).toBe(EXIT_OK);
    expect(plain.out).toBe(`${buildShareLink(DEFAULT_BASE_URL, OUTSIDE_WITH_CLUSTER_IP)}\n`);
  });

  it("takes an address without a trailing slash for the directory the wizard is served from", () => {
    const file = writeJson("s.json", OUTSIDE_WITH_CLUSTER_IP);
    const io = memoryIo(temp.dir, { [BASE_URL_ENV]: "https://env.example/wizard" });
    runCli(["render", "--scenario", file, "--print-link", "--base-url", "https://acme.dev"], io);
    runCli(["render", "--scenario", file, "--print-link"], io);
    expect(io.out.trimEnd().split("\n")).toEqual([
      buildShareLink("https://acme.dev/", OUTSIDE_WITH_CLUSTER_IP),
      buildShareLink("https://env.example/wizard/", OUTSIDE_WITH_CLUSTER_IP),
    ]);
    expect(io.out).toMatch(/^https:\/\/acme\.dev\/s\/[a-z0-9-]+\/#v1\./);
    // A link's own address, written without the slash, the same way.
    const fromLink = memoryIo(temp.dir);
    const bare = `https://acme.dev/wizard#${encodeScenario(OUTSIDE_WITH_CLUSTER_IP)}`;
    runCli(["render", "--link", bare, "--print-link"], fromLink);
    expect(fromLink.out).toBe(
      `${buildShareLink("https://acme.dev/wizard/", OUTSIDE_WITH_CLUSTER_IP)}\n`,
    );
    expect(wizardDirectoryUrl("https://acme.dev/w/index.html")).toBe(
      "https://acme.dev/w/index.html",
    );
    expect(wizardDirectoryUrl("https://acme.dev/w?x=1")).toBe("https://acme.dev/w?x=1");
    expect(wizardDirectoryUrl("https://acme.dev/w#x")).toBe("https://acme.dev/w/#x");
  });

  it("reproduces a page link exactly", () => {
    const link = buildShareLink("https://wizard.example/", PRESETS[7]!.scenario);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--link", link, "--print-link"], io)).toBe(EXIT_OK);
    expect(io.out).toBe(`${link}\n`);
  });
});

describe("render --out of a scenario the clients would fail with", () => {
  it("writes the files, then names each error with its fix and exits 1", () => {
    const file = writeJson("s.json", OUTSIDE_WITH_CLUSTER_IP);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--out", "out"], io)).toBe(EXIT_CHECK_ERRORS);
    expect(readdirSync(path.join(temp.dir, "out")).length).toBeGreaterThan(0);
    const errors = checkTopology(OUTSIDE_WITH_CLUSTER_IP).filter((f) => f.severity === "error");
    const lines = io.err.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^wrote \d+ files to /);
    expect(lines.slice(1, -1)).toEqual(errors.map((f) => `error: ${f.message} Fix: ${f.fix}`));
    expect(lines.at(-1)).toMatch(/^These files will not work as configured/);
    expect(io.out).toBe("");
  });
});

describe("render --check", () => {
  it("prints each finding as one JSON line and exits 1 when one is an error", () => {
    const file = writeJson("s.json", OUTSIDE_WITH_CLUSTER_IP);
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--scenario", file, "--check"], io)).toBe(EXIT_CHECK_ERRORS);
    const expected = checkTopology(OUTSIDE_WITH_CLUSTER_IP).map(
      ({ id, severity, message, fix, fields }) => ({
        id,
        severity,
        message,
        fix,
        fields,
      }),
    );
    expect(expected.some((f) => f.severity === "error")).toBe(true);
    expect(
      io.out
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(expected);
  });

  it("exits 0 when no finding is an error", () => {
    const file = writeJson("s.json", DEFAULT_SCENARIO);
    const io = memoryIo(temp.dir);
    expect(checkTopology(DEFAULT_SCENARIO).some((f) => f.severity === "error")).toBe(false);
    expect(runCli(["render", "--scenario", file, "--check"], io)).toBe(EXIT_OK);
    for (const line of io.out.trimEnd().split("\n").filter(Boolean)) {
      expect(Object.keys(JSON.parse(line) as object)).toEqual([
        "id",
        "severity",
        "message",
        "fix",
        "fields",
      ]);
    }
  });
});

describe("arguments", () => {
  it("prints usage for --help", () => {
    const io = memoryIo(temp.dir);
    expect(runCli(["render", "--help"], io)).toBe(EXIT_OK);
    expect(io.out).toMatch(/^Usage: bufstream-wizard render/);
  });

  it.each([
    [[], /Missing the command: render/],
    [["draw", "--scenario", "x", "--out", "d"], /Unknown command "draw"/],
    [["render", "--out", "d"], /exactly one of --scenario <file> or --link <url>/],
    [["render", "--scenario", "a", "--link", "b", "--out", "d"], /exactly one of/],
    [["render", "--scenario", "a"], /Say what to do/],
    [
      ["render", "--scenario", "a", "--print-link", "--base-url", "ftp://x"],
      /--base-url must be an http\(s\) URL/,
    ],
    [
      ["render", "--scenario", "a", "--print-link", "--frobnicate"],
      /Unknown option '--frobnicate'/,
    ],
    [["render", "--scenario", "a", "--print-link", "--force"], /--force only applies to --out/],
  ])("rejects %j with exit 2", (argv, message) => {
    const io = memoryIo(temp.dir);
    expect(runCli(argv, io)).toBe(EXIT_INVALID);
    expect(io.err).toMatch(message);
    expect(io.err).toMatch(/Run with --help for usage\./);
  });
});

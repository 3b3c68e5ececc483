import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTopology } from "../check/check-topology";
import { SINGLE_LB, ZONAL_LB, scenario, type ScenarioPatch } from "../check/test-scenarios";
import { buildClientKit, LB_ADDRESS_PLACEHOLDER, renderClientKitMarkdown } from "./client-kit";
import { buildClientViews } from "./client-views";

const GOLDEN_DIR = join(__dirname, "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const TLS_MTLS: ScenarioPatch = {
  tls: { enabled: true, clientAuth: "REQUIRE_AND_VERIFY_CERT", clientCasSecret: "kafka-client-ca" },
};
const OAUTH: ScenarioPatch = {
  auth: { sasl: "oauthbearer", oauthJwksUrl: "https://idp.acme.io/.well-known/jwks.json" },
};

/** Golden cases: the scenario, and which entry's snippets to pin. */
const GOLDEN_CASES: Array<{ name: string; patches: ScenarioPatch[]; entry: string }> = [
  { name: "in-cluster-plaintext", patches: [], entry: "in-cluster" },
  {
    name: "zonal-lb-mtls-scram",
    patches: [ZONAL_LB, TLS_MTLS, { auth: { sasl: "scram", scramHash: "SHA512" } }],
    entry: "outside-cluster-us-east-1b",
  },
  {
    name: "lb-after-install-tls-oauth",
    patches: [
      SINGLE_LB,
      { loadBalancer: { host: "", hostSource: "after-install" }, tls: { enabled: true } },
      OAUTH,
    ],
    entry: "outside-cluster",
  },
  {
    name: "lb-sasl-plain-no-tls",
    patches: [SINGLE_LB, { clients: "both", auth: { sasl: "plain" } }],
    entry: "in-cluster",
  },
];

const EXTENSIONS: Record<string, string> = {
  java: "java.properties",
  librdkafka: "librdkafka.properties",
  kcat: "kcat.sh",
  "bufstream-metadata": "metadata.sh",
  "franz-go": "go",
  kafkajs: "js",
};

function golden(file: string, actual: string) {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`Missing golden file ${file}: run with UPDATE_GOLDEN=1`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("client kit golden files", () => {
  it.each(GOLDEN_CASES)("$name", ({ name, patches, entry }) => {
    const kit = buildClientKit(scenario(...patches));
    const picked = kit.find((e) => e.id === entry);
    expect(picked).toBeDefined();
    for (const snippet of picked?.snippets ?? []) {
      golden(`${name}.${EXTENSIONS[snippet.id] ?? "txt"}`, snippet.code);
    }
    golden(`${name}.md`, renderClientKitMarkdown(kit));
  });
});

describe("buildClientKit", () => {
  it("has one entry per location and zone, with the client views' ids", () => {
    const s = scenario(ZONAL_LB, { clients: "both" });
    const kit = buildClientKit(s);
    expect(kit.map((e) => e.id)).toEqual([
      "in-cluster-us-east-1a",
      "in-cluster-us-east-1b",
      "in-cluster-us-east-1c",
      "outside-cluster-us-east-1a",
      "outside-cluster-us-east-1b",
      "outside-cluster-us-east-1c",
    ]);
    const viewIds = new Set(buildClientViews(s, checkTopology(s)).map((v) => v.id));
    for (const entry of kit) expect(viewIds.has(entry.id)).toBe(true);
    expect(kit[3]?.clientId).toBe("my-app,zone=us-east-1a");
    expect(kit[3]?.bootstrapServers).toBe("kafka.internal.acme.io:9092");
  });

  it("writes client.id without whitespace and with one delimiter kind", () => {
    for (const entry of buildClientKit(scenario(ZONAL_LB))) {
      expect(entry.clientId).toMatch(/^[^\s;]+$/);
    }
  });

  it("carries the recommended settings in every Java snippet", () => {
    const java = buildClientKit(scenario())[0]?.snippets.find((x) => x.id === "java")?.code ?? "";
    for (const line of [
      "linger.ms=200",
      "batch.size=4194304",
      "fetch.max.wait.ms=1000",
      "metadata.recovery.strategy=rebootstrap",
    ]) {
      expect(java.split("\n")).toContain(line);
    }
    expect(java).toContain("Kafka >= 3.8");
  });

  it.each([
    [{}, "PLAINTEXT", null],
    [{ tls: { enabled: true } }, "SSL", null],
    [{ auth: { sasl: "plain" } }, "SASL_PLAINTEXT", "PLAIN"],
    [
      { tls: { enabled: true }, auth: { sasl: "scram", scramHash: "SHA256" } },
      "SASL_SSL",
      "SCRAM-SHA-256",
    ],
    [{ tls: { enabled: true }, ...OAUTH }, "SASL_SSL", "OAUTHBEARER"],
  ] as Array<[ScenarioPatch, string, string | null]>)(
    "uses security.protocol %# = %s",
    (patch, protocol, mechanism) => {
      const [entry] = buildClientKit(scenario(patch));
      const code = (id: string) => entry?.snippets.find((x) => x.id === id)?.code ?? "";
      const java = code("java");
      if (protocol === "PLAINTEXT") {
        expect(java).not.toContain("security.protocol");
        expect(entry?.env).toEqual([]);
      } else {
        expect(java).toContain(`security.protocol=${protocol}`);
        expect(code("librdkafka")).toContain(`security.protocol=${protocol}`);
        expect(code("kcat")).toContain(`-X security.protocol=${protocol}`);
      }
      if (mechanism !== null) {
        expect(java).toContain(`sasl.mechanism=${mechanism}`);
        expect(code("librdkafka")).toContain(`sasl.mechanisms=${mechanism}`);
      }
      // Secrets are named, never written: every ${env:X} / $X the snippets use is a declared variable.
      const declared = new Set(entry?.env.map((v) => v.name));
      for (const snippet of entry?.snippets ?? []) {
        for (const [, name] of snippet.code.matchAll(/\$\{?(?:env:)?([A-Z][A-Z0-9_]+)\}?/g)) {
          expect(declared.has(name ?? "")).toBe(true);
        }
      }
    },
  );

  it("puts a placeholder, not a description, where the address is known only after install", () => {
    const [entry] = buildClientKit(
      scenario(SINGLE_LB, { loadBalancer: { host: "", hostSource: "after-install" } }),
    );
    expect(entry?.bootstrapServers).toBe(`${LB_ADDRESS_PLACEHOLDER}:9092`);
    expect(entry?.bootstrapKnown).toBe(false);
    expect(entry?.notes.join(" ")).toContain(LB_ADDRESS_PLACEHOLDER);
  });

  it("brackets IPv6 load-balancer addresses", () => {
    const [entry] = buildClientKit(scenario(SINGLE_LB, { loadBalancer: { host: "fd00::10" } }));
    expect(entry?.bootstrapServers).toBe("[fd00::10]:9092");
  });

  it("describes client.id options as Bufstream documents them (domain 5)", () => {
    const markdown = renderClientKitMarkdown(buildClientKit(scenario(ZONAL_LB)));
    expect(markdown).toContain("separated by `,` or `;` (one kind per ID, no\nwhitespace");
    expect(markdown).not.toContain("after the first");
  });

  it("renders nothing for a scenario without clients' entries", () => {
    expect(renderClientKitMarkdown([])).toBe("");
  });
});

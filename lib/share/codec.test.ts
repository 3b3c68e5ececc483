import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { PRESETS } from "../scenario/presets";
import { ScenarioSchema } from "../scenario/schema";
import { deflateBytes } from "./compress";
import { restoreScenario } from "./restore";
import { encodeBase64Url } from "./base64url";
import {
  MAX_LINK_CHARS,
  buildShareLink,
  decodeScenario,
  encodeScenario,
  frozenV1Base,
  linkBaseUrl,
} from "./codec";
import { arbitraryScenario } from "./testing/arbitrary-scenario";

/** What a v1 link means for metadata when it carries none: the frozen base's etcd address, not yet confirmed. */
const V1_METADATA = {
  ...DEFAULT_SCENARIO.metadata,
  etcd: {
    source: "" as const,
    addresses: [{ host: "bufstream-etcd.bufstream.svc.cluster.local", port: 2379 }],
  },
};

const payloadOf = (json: string) =>
  `v1.${encodeBase64Url(deflateBytes(new TextEncoder().encode(json)))}`;

describe("encodeScenario / decodeScenario", () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.scenario] as const))(
    "round-trips preset %s exactly",
    (_id, scenario) => {
      const link = buildShareLink("https://wizard.example/", scenario);
      expect(decodeScenario(link)).toEqual({ ok: true, kind: "ok", scenario, notes: [] });
    },
  );

  it("round-trips random valid scenarios exactly", () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        expect(decodeScenario(encodeScenario(scenario))).toEqual({
          ok: true,
          kind: "ok",
          scenario,
          notes: [],
        });
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same link for the same scenario whatever its key order", () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_SCENARIO).reverse());
    const scenario = { ...DEFAULT_SCENARIO, replicas: 5 };
    const reorderedScenario = { ...reordered, replicas: 5 } as typeof scenario;
    expect(encodeScenario(reorderedScenario)).toBe(encodeScenario(scenario));
  });

  it("writes only the fields that differ from the frozen v1 base", () => {
    // The defaults moved on from the frozen base (issue 11: the install mode,
    // where etcd comes from, the OTLP transport, no guessed etcd address;
    // issue 16: who may connect, monitoring), so a link of the defaults
    // carries exactly those fields.
    const access =
      '"access":{"adminPeers":[{"namespace":"","namespaceLabels":"","podLabels":""}],"clientGroups":[{"namespace":"","namespaceLabels":"","podLabels":""}],"httpsCidrs":[],"kafkaFrom":"client-groups","kafkaPeers":[],"lbTrafficCidrs":[],"loadBalancerSourceRanges":[],"metadataCidrs":[],"networkPolicy":false,"outsideClientCidrs":[]}';
    const monitoring =
      '"monitoring":{"monitorLabels":"","prometheusNamespace":"monitoring","prometheusOperator":"none"}';
    const defaultsPatch = `{${access},"install":"existing","metadata":{"etcd":{"addresses":[{"host":"","port":2379}],"source":""}},${monitoring},"observability":{"otlpInsecure":false}}`;
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe(payloadOf(defaultsPatch));
    // Keys are sorted at every depth, so "replicas" comes last.
    expect(encodeScenario({ ...DEFAULT_SCENARIO, replicas: 5 })).toBe(
      payloadOf(`${defaultsPatch.slice(0, -1)},"replicas":5}`),
    );
  });

  it("keeps a frozen base that restores to a valid scenario", () => {
    // Fields added since (with defaults) are filled in by restore, as for any v1 link.
    expect(ScenarioSchema.safeParse(frozenV1Base()).success).toBe(false);
    expect(restoreScenario(frozenV1Base()).ok).toBe(true);
  });

  it("fills fields a link does not carry from the defaults", () => {
    const link = payloadOf('{"clientKit":null,"cluster":"prod"}');
    expect(decodeScenario(link)).toEqual({
      ok: true,
      kind: "ok",
      scenario: { ...DEFAULT_SCENARIO, metadata: V1_METADATA, cluster: "prod" },
      notes: [],
    });
  });
});

describe("decodeScenario on bad links", () => {
  const good = buildShareLink("https://wizard.example/", {
    ...DEFAULT_SCENARIO,
    clients: "outside-cluster",
    exposure: "load-balancer",
    loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, host: "kafka.example.com" },
  });

  const cases: Array<[string, string, string, RegExp]> = [
    ["nothing after #", "https://wizard.example/#", "empty", /carries no scenario/],
    ["a URL without a fragment", "https://wizard.example/", "empty", /carries no scenario/],
    [
      "another site's fragment",
      "https://mermaid.live/edit#pako:eNpV",
      "foreign",
      /not a bufstream-wizard link/,
    ],
    ["plain words", "hello world", "foreign", /not a bufstream-wizard link/],
    ["a newer prefix", "https://wizard.example/#v2.AAAA", "newer", /made by a newer version/],
    ["a cut link", good.slice(0, good.length - 12), "cut-short", /cut short/],
    ["foreign characters", "v1.<script>alert(1)</script>", "damaged", /damaged/],
    ["JSON that is not an object", payloadOf("[1,2]"), "damaged", /damaged/],
    ["text that is not JSON", payloadOf("{nope"), "damaged", /damaged/],
    ["a too-long link", `v1.${"A".repeat(MAX_LINK_CHARS)}`, "too-large", /too large/],
    [
      "a zip bomb",
      `v1.${encodeBase64Url(deflateBytes(new Uint8Array(1_000_000).fill(32)))}`,
      "too-large",
      /too large/,
    ],
    ["a newer scenario inside a v1 link", payloadOf('{"version":2}'), "newer", /newer version/],
  ];

  it.each(cases)(
    "%s: says what was wrong and falls back to defaults",
    (_name, link, kind, message) => {
      const result = decodeScenario(link);
      expect(result.ok).toBe(false);
      expect(result.kind).toBe(kind);
      expect(result.scenario).toEqual(DEFAULT_SCENARIO);
      expect(!result.ok && result.problems[0]?.message).toMatch(message);
    },
  );

  it("reports a link cut at any point as cut short, not as damaged", () => {
    const payload = good.slice(good.indexOf("#") + 1);
    const kinds = new Set<string>();
    for (let end = 1; end < payload.length; end++) {
      const result = decodeScenario(`https://wizard.example/#${payload.slice(0, end)}`);
      kinds.add(result.kind);
      expect(result.kind, `cut after ${end} characters`).toBe("cut-short");
    }
    expect(kinds).toEqual(new Set(["cut-short"]));
  });

  it("still calls a link with a changed character damaged", () => {
    const payload = good.slice(good.indexOf("#") + 1);
    expect(decodeScenario(`${payload.slice(0, 10)}*${payload.slice(11)}`).kind).toBe("damaged");
  });

  it("names the invalid fields and keeps the valid ones", () => {
    const result = decodeScenario(
      payloadOf('{"replicas":0,"cluster":"prod","release":{"name":"A B"}}'),
    );
    expect(result.kind).toBe("invalid");
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(["release.name", "replicas"]);
    expect(result.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      metadata: V1_METADATA,
      cluster: "prod",
    });
  });

  it("reads links that chat apps wrapped or percent-encoded", () => {
    const payload = good.slice(good.indexOf("#") + 1);
    const expected = decodeScenario(good).scenario;
    expect(decodeScenario(`  ${payload.slice(0, 20)}\n${payload.slice(20)} `).scenario).toEqual(
      expected,
    );
    expect(
      decodeScenario(`https://wizard.example/#${payload.replace(".", "%2E")}`).scenario,
    ).toEqual(expected);
  });

  it("accepts a non-string without throwing", () => {
    expect(decodeScenario(undefined as unknown as string).kind).toBe("foreign");
  });
});

describe("buildShareLink / linkBaseUrl", () => {
  it("puts the kind's page and the payload after the wizard's root, replacing any fragment", () => {
    const payload = encodeScenario(DEFAULT_SCENARIO);
    expect(buildShareLink("https://w.example/app/", DEFAULT_SCENARIO)).toBe(
      `https://w.example/app/s/in-cluster/#${payload}`,
    );
    expect(buildShareLink("https://w.example/app/#v1.old", DEFAULT_SCENARIO)).toBe(
      `https://w.example/app/s/in-cluster/#${payload}`,
    );
    // From a kind page (another kind's included): the root's link, not a nested one.
    expect(buildShareLink("https://w.example/app/s/headless/#v1.old", DEFAULT_SCENARIO)).toBe(
      `https://w.example/app/s/in-cluster/#${payload}`,
    );
  });

  it("keeps a base that is not a root (a file, a query) as it is, payload after #", () => {
    const payload = encodeScenario(DEFAULT_SCENARIO);
    expect(buildShareLink("https://w.example/app/index.html", DEFAULT_SCENARIO)).toBe(
      `https://w.example/app/index.html#${payload}`,
    );
    expect(buildShareLink("https://w.example/?x=1", DEFAULT_SCENARIO)).toBe(
      `https://w.example/?x=1#${payload}`,
    );
  });

  it("takes origin and path from a link, less a kind page, and nothing from a bare payload", () => {
    expect(linkBaseUrl("https://w.example/app/?x=1#v1.abc")).toBe("https://w.example/app/");
    expect(linkBaseUrl("http://localhost:3000/#v1.abc")).toBe("http://localhost:3000/");
    expect(linkBaseUrl("https://w.example/app/s/aws-internal-nlb/#v1.abc")).toBe(
      "https://w.example/app/",
    );
    expect(linkBaseUrl("v1.abc")).toBeNull();
    expect(linkBaseUrl("javascript:alert(1)//#v1.abc")).toBeNull();
  });
});

// Issue 17: what a link may carry, and lone surrogates arriving through links.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { MAX_ZONE_HOSTS, ScenarioSchema } from "../scenario/schema";
import { findLoneSurrogate, loneSurrogateMessage } from "../scenario/well-formed";
import { encodeBase64Url } from "./base64url";
import { decodeScenario, encodeScenario } from "./codec";
import { deflateBytes } from "./compress";
import { LINK_LIMITS, LINK_LIMITS_TEXT, countEntries, groupThousands } from "./limits";
import { largestScenario } from "./testing/largest-scenario";

const payloadOfJson = (json: string) =>
  `v1.${encodeBase64Url(deflateBytes(new TextEncoder().encode(json)))}`;
const payloadOf = (value: unknown) => payloadOfJson(JSON.stringify(value));

/** `n` zone hosts in a link short enough to pass the character cap. */
const hosts = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`z${i}`, `h${i}.example.com`]));

describe("the link caps", () => {
  const largest = largestScenario();
  const link = encodeScenario(largest);
  const json = new TextEncoder().encode(JSON.stringify(largest));

  it("hold the largest scenario the schema accepts, which decodes back exactly", () => {
    expect(ScenarioSchema.safeParse(largest).success).toBe(true);
    // It is the largest: full lists, long fields, three-byte text.
    expect(largest.zones.names).toHaveLength(6);
    expect(largest.identity.awsRoleArn).toHaveLength(2048);
    expect(json.length).toBeGreaterThan(25_000);
    expect(link.length).toBeGreaterThan(25_000);
    // …and within every cap, with room to spare.
    expect(link.length).toBeLessThan(LINK_LIMITS.chars * 0.75);
    expect(json.length).toBeLessThan(LINK_LIMITS.inflatedBytes * 0.5);
    const entries = countEntries(largest);
    expect(entries.total).toBeLessThan(LINK_LIMITS.entries / 4);
    expect(entries.largest.entries).toBeLessThan(LINK_LIMITS.entriesPerObject / 2);
    expect(decodeScenario(`https://wizard.example/#${link}`)).toEqual({
      ok: true,
      kind: "ok",
      scenario: largest,
      notes: [],
    });
  });

  it("state every cap in the words a too-large link shows", () => {
    expect(LINK_LIMITS_TEXT).toBe(
      "A bufstream-wizard link is at most 49,152 characters long, unpacks to at most 64 KiB and carries at most 1,000 values, at most 100 in any one list or map: far more than any scenario needs.",
    );
  });

  const tooLarge: Array<[string, string, RegExp]> = [
    [
      "over the character cap",
      `https://wizard.example/#v1.${"A".repeat(LINK_LIMITS.chars)}`,
      /^This link is too large: it is 49,1\d\d characters long\. /,
    ],
    [
      "a zip bomb (over the inflated cap)",
      payloadOfJson(`{"cluster":"${"a".repeat(200_000)}"}`),
      /^This link is too large: it unpacks to more than 64 KiB\. /,
    ],
    [
      "20,000 zone hosts (the attack run's link, 50 KB)",
      payloadOf({ zones: { enabled: true, hosts: Object.fromEntries(hostsOfEmpty(20_000)) } }),
      /^This link is too large: it is 5\d,\d\d\d characters long\. /,
    ],
    [
      "6,000 zone hosts, within the character and inflated caps",
      payloadOf({ zones: { enabled: true, hosts: Object.fromEntries(hostsOfEmpty(6_000)) } }),
      /^This link is too large: it carries 6,00\d values, 6,000 of them in zones\.hosts\. /,
    ],
    [
      "101 zone hosts (over the per-map cap)",
      payloadOf({ zones: { hosts: hosts(101) } }),
      /^This link is too large: it carries 10\d values, 101 of them in zones\.hosts\. /,
    ],
    [
      "1,001 values spread over small objects (over the total cap)",
      payloadOf({
        release: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, hosts(90)])),
      }),
      /^This link is too large: it carries 1,0\d\d values, 90 of them in release\.k\d+\. /,
    ],
    [
      "lists nested 30,000 deep",
      payloadOfJson(`{"a":${"[".repeat(30_000)}${"]".repeat(30_000)}}`),
      /^This link is too large: it carries 30,000 values, 1 of them at the top level\. /,
    ],
  ];

  it.each(tooLarge)("%s: too large, saying which cap and all of them", (_name, input, message) => {
    const result = decodeScenario(input);
    expect(result.kind).toBe("too-large");
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("");
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.message.endsWith(LINK_LIMITS_TEXT)).toBe(true);
  });

  it("let through exactly 100 hosts in a map", () => {
    const result = decodeScenario(payloadOf({ zones: { hosts: hosts(100) } }));
    expect(result.kind).toBe("ok");
    expect(Object.keys(result.scenario.zones.hosts)).toHaveLength(100);
  });
});

/** Empty hosts compress to about two characters each: the attack run's 20,000 in 64 KB. */
function hostsOfEmpty(n: number): Array<[string, string]> {
  return Array.from({ length: n }, (_, i) => [String(i), ""]);
}

describe("countEntries", () => {
  it("counts members and items at every depth, and finds the biggest", () => {
    expect(countEntries({ a: [1, 2, { b: 3 }], c: {} })).toEqual({
      total: 6,
      largest: { path: "a", entries: 3 },
    });
    expect(countEntries("text")).toEqual({ total: 0, largest: { path: "", entries: 0 } });
  });
});

describe("a lone surrogate in a link", () => {
  // JSON.stringify writes a lone surrogate as a `\ud800` escape, so it survives
  // deflate and base64url and reaches the decoder as it was (the attack run's case).
  const jwks = "https://xa\ud800b";
  const scenario = {
    ...DEFAULT_SCENARIO,
    cluster: "prod",
    auth: { ...DEFAULT_SCENARIO.auth, sasl: "oauthbearer" as const, oauthJwksUrl: jwks },
  };

  it("is reported on its field, and nothing of it is kept", () => {
    const result = decodeScenario(encodeScenario(scenario));
    expect(result.kind).toBe("invalid");
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({
      path: "auth.oauthJwksUrl",
      message: loneSurrogateMessage(jwks),
    });
    // The rest of the link is kept; the broken value never is.
    expect(result.scenario.cluster).toBe("prod");
    expect(JSON.stringify(result.scenario)).not.toMatch(/\\ud[89ab]/i);
    expect(findLoneSurrogate(JSON.stringify(result.scenario))).toBe(-1);
  });

  it("as a zone host map key, is reported on that key", () => {
    const key = "us-east-1a\udc00";
    const result = decodeScenario(payloadOf({ zones: { hosts: { [key]: "kafka.example.com" } } }));
    expect(result.ok ? [] : result.problems).toEqual([
      { path: `zones.hosts.${key}`, message: loneSurrogateMessage(key) },
    ]);
    expect(result.scenario.zones.hosts).toEqual({});
  });
});

describe("the schema's cap on zone hosts matches the link's per-map cap", () => {
  const withHosts = (n: number) => ({
    ...DEFAULT_SCENARIO,
    zones: { ...DEFAULT_SCENARIO.zones, hosts: hosts(n) },
  });

  it("accepts as many zone hosts as a link may carry in one map, and no more", () => {
    expect(MAX_ZONE_HOSTS).toBe(LINK_LIMITS.entriesPerObject);
    expect(ScenarioSchema.safeParse(withHosts(MAX_ZONE_HOSTS)).success).toBe(true);
    const over = ScenarioSchema.safeParse(withHosts(MAX_ZONE_HOSTS + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((issue) => issue.path.join("."))).toEqual(["zones.hosts"]);
  });
});

describe("groupThousands", () => {
  it("writes whole numbers as en-US does, without loading the browser's locale data", () => {
    expect(groupThousands(49152)).toBe("49,152");
    expect(groupThousands(999)).toBe("999");
    expect(groupThousands(1000000)).toBe("1,000,000");
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
      }),
    );
  });
});

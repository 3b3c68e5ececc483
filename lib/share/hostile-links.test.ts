// The hostile-link corpus (issue 17) decodes as each link says it must: the
// same links `npm test` opens in Chromium and `npm run attack` opens by the
// hundred. Whatever the link, the decoder returns a valid scenario and words.
import { describe, expect, it } from "vitest";

import { ScenarioSchema } from "../scenario/schema";
import { findLoneSurrogate, loneSurrogateMessage } from "../scenario/well-formed";
import { decodeScenario } from "./codec";
import { HOSTILE_KINDS, SCRIPT_PAYLOADS, hostileLinks } from "./testing/hostile-links";

describe.each(HOSTILE_KINDS.map((kind) => [kind] as const))("hostile links: %s", (kind) => {
  const links = hostileLinks(kind, "small");

  it("are a few dozen, each different", () => {
    expect(links.length).toBeGreaterThanOrEqual(15);
    expect(links.length).toBeLessThanOrEqual(60);
    expect(new Set(links.map((link) => link.payload)).size).toBe(links.length);
  });

  it.each(links.map((link) => [link.name, link] as const))("%s", (_name, link) => {
    const result = decodeScenario(link.payload);
    expect(link.expect).toContain(result.kind);
    expect(ScenarioSchema.safeParse(result.scenario).success).toBe(true);
    expect(findLoneSurrogate(JSON.stringify(result.scenario))).toBe(-1);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    if (link.field !== undefined) {
      const problem = result.ok ? undefined : result.problems.find((p) => p.path === link.field);
      expect(problem?.message, `a problem on ${link.field}`).toMatch(/^Character \d+ is broken/);
    }
  });
});

describe("the injection links", () => {
  it("carry every payload, and the accepted ones keep it whole", () => {
    const links = hostileLinks("injection", "small");
    for (const [name, payload] of Object.entries(SCRIPT_PAYLOADS)) {
      expect(links.some((link) => link.name === `${name} in every string field`)).toBe(true);
      const accepted = links.find((link) => link.name.startsWith(`${name} in every free-text`));
      expect(accepted, `${name} is accepted somewhere`).toBeDefined();
      const result = decodeScenario(accepted?.payload ?? "");
      expect(result.kind).toBe("ok");
      expect(result.scenario.storage.prefix).toBe(payload);
    }
  });
});

describe("the surrogate links", () => {
  it("reach every free-text field and the zone host keys", () => {
    const fields = new Set(hostileLinks("surrogate", "small").map((link) => link.field));
    expect(fields).toContain("auth.oauthJwksUrl");
    expect([...fields].some((path) => path?.startsWith("zones.hosts.") && path.length > 12)).toBe(
      true,
    );
    expect(loneSurrogateMessage("a\ud800")).toMatch(/^Character 2 is broken/);
  });
});

import { describe, expect, it } from "vitest";
import type { ClientView } from "../clients/types";
import { buildClientSequence } from "./build-sequence";
import { decodeLabel } from "./escape";
import { FAILING_MARK, STEP_LABELS } from "./labels";
import { VIEW_FIXTURES } from "./test-fixtures";
import { readGolden } from "./test-golden";
import { NODE_LINE_MAX_PX, textWidth } from "./wrap";

/** The statements after the header, with message/note text decoded. */
function statements(text: string) {
  return text
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => !line.startsWith("acc") && !line.startsWith("participant"))
    .map((line) => {
      const m =
        /^(n\d)(->>|-->>|-x)(n\d): (.*)$/.exec(line) ??
        /^Note over (n\d(?:,n\d)?): (.*)$/.exec(line);
      if (m === null) throw new Error(`unexpected line: ${line}`);
      if (m.length === 5)
        return {
          kind: "message",
          from: m[1],
          arrow: m[2],
          to: m[3],
          lines: m[4]!.split("<br/>").map(decodeLabel),
        };
      return { kind: "note", over: m[1], lines: m[2]!.split("<br/>").map(decodeLabel) };
    });
}

function view(name: string): ClientView {
  const found = VIEW_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(name);
  return found.view;
}

describe("buildClientSequence golden files", () => {
  for (const fixture of VIEW_FIXTURES) {
    it(`${fixture.name}.mmd`, () => {
      const text = buildClientSequence(fixture.view);
      const golden = readGolden(`${fixture.name}.mmd`, text);
      expect(
        golden,
        "missing golden file; run UPDATE_GOLDEN=1 npx vitest run lib/diagram",
      ).not.toBeNull();
      expect(text).toBe(golden);
    });
  }
});

describe("buildClientSequence", () => {
  it("walks bootstrap, metadata with every advertised entry, then produce / fetch", () => {
    const v = view("sequence-in-cluster-connects");
    const text = buildClientSequence(v);
    expect(text.startsWith("sequenceDiagram\n")).toBe(true);
    const s = statements(text);
    expect(s.map((x) => ("arrow" in x ? x.arrow : "note"))).toEqual([
      "note",
      "->>",
      "-->>",
      "->>",
      "note",
    ]);
    expect(s[1]?.lines).toEqual([
      STEP_LABELS.request,
      "to bufstream.bufstream.svc.cluster.local:9092",
    ]);
    // The response lists the entries as Bufstream returns them (case-varied), one per broker.
    expect(s[2]?.lines).toEqual([
      `${STEP_LABELS.response}, 3 brokers`,
      ...v.brokers.map((b) => b.address),
    ]);
    // Case-varied entries are one address to connect to.
    expect(s[3]?.lines).toEqual([STEP_LABELS.produceFetch, `to ${v.brokers[0]?.address} (×3)`]);
    expect(s[4]?.lines).toEqual(["Produce and fetch land in:", "any broker"]);
    expect(s[0]?.lines).toEqual(["client.id my-app"]);
  });

  it("stops at a failing bootstrap with a -x arrow and the reason", () => {
    const v = view("sequence-outside-bootstrap-fails");
    const s = statements(buildClientSequence(v));
    expect(s.map((x) => ("arrow" in x ? x.arrow : "note"))).toEqual(["note", "-x", "note"]);
    expect(s[1]?.lines[0]).toBe(`${FAILING_MARK} ${STEP_LABELS.request}`);
    // The reason, wrapped as node labels are (one line ran out of the note's box).
    expect(s[2]?.lines.join(" ")).toBe(`${FAILING_MARK} ${v.bootstrapVerdict.note}`);
    expect(s[2]?.lines.length).toBeGreaterThan(1);
    for (const line of s[2]?.lines ?? []) {
      expect(textWidth(line)).toBeLessThanOrEqual(NODE_LINE_MAX_PX);
    }
  });

  it("shows a working bootstrap, then the advertised address failing", () => {
    const v = view("sequence-zone-advertised-fails");
    const s = statements(buildClientSequence(v));
    expect(s.map((x) => ("arrow" in x ? x.arrow : "note"))).toEqual([
      "note",
      "->>",
      "-->>",
      "-x",
      "note",
    ]);
    expect(s[0]?.lines).toEqual(["client.id my-app,zone=us-east-1a"]);
    expect(s[3]?.lines[1]).toBe(`to ${v.brokers[0]?.address} (×2)`);
    expect(s[4]?.lines.join(" ")).toBe(`${FAILING_MARK} ${v.brokers[0]?.note}`);
  });

  it("collapses a long metadata response", () => {
    const s = statements(buildClientSequence(view("sequence-many-brokers")));
    expect(s[1]?.lines).toEqual([
      `${STEP_LABELS.response}, 6 brokers`,
      "kafka.acme.net:9094",
      "kafka.acme.net:9094",
      "… 3 more …",
      "kafka.acme.net:9094",
    ]);
  });

  it("marks a view that does not connect even when every address looks fine", () => {
    const v = { ...view("sequence-in-cluster-connects"), connects: false };
    const s = statements(buildClientSequence(v));
    expect(s.at(-1)?.lines[0]?.startsWith(FAILING_MARK)).toBe(true);
  });

  it("escapes view text so it cannot add statements", () => {
    const nasty = "x\nNote over n1: injected; #quot; %%{init: {}}%% <b>bold</b> end";
    const v: ClientView = {
      ...view("sequence-zone-advertised-fails"),
      clientId: nasty,
      landsIn: nasty,
      brokers: [{ address: nasty, resolves: false, reachable: true, note: nasty, findingId: null }],
    };
    const text = buildClientSequence(v);
    expect(text).not.toContain("%%");
    expect(text).not.toContain("<b>");
    const s = statements(text);
    expect(s).toHaveLength(5);
    expect(s[0]?.lines).toEqual([`client.id ${nasty}`]);
    expect(s[4]?.lines.join(" ")).toBe(`${FAILING_MARK} ${nasty}`);
  });
});

import { describe, expect, it } from "vitest";
import {
  breakAddress,
  breakAddresses,
  EDGE_LINE_MAX_PX,
  NODE_LINE_MAX_PX,
  textWidth,
  wrapWords,
} from "./wrap";

describe("textWidth", () => {
  it("adds the diagram font's advance widths, and counts unknown characters as 1 em", () => {
    expect(textWidth("")).toBe(0);
    expect(textWidth("ii")).toBeCloseTo(2 * 0.246 * 16);
    expect(textWidth("漢")).toBe(16);
  });
});

describe("breakAddress", () => {
  it("keeps an address that fits on one line", () => {
    expect(breakAddress("10.0.0.1:9092", NODE_LINE_MAX_PX)).toEqual(["10.0.0.1:9092"]);
  });

  it("breaks before dots only, never inside a DNS label or before the port", () => {
    const address = "bufstream-us-east-1a.bufstream.svc.cluster.local:9092 ×2";
    const lines = breakAddress(address, EDGE_LINE_MAX_PX);
    expect(lines).toEqual(["bufstream-us-east-1a", ".bufstream.svc.cluster", ".local:9092 ×2"]);
    expect(lines.join("")).toBe(address);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(EDGE_LINE_MAX_PX);
  });

  it("breaks a DNS label too wide on its own before a hyphen only when asked, and never inside a kept word", () => {
    const address = "bufstream-us-east-1a-headless-for-kafka.bufstream.svc.cluster.local:9092";
    expect(breakAddress(address, EDGE_LINE_MAX_PX)[0]).toBe(
      "bufstream-us-east-1a-headless-for-kafka",
    );
    const lines = breakAddress(address, EDGE_LINE_MAX_PX, ["us-east-1a"]);
    expect(lines.join("")).toBe(address);
    expect(lines.some((line) => line.endsWith("us-east") || line.startsWith("-1a"))).toBe(false);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(EDGE_LINE_MAX_PX);
  });
});

describe("breakAddresses", () => {
  it("breaks addresses that differ in their zone at the same dots", () => {
    const lines = breakAddresses(
      ["bufstream-us-east-1a.kafka.internal:9092", "bufstream-us-east-1c.kafka.internal:9092"],
      EDGE_LINE_MAX_PX,
    );
    expect(lines.map((l) => l.length)).toEqual([2, 2]);
    expect(lines[0]?.[1]).toBe(lines[1]?.[1]);
  });
});

describe("wrapWords", () => {
  it("breaks prose at spaces and addresses inside it at their dots", () => {
    const text =
      "Clients outside the cluster cannot resolve bufstream-headless.bufstream.svc.cluster.local.";
    const lines = wrapWords(text, NODE_LINE_MAX_PX);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(NODE_LINE_MAX_PX);
    expect(lines.join(" ").replace(/ \./g, ".")).toBe(text);
  });

  it("keeps a single long word whole", () => {
    expect(wrapWords("a".repeat(60), NODE_LINE_MAX_PX)).toEqual(["a".repeat(60)]);
  });
});

// The Helm merge model the install.sh tests rely on, checked against what Helm
// does (pkg/cli/values/options.go: mergeMaps, then --set, then --set-string).
import { describe, expect, it } from "vitest";
import {
  applySet,
  asValuesFile,
  helmUserValues,
  leafPaths,
  mergeMaps,
  valueAt,
} from "./helm-merge";

describe("mergeMaps (Helm's --values layering)", () => {
  it("later files win key by key; maps merge deeply", () => {
    const a = { storage: { use: "s3", s3: { bucket: "old", region: "us-east-1" } }, cluster: "x" };
    const b = { storage: { s3: { bucket: "new" } }, replicas: 3 };
    expect(mergeMaps(a, b)).toEqual({
      storage: { use: "s3", s3: { bucket: "new", region: "us-east-1" } },
      cluster: "x",
      replicas: 3,
    });
  });

  it("lists are replaced whole, never merged element by element", () => {
    const a = { extraObjects: [{ kind: "PodMonitor" }, { kind: "ConfigMap" }] };
    const b = { extraObjects: [{ kind: "Service" }] };
    expect(mergeMaps(a, b)).toEqual({ extraObjects: [{ kind: "Service" }] });
  });

  it("a scalar replaces a map and a map replaces a scalar; null stays (it deletes the chart default later)", () => {
    expect(mergeMaps({ a: { b: 1 } }, { a: 2 })).toEqual({ a: 2 });
    expect(mergeMaps({ a: 2 }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
    expect(mergeMaps({ a: { b: 1 } }, { a: null })).toEqual({ a: null });
  });

  it("does not change its inputs", () => {
    const a = { x: { y: 1 } };
    mergeMaps(a, { x: { z: 2 } });
    expect(a).toEqual({ x: { y: 1 } });
  });

  it("an empty or null document is {} (helm get values of a release without values)", () => {
    expect(asValuesFile(null)).toEqual({});
    expect(asValuesFile(undefined)).toEqual({});
    expect(() => asValuesFile([1])).toThrow();
  });
});

describe("--set and --set-string", () => {
  it("--set types integers and booleans; --set-string keeps text", () => {
    expect(applySet({}, "kafka.publicAddress.port=9092", false)).toEqual({
      kafka: { publicAddress: { port: 9092 } },
    });
    expect(applySet({}, "a=true", false)).toEqual({ a: true });
    expect(applySet({}, "a=9092", true)).toEqual({ a: "9092" });
  });

  it("applies after every file, --set before --set-string, merging into maps", () => {
    const values = helmUserValues({
      files: [{ kafka: { publicAddress: { host: "old", port: 1 }, numPartitions: 6 } }],
      sets: [
        { assignment: "kafka.publicAddress.host=lb.example", asString: true },
        { assignment: "kafka.publicAddress.port=9092", asString: false },
      ],
    });
    expect(values).toEqual({
      kafka: { publicAddress: { host: "lb.example", port: 9092 }, numPartitions: 6 },
    });
  });

  it("refuses forms install.sh does not use, so a new one cannot pass unchecked", () => {
    expect(() => applySet({}, "a[0]=x", false)).toThrow(/unsupported/);
    expect(() => applySet({}, "a=x,b=y", false)).toThrow(/unsupported/);
    expect(() => applySet({}, "novalue", false)).toThrow(/key=value/);
  });
});

describe("leafPaths / valueAt", () => {
  it("lists the leaves; a list is one leaf", () => {
    const doc = { a: { b: 1, c: [1, 2] }, d: {}, e: null };
    expect(leafPaths(doc)).toEqual([["a", "b"], ["a", "c"], ["d"], ["e"]]);
    expect(valueAt(doc, ["a", "c"])).toEqual([1, 2]);
    expect(valueAt(doc, ["a", "x"])).toBeUndefined();
    expect(valueAt(doc, ["constructor"])).toBeUndefined();
  });
});

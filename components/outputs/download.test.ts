import { describe, expect, it } from "vitest";
import { bundleZipName, mediaTypeFor } from "./download";

describe("mediaTypeFor", () => {
  it.each([
    ["bufstream-values.yaml", "application/yaml"],
    ["bufstream-regional-service.yaml", "application/yaml"],
    ["install.sh", "text/x-shellscript; charset=utf-8"],
    ["README.md", "text/markdown; charset=utf-8"],
    ["topology.mmd", "text/plain; charset=utf-8"],
    ["bufstream-bundle.zip", "application/zip"],
  ])("%s is %s", (name, type) => {
    expect(mediaTypeFor(name)).toBe(type);
  });
});

describe("bundleZipName", () => {
  it("names the zip after the release", () => {
    expect(bundleZipName("kafka-east")).toBe("kafka-east-bundle.zip");
  });
});

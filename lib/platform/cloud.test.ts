import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { cloudOfMetadata, cloudOfPlatform, cloudOfStorage } from "./cloud";

describe("the cloud platform answers point at", () => {
  const platform = (
    patch: Partial<Pick<typeof DEFAULT_SCENARIO, "identity" | "storage" | "metadata">>,
  ) => ({
    identity: DEFAULT_SCENARIO.identity,
    storage: DEFAULT_SCENARIO.storage,
    metadata: DEFAULT_SCENARIO.metadata,
    ...patch,
  });

  it("identity first, then storage, then the metadata store", () => {
    const gke = { ...DEFAULT_SCENARIO.identity, method: "gke-workload-identity" as const };
    const azure = { ...DEFAULT_SCENARIO.storage, use: "azure" as const };
    const spanner = { ...DEFAULT_SCENARIO.metadata, use: "spanner" as const };
    expect(cloudOfPlatform(platform({ identity: gke, storage: azure }))).toBe("gcp");
    expect(cloudOfPlatform(platform({ storage: azure, metadata: spanner }))).toBe("azure");
    expect(cloudOfPlatform(platform({ metadata: spanner }))).toBe("gcp");
  });

  it("S3 says nothing: S3-compatible stores run anywhere", () => {
    const s3 = { ...DEFAULT_SCENARIO.storage, use: "s3" as const };
    const none = { ...DEFAULT_SCENARIO.identity, method: "none" as const };
    const etcd = { ...DEFAULT_SCENARIO.metadata, use: "etcd" as const };
    expect(cloudOfPlatform(platform({ identity: none, storage: s3, metadata: etcd }))).toBeNull();
    expect(cloudOfStorage("s3")).toBeNull();
  });

  it("text from values: only the table's own keys count", () => {
    expect(cloudOfStorage("gcs")).toBe("gcp");
    expect(cloudOfMetadata("spanner")).toBe("gcp");
    for (const text of ["constructor", "__proto__", "toString", "", "GCS"]) {
      expect(cloudOfStorage(text)).toBeNull();
      expect(cloudOfMetadata(text)).toBeNull();
    }
  });
});

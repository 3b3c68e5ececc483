import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { followsSuggestion, isPristinePlatform, suggestedPlatform } from "./provider-defaults";
import { scenarioWith } from "./testing/scenarios";

describe("suggestedPlatform", () => {
  it("suggests each cloud's own storage and workload identity, with Postgres", () => {
    const pick = (provider: "aws" | "gcp" | "azure") =>
      suggestedPlatform(
        scenarioWith((s) => {
          s.exposure = "load-balancer";
          s.loadBalancer.provider = provider;
        }),
      );
    expect(pick("aws")).toMatchObject({
      storageUse: "s3",
      identityMethod: "eks-pod-identity",
      metadata: [{ use: "postgres" }],
    });
    expect(pick("gcp")).toMatchObject({
      storageUse: "gcs",
      identityMethod: "gke-workload-identity",
    });
    expect(pick("azure")).toMatchObject({
      storageUse: "azure",
      identityMethod: "azure-workload-identity",
    });
  });

  it("offers Spanner beside PostgreSQL on Google Cloud, PostgreSQL first", () => {
    const gcp = suggestedPlatform(scenarioWith((s) => (s.loadBalancer.provider = "gcp")));
    expect(gcp?.metadata.map((m) => m.use)).toEqual(["postgres", "spanner"]);
    const aws = suggestedPlatform(scenarioWith((s) => (s.loadBalancer.provider = "aws")));
    expect(aws?.metadata.map((m) => m.use)).toEqual(["postgres"]);
  });

  it("suggests for the cluster's cloud whatever the clients' layout", () => {
    expect(suggestedPlatform(DEFAULT_SCENARIO)?.cloud).toBe("EKS");
  });

  it("suggests nothing when the cloud is another one", () => {
    const other = scenarioWith((s) => {
      s.exposure = "load-balancer";
      s.loadBalancer.provider = "other";
    });
    expect(suggestedPlatform(other)).toBeNull();
  });
});

describe("isPristinePlatform / followsSuggestion", () => {
  it("tells untouched platform answers from edited ones", () => {
    expect(isPristinePlatform(DEFAULT_SCENARIO)).toBe(true);
    expect(isPristinePlatform(scenarioWith((s) => (s.storage.bucket = "b")))).toBe(false);
  });

  it("knows when a scenario already follows a suggestion", () => {
    const aws = scenarioWith((s) => {
      s.exposure = "load-balancer";
      s.loadBalancer.provider = "aws";
    });
    const suggestion = suggestedPlatform(aws);
    if (suggestion === null) throw new Error("expected a suggestion for AWS");
    expect(followsSuggestion(aws, suggestion)).toBe(false);
    const following = scenarioWith((s) => {
      s.identity.method = "eks-pod-identity";
      s.metadata.use = "postgres";
    }, aws);
    expect(followsSuggestion(following, suggestion)).toBe(true);
    const gcp = scenarioWith((s) => {
      s.loadBalancer.provider = "gcp";
      s.storage.use = "gcs";
      s.identity.method = "gke-workload-identity";
      s.metadata.use = "spanner";
    });
    const gcpSuggestion = suggestedPlatform(gcp);
    if (gcpSuggestion === null) throw new Error("expected a suggestion for Google Cloud");
    expect(followsSuggestion(gcp, gcpSuggestion)).toBe(true);
  });
});

// Which cloud imported values are for: the Service's annotations settle it;
// otherwise the storage or metadata store suggest it, asked with that guess, and
// an answer wins. A GKE release read as AWS would get AWS annotations on the
// load balancer the wizard then writes, which GKE ignores.
import { describe, expect, it } from "vitest";
import { importValues, type ImportedValues } from "./import-values";
import type { Answers } from "./read-scenario";

function read(text: string, answers: Answers = {}): ImportedValues["read"] {
  const result = importValues([{ name: "values.yaml", text }], answers);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.imported.read;
}

const cloudQuestion = (r: ImportedValues["read"]) =>
  r.questions.find((q) => q.id === "loadBalancer.provider");

const clusterIp = (storage: string) =>
  `storage:\n  use: ${storage}\n  ${storage}:\n    bucket: b\n`;

describe("the cloud of imported values", () => {
  it("a ClusterIP Service with GKE network endpoint groups is GKE, without asking", () => {
    const r = read(
      `bufstream:\n  service:\n    annotations:\n      cloud.google.com/neg: '{"exposed_ports": {"9092":{}}}'\n`,
    );
    expect(r.scenario.loadBalancer.provider).toBe("gcp");
    expect(cloudQuestion(r)).toBeUndefined();
  });

  it.each([
    ["gcs", "gcp"],
    ["azure", "azure"],
  ])("a ClusterIP Service with storage.use %s: asked, guessing %s", (storage, cloud) => {
    const r = read(clusterIp(storage));
    expect(r.scenario.loadBalancer.provider).toBe(cloud);
    expect(cloudQuestion(r)).toMatchObject({
      text: "Which cloud does the cluster run on?",
      guess: cloud,
      answered: false,
    });
    expect(cloudQuestion(r)?.why).toContain(`storage.use: ${storage}`);
  });

  it("S3 says nothing (S3-compatible stores run anywhere): the wizard's default, asked", () => {
    const r = read(clusterIp("s3"));
    expect(cloudQuestion(r)).toMatchObject({ guess: "aws", answered: false });
    expect(cloudQuestion(r)?.why).toContain("the values name no cloud");
  });

  it("Spanner as the metadata store suggests GKE", () => {
    const r = read("metadata:\n  use: spanner\n");
    expect(cloudQuestion(r)).toMatchObject({ guess: "gcp" });
  });

  it("an answer replaces the guess, for a ClusterIP Service too", () => {
    const r = read(clusterIp("gcs"), { "loadBalancer.provider": "azure" });
    expect(r.scenario.loadBalancer.provider).toBe("azure");
    expect(cloudQuestion(r)).toMatchObject({ answered: true, value: "azure" });
  });

  it("a load balancer without any cloud's annotations and nothing else to go by: Other, asked", () => {
    const r = read("bufstream:\n  service:\n    type: LoadBalancer\n");
    expect(r.scenario.loadBalancer.provider).toBe("other");
    expect(cloudQuestion(r)).toMatchObject({
      text: "Which cloud's load balancer is it?",
      guess: "other",
    });
  });

  it("a load balancer with AWS annotations is AWS whatever the storage says", () => {
    const r = read(
      `${clusterIp("gcs")}bufstream:\n  service:\n    type: LoadBalancer\n    annotations:\n      service.beta.kubernetes.io/aws-load-balancer-type: external\n`,
    );
    expect(r.scenario.loadBalancer.provider).toBe("aws");
    expect(cloudQuestion(r)).toBeUndefined();
  });
});

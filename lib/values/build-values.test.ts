import { describe, expect, it } from "vitest";
import { RELEASE_POD_LABEL } from "../manifests/service";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { findPreset, presetScenario } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";
import { CLUSTER_LABEL } from "../topology/plan";
import { buildHeadlessServiceManifests } from "../manifests/files";
import { buildValues } from "./build-values";
import { LB_ANNOTATION } from "./load-balancer";

function preset(id: string): Scenario {
  const found = findPreset(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found.scenario;
}

/** Reads a nested key path such as `bufstream.service.type`. */
function at(values: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

const lb = (loadBalancer: Partial<Scenario["loadBalancer"]>) =>
  presetScenario({
    clients: "outside-cluster",
    exposure: "load-balancer",
    loadBalancer: { host: "kafka.example.com", ...loadBalancer },
  });

describe("ClusterIP, in-cluster (S1)", () => {
  it("a new install of the default release keeps the chart defaults: no nameOverride, no publicAddress", () => {
    const { shared, zones } = buildValues({ ...DEFAULT_SCENARIO, install: "new" });
    expect(zones).toEqual([]);
    expect(shared.name).toBe("bufstream-values.yaml");
    expect(shared.values).toEqual({
      cluster: "bufstream",
      bufstream: { deployment: { replicaCount: 3 } },
    });
  });

  it("on an existing release the networking keys are written even at their chart defaults", () => {
    // Layered on the release's values, a key left out keeps what the release had:
    // a Service once made a load balancer would stay one, with its old address.
    const { shared } = buildValues(DEFAULT_SCENARIO);
    expect(shared.values).toEqual({
      cluster: "bufstream",
      kafka: { publicAddress: { host: "bufstream.bufstream.svc.cluster.local", port: 9092 } },
      bufstream: { service: { type: "ClusterIP" }, deployment: { replicaCount: 3 } },
    });
  });

  it("another release name gets nameOverride and an explicit publicAddress (open question 8)", () => {
    const s = presetScenario({
      release: { ...DEFAULT_SCENARIO.release, name: "kafka", namespace: "data" },
    });
    const { shared } = buildValues(s);
    expect(shared.name).toBe("kafka-values.yaml");
    expect(shared.values.nameOverride).toBe("kafka");
    expect(at(shared.values, "kafka.publicAddress")).toEqual({
      host: "kafka.data.svc.cluster.local",
      port: 9092,
    });
  });
});

describe("headless (S2)", () => {
  it("an existing release gets the headless Service as a manifest of its own, never extraObjects", () => {
    // Helm replaces lists whole: our extraObjects would drop the release's own.
    const s = preset("headless-in-cluster");
    expect(s.install).toBe("existing");
    const { shared } = buildValues(s);
    expect(shared.values).not.toHaveProperty("extraObjects");
    const [service] = buildHeadlessServiceManifests(s);
    expect(service?.spec.clusterIP).toBe("None");
    expect(service?.metadata.name).toBe("bufstream-headless");
    expect(at(shared.values, "kafka.publicAddress.host")).toBe(
      "bufstream-headless.bufstream.svc.cluster.local",
    );
  });

  it("a new install ships a clusterIP: None Service in extraObjects and advertises its DNS name", () => {
    const { shared } = buildValues({ ...preset("headless-in-cluster"), install: "new" });
    expect(
      buildHeadlessServiceManifests({ ...preset("headless-in-cluster"), install: "new" }),
    ).toEqual([]);
    const [service] = shared.values.extraObjects as Array<Record<string, unknown>>;
    expect(at(service, "spec.clusterIP")).toBe("None");
    expect(at(service, "spec.selector")).toEqual({ [CLUSTER_LABEL]: "bufstream" });
    expect(at(service, "metadata.name")).toBe("bufstream-headless");
    expect(at(shared.values, "kafka.publicAddress")).toEqual({
      host: "bufstream-headless.bufstream.svc.cluster.local",
      port: 9092,
    });
  });
});

describe("one load balancer (S3), annotations per provider (domain 4)", () => {
  it("AWS: LBC external, ip targets, scheme as chosen", () => {
    for (const scheme of ["internal", "internet-facing"] as const) {
      const { shared } = buildValues(lb({ provider: "aws", scheme }));
      expect(at(shared.values, "bufstream.service")).toEqual({
        type: "LoadBalancer",
        annotations: {
          [LB_ANNOTATION.awsType]: "external",
          [LB_ANNOTATION.awsTargetType]: "ip",
          [LB_ANNOTATION.awsScheme]: scheme,
        },
      });
      expect(at(shared.values, "kafka.publicAddress")).toEqual({
        host: "kafka.example.com",
        port: 9092,
      });
    }
  });

  it("GKE: Internal annotation only when internal; loadBalancerIP for a static IP", () => {
    const internal = buildValues(
      lb({ provider: "gcp", scheme: "internal", staticIp: "10.0.0.9", host: "10.0.0.9" }),
    );
    expect(at(internal.shared.values, "bufstream.service")).toEqual({
      type: "LoadBalancer",
      annotations: { [LB_ANNOTATION.gkeType]: "Internal" },
      loadBalancerIP: "10.0.0.9",
    });
    const external = buildValues(lb({ provider: "gcp", scheme: "internet-facing" }));
    expect(at(external.shared.values, "bufstream.service")).toEqual({ type: "LoadBalancer" });
  });

  it("AKS: internal annotation, static IP as the ipv4 annotation (not loadBalancerIP)", () => {
    const { shared } = buildValues(preset("aks-internal-lb"));
    expect(at(shared.values, "bufstream.service")).toEqual({
      type: "LoadBalancer",
      annotations: {
        [LB_ANNOTATION.azureInternal]: "true",
        [LB_ANNOTATION.azureIpv4]: "10.224.0.50",
      },
    });
    const external = buildValues(lb({ provider: "azure", scheme: "internet-facing" }));
    expect(at(external.shared.values, "bufstream.service")).toEqual({ type: "LoadBalancer" });
  });

  it("other: no annotations", () => {
    const { shared } = buildValues(lb({ provider: "other" }));
    expect(at(shared.values, "bufstream.service")).toEqual({ type: "LoadBalancer" });
  });

  it("address after install: no publicAddress and no placeholder anywhere", () => {
    const { shared } = buildValues(preset("aws-nlb-internet-facing"));
    expect(at(shared.values, "kafka")).toBeUndefined();
    expect(JSON.stringify(shared.values)).not.toMatch(/after install/);
    expect(shared.notes.join(" ")).toMatch(/--set-string/);
  });

  it("clients inside and outside share the one load balancer address", () => {
    const { shared } = buildValues(preset("inside-and-outside-one-lb"));
    expect(at(shared.values, "kafka.publicAddress.host")).toBe("bufstream.kafka.internal");
  });
});

describe("zone-aware (domain 2.3, S4/S5)", () => {
  it("shared file: the cluster; per-zone files: the zonal guides' keys, zone explicit", () => {
    const { shared, zones } = buildValues({
      ...preset("zone-aware-eks-in-cluster"),
      install: "new",
    });
    expect(shared.values).toEqual({ cluster: "bufstream" });
    // Layered on existing zonal releases, the Service type is written too.
    expect(buildValues(preset("zone-aware-eks-in-cluster")).shared.values).toEqual({
      cluster: "bufstream",
      bufstream: { service: { type: "ClusterIP" } },
    });
    expect(zones.map((z) => z.name)).toEqual([
      "bufstream-us-east-1a-values.yaml",
      "bufstream-us-east-1b-values.yaml",
      "bufstream-us-east-1c-values.yaml",
    ]);
    const a = zones[0]?.values;
    expect(a?.nameOverride).toBe("bufstream-us-east-1a");
    expect(a?.zone).toBe("us-east-1a");
    expect(a).not.toHaveProperty("name");
    expect(at(a, "bufstream.serviceAccount.name")).toBe("bufstream-service-account-us-east-1a");
    expect(at(a, "bufstream.deployment.replicaCount")).toBe(2);
    expect(
      at(
        a,
        "bufstream.deployment.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution",
      ),
    ).toEqual({
      nodeSelectorTerms: [
        {
          matchExpressions: [
            { key: "topology.kubernetes.io/zone", operator: "In", values: ["us-east-1a"] },
          ],
        },
      ],
    });
    expect(at(a, "kafka.publicAddress")).toEqual({
      host: "bufstream-us-east-1a.bufstream.svc.cluster.local",
      port: 9092,
    });
  });

  it("per-zone NLBs: common annotations shared (cross-zone off), each zone advertises its own host", () => {
    const s = preset("zone-aware-per-zone-nlbs");
    const { shared, zones } = buildValues(s);
    expect(at(shared.values, "bufstream.service.type")).toBe("LoadBalancer");
    expect(at(shared.values, `bufstream.service.annotations`)).toMatchObject({
      [LB_ANNOTATION.awsAttributes]: "load_balancing.cross_zone.enabled=false",
      [LB_ANNOTATION.awsScheme]: "internal",
    });
    for (const file of zones) {
      expect(at(file.values, "kafka.publicAddress.host")).toBe(s.zones.hosts[file.zone ?? ""]);
      expect(file.notes.join("\n")).toContain(LB_ANNOTATION.awsSubnets);
    }
  });

  it("per-zone load balancers on GKE pin each zone's IP host; AKS uses the annotation", () => {
    const zonesPatch = {
      enabled: true,
      names: ["us-central1-a", "us-central1-b"],
      hosts: { "us-central1-a": "10.0.0.1", "us-central1-b": "lb-b.example.com" },
    };
    const gke = buildValues(
      presetScenario({
        exposure: "load-balancer",
        loadBalancer: { provider: "gcp" },
        zones: zonesPatch,
      }),
    );
    expect(at(gke.zones[0]?.values, "bufstream.service.loadBalancerIP")).toBe("10.0.0.1");
    expect(at(gke.zones[1]?.values, "bufstream.service")).toBeUndefined();
    const aks = buildValues(
      presetScenario({
        exposure: "load-balancer",
        loadBalancer: { provider: "azure" },
        zones: zonesPatch,
      }),
    );
    expect(at(aks.zones[0]?.values, "bufstream.service.annotations")).toEqual({
      [LB_ANNOTATION.azureIpv4]: "10.0.0.1",
    });
  });

  it("zone-aware, address after install: no zone carries publicAddress", () => {
    const s = preset("zone-aware-per-zone-nlbs");
    const { zones } = buildValues({
      ...s,
      loadBalancer: { ...s.loadBalancer, hostSource: "after-install" },
    });
    for (const file of zones) expect(at(file.values, "kafka")).toBeUndefined();
  });

  it("zone-aware headless: each zone's headless Service selects only its own pods", () => {
    const s: Scenario = { ...preset("zone-aware-eks-in-cluster"), install: "new" };
    const { zones } = buildValues({ ...s, exposure: "headless" });
    // On existing releases the same Services are one manifest, not extraObjects.
    const apart = buildHeadlessServiceManifests({
      ...s,
      install: "existing",
      exposure: "headless",
    });
    expect(apart.map((svc) => svc.spec.selector[RELEASE_POD_LABEL])).toEqual(
      zones.map((file) => `bufstream-${file.zone}`),
    );
    for (const file of zones) {
      const release = `bufstream-${file.zone}`;
      expect(at(file.values, "bufstream.deployment.podLabels")).toEqual({
        [RELEASE_POD_LABEL]: release,
      });
      const [service] = file.values.extraObjects as unknown[];
      expect(at(service, "spec.selector")).toEqual({
        [CLUSTER_LABEL]: "bufstream",
        [RELEASE_POD_LABEL]: release,
      });
      expect(at(file.values, "kafka.publicAddress.host")).toBe(
        `${release}-headless.bufstream.svc.cluster.local`,
      );
    }
  });
});

describe("complete install", () => {
  it("merges the platform fragment into the shared values, networking keys first", () => {
    const s: Scenario = {
      ...preset("aws-nlb-internal"),
      valuesScope: "complete",
      storage: { ...DEFAULT_SCENARIO.storage, bucket: "my-bucket", region: "us-east-1" },
    };
    const { shared } = buildValues(s);
    expect(at(shared.values, "storage.s3.bucket")).toBe("my-bucket");
    expect(at(shared.values, "kafka.publicAddress.host")).toBe("bufstream.kafka.internal");
    expect(Object.keys(shared.values).slice(0, 3)).toEqual(["cluster", "kafka", "bufstream"]);
  });

  it("networking scope leaves storage to the user's own base values", () => {
    const { shared } = buildValues(preset("aws-nlb-internal"));
    expect(shared.values).not.toHaveProperty("storage");
  });
});

describe("zone-aware autoscaling (domain 1.1: min 6 across 3 AZs)", () => {
  const autoscaled = (minReplicas: number, maxReplicas: number, zones: number): Scenario => {
    const s = preset("zone-aware-eks-in-cluster");
    return {
      ...s,
      valuesScope: "complete",
      storage: { ...s.storage, bucket: "my-bucket", region: "us-east-1" },
      zones: { ...s.zones, names: s.zones.names.slice(0, zones) },
      resources: {
        ...s.resources,
        autoscaling: { enabled: true, minReplicas, maxReplicas, targetCPU: 50 },
      },
    };
  };

  // [total min, total max, zones, per-zone min, per-zone max]
  it.each([
    [6, 18, 3, 2, 6],
    [7, 20, 3, 3, 7],
    [6, 18, 2, 3, 9],
    [1, 1, 3, 1, 1],
  ])("min %i / max %i over %i zones: %i-%i per zone", (min, max, zones, perMin, perMax) => {
    const { shared, zones: files } = buildValues(autoscaled(min, max, zones));
    // The shared file turns the HPA on but carries no totals: each release has its own HPA.
    expect(at(shared.values, "bufstream.deployment.autoscaling")).toEqual({
      enabled: true,
      targetCPU: "50",
    });
    expect(shared.notes.join(" ")).toContain("minReplicas/maxReplicas are in each zone's file");
    expect(files).toHaveLength(zones);
    for (const file of files) {
      expect(at(file.values, "bufstream.deployment.autoscaling")).toEqual({
        minReplicas: perMin,
        maxReplicas: perMax,
      });
      expect(file.notes.join(" ")).toContain(
        `${perMin}-${perMax} here, ${perMin * zones}-${perMax * zones} brokers across ${zones} zones`,
      );
    }
  });

  it("without zones the one release carries the totals", () => {
    const s = autoscaled(6, 18, 3);
    const single = { ...s, zones: { ...s.zones, enabled: false } };
    expect(at(buildValues(single).shared.values, "bufstream.deployment.autoscaling")).toEqual({
      enabled: true,
      minReplicas: 6,
      maxReplicas: 18,
      targetCPU: "50",
    });
  });
});

describe("load balancer on a port other than 9092 (gotcha 1, open question 6)", () => {
  it("says plainly that it cannot work and to use 9092", () => {
    const notes = buildValues(lb({ port: 19092 })).shared.notes.join(" ");
    expect(notes).toContain("cannot work");
    expect(notes).toContain("Use 9092");
    expect(notes).not.toContain("must listen on 19092");
  });
});

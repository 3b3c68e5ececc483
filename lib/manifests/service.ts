// The Kubernetes Services the chart does not create (domain reference 2.3, 3 S2/S4).
// Plain objects: render-yaml turns them into text, and a test validates them
// as real Kubernetes objects with kubernetes-models.
import { ADMIN_PORT, CLUSTER_LABEL, CONNECT_PORT, KAFKA_CONTAINER_PORT } from "../topology/plan";

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number;
  protocol: "TCP";
}

export interface ServiceManifest {
  apiVersion: "v1";
  kind: "Service";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    type?: "ClusterIP";
    clusterIP?: "None";
    selector: Record<string, string>;
    ports: ServicePort[];
  };
}

/**
 * A pod label the wizard adds (through `bufstream.deployment.podLabels`) to the
 * pods of one zonal release, so a per-zone headless Service can select that
 * zone's brokers only. The chart's own pod labels are undocumented apart from
 * the cluster label (domain 1.1 [inferred]), and that one is shared by every
 * zone, so we bring our own. The prefix is ours, not Buf's, to never collide.
 */
export const RELEASE_POD_LABEL = "bufstream-wizard/release";

const port = (name: string, number: number): ServicePort => ({
  name,
  port: number,
  targetPort: number,
  protocol: "TCP",
});

/**
 * The regional bootstrap Service of a zone-aware install (domain 2.3): one
 * ClusterIP Service over the pods of every zonal release. It selects on the
 * cluster label, which every release of one cluster shares, so it matches all
 * zones as long as every zone's values carry the same `cluster` (gotcha 5:
 * the docs hard-code `bufstream`; we use the scenario's cluster name).
 */
export function buildRegionalService(
  name: string,
  namespace: string,
  cluster: string,
): ServiceManifest {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: { [CLUSTER_LABEL]: cluster } },
    spec: {
      type: "ClusterIP",
      selector: { [CLUSTER_LABEL]: cluster },
      ports: [
        port("connect", CONNECT_PORT),
        port("admin", ADMIN_PORT),
        port("kafka", KAFKA_CONTAINER_PORT),
      ],
    },
  };
}

/**
 * A Kafka headless Service (domain 3 S2): `clusterIP: None`, so its DNS name
 * resolves to every ready broker pod IP. The chart has no toggle for one
 * (`controlServerService` is headless but serves Connect/8080, not Kafka).
 * `zonalRelease` narrows it to one zonal release's pods (see RELEASE_POD_LABEL).
 */
export function buildHeadlessService(
  name: string,
  namespace: string,
  cluster: string,
  zonalRelease: string | null,
): ServiceManifest {
  const selector: Record<string, string> = { [CLUSTER_LABEL]: cluster };
  if (zonalRelease !== null) selector[RELEASE_POD_LABEL] = zonalRelease;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: { [CLUSTER_LABEL]: cluster } },
    spec: {
      clusterIP: "None",
      selector,
      ports: [port("kafka", KAFKA_CONTAINER_PORT)],
    },
  };
}

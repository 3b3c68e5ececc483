// The round trip (issue 15, "How it is shown"): a scenario written as values
// files and read back is the same scenario, except for the fields listed here,
// which no values file can carry. Each says why. The round-trip tests copy these
// fields from the original and require everything else to match exactly, and
// require the values files written from the read-back scenario to be
// byte-identical to the originals (so nothing listed here changes a values file).
import { etcdAddressesInUse } from "../platform/metadata";
import type { Scenario } from "../scenario/schema";
import { sourceRangesVia } from "../values/load-balancer";
import type { Answers } from "./read-scenario";

export interface BlindField {
  /** Dot path of the scenario field (a whole object, or one key of it). */
  field: string;
  why: string;
}

const STORAGE_FIELDS: Record<Scenario["storage"]["use"], string[]> = {
  s3: ["bucket", "prefix", "region", "endpoint", "forcePathStyle", "accessKeyId"],
  gcs: ["bucket", "prefix"],
  azure: ["bucket", "endpoint", "prefix", "accessKeyId"],
};

/** Fields of `s` that its values files do not carry, with the reason. */
export function valuesBlindFields(s: Scenario): BlindField[] {
  const blind: BlindField[] = [
    {
      field: "release.chart",
      why: "the chart's address is on the helm command line, not in the values",
    },
    {
      field: "clientKit",
      why: "the client kit's application name is the wizard's own; the brokers' values do not hold it",
    },
    {
      field: "install",
      why: "whether a release exists is not in its values; values brought in are a running release's, so they read back as an existing release",
    },
  ];
  const add = (field: string, why: string) => blind.push({ field, why });
  // Who may connect (issue 16): the NetworkPolicies and the monitors are files
  // of their own, applied by install.sh; values carry only the source ranges.
  for (const field of [
    "networkPolicy",
    "clientGroups",
    "kafkaFrom",
    "kafkaPeers",
    "adminPeers",
    "outsideClientCidrs",
    "lbTrafficCidrs",
    "metadataCidrs",
    "httpsCidrs",
  ]) {
    add(
      `access.${field}`,
      "the NetworkPolicies and where clients run are a file of their own (network-policies.yaml), not values",
    );
  }
  add(
    "monitoring",
    "the ServiceMonitor or PodMonitor is a file of its own (monitoring.yaml), not values",
  );
  const lb = s.exposure === "load-balancer";
  const zones = s.zones.enabled;
  if (!lb) {
    add("loadBalancer", "without a load balancer, its settings leave no trace in the values");
    add("access.loadBalancerSourceRanges", "without a load balancer, no source ranges are written");
  } else if (sourceRangesVia(s.loadBalancer.provider) === "patch") {
    add(
      "access.loadBalancerSourceRanges",
      "this cloud's controller reads only the Service's spec field, which install.sh patches after the release",
    );
  }
  if (lb) {
    if (s.loadBalancer.hostSource === "after-install" || zones) {
      add(
        "loadBalancer.host",
        zones
          ? "zone-aware: each zone advertises its own host"
          : "read after install: install.sh sets it, the values file does not",
      );
    }
    if (s.loadBalancer.hostSource === "after-install") {
      add(
        "loadBalancer.port",
        "read after install: kafka.publicAddress (and its port) is set by install.sh, not by the values file",
      );
    }
    if (s.loadBalancer.provider === "aws" || zones) {
      add(
        "loadBalancer.staticIp",
        zones
          ? "zone-aware: each zone's reserved IP is its advertised host"
          : "an AWS NLB takes no reserved IP, so none is written",
      );
    }
    if (s.loadBalancer.provider === "other")
      add("loadBalancer.scheme", "a load balancer of another provider gets no scheme annotation");
  }
  if (!zones) {
    add("zones", "zones are off: the zone list, hosts and sizes leave no trace in the values");
  } else {
    add("replicas", "zone-aware: each zone runs its own count (zones.replicasPerZone)");
    if (!lb || s.loadBalancer.hostSource === "after-install") {
      add("zones.hosts", "no per-zone load balancer addresses are written");
    }
    if (!lb || s.clients === "in-cluster")
      add(
        "zones.bootstrapHost",
        "only asked when clients outside the cluster bootstrap through per-zone load balancers",
      );
  }
  if (s.valuesScope !== "complete") {
    for (const field of ["storage", "identity", "metadata", "observability", "resources"]) {
      add(
        field,
        "a networking-only values file holds no storage, identity, metadata, observability or resources",
      );
    }
  } else {
    const st = s.storage;
    for (const field of [
      "bucket",
      "prefix",
      "region",
      "endpoint",
      "forcePathStyle",
      "accessKeyId",
    ]) {
      if (!STORAGE_FIELDS[st.use].includes(field))
        add(`storage.${field}`, `storage.use is ${st.use}, which has no ${field}`);
    }
    if (st.credentials !== "secret") {
      add("storage.accessKeyId", "workload identity: no static key is written");
      add("storage.secretName", "workload identity: no credentials secret is written");
    }
    const id = s.identity;
    if (id.method === "eks-pod-identity") {
      add(
        "identity",
        "EKS Pod Identity is bound outside Helm (an association on the ServiceAccount); the values carry no trace of it",
      );
    } else {
      if (id.method !== "irsa") add("identity.awsRoleArn", "only IRSA writes the role ARN");
      add(
        "identity.awsClusterName",
        "the EKS cluster name is used by install.sh only for EKS Pod Identity",
      );
      if (id.method !== "gke-workload-identity")
        add("identity.gcpServiceAccount", "only GKE Workload Identity writes it");
      if (id.method !== "azure-workload-identity") {
        add("identity.azureClientId", "only Azure Workload ID writes it");
        add("identity.azureIdentityName", "only Azure Workload ID uses it (in install.sh)");
        add("identity.azureResourceGroup", "only Azure Workload ID uses it (in install.sh)");
      }
    }
    const md = s.metadata;
    if (md.use !== "etcd") add("metadata.etcd", `metadata.use is ${md.use}`);
    else
      add(
        "metadata.etcd.source",
        'who installs etcd is not in the values, only its addresses: read back as an etcd that runs ("existing")',
      );

    if (md.use !== "postgres") add("metadata.postgres", `metadata.use is ${md.use}`);
    else if (md.postgres.cloudsqlInstance === "") {
      add("metadata.postgres.cloudsqlIam", "Cloud SQL settings are written only with an instance");
      add(
        "metadata.postgres.cloudsqlPrivateIp",
        "Cloud SQL settings are written only with an instance",
      );
    }
    if (md.use !== "spanner") add("metadata.spanner", `metadata.use is ${md.use}`);
    const otlp = s.observability.metrics === "OTLP_GRPC" || s.observability.metrics === "OTLP_HTTP";
    if (!otlp) {
      add("observability.otlpAddress", "only an OTLP exporter writes its address");
      add("observability.otlpInsecure", "only an OTLP exporter writes whether it uses TLS");
    }
    const scaling = s.resources.autoscaling;
    if (!scaling.enabled) {
      add("resources.autoscaling", "autoscaling is off: its bounds and target are not written");
    } else if (zones) {
      add(
        "resources.autoscaling.minReplicas",
        "zone-aware: the bounds are per zone, rounded up to whole brokers",
      );
      add(
        "resources.autoscaling.maxReplicas",
        "zone-aware: the bounds are per zone, rounded up to whole brokers",
      );
    }
  }
  if (!s.tls.enabled)
    add("tls", "TLS is off: its secret names and client-auth mode are not written");
  const a = s.auth;
  if (a.sasl !== "plain") add("auth.plainSecret", "only SASL/PLAIN writes it");
  if (a.sasl !== "scram") {
    add("auth.scramHash", "only SCRAM writes it");
    add("auth.scramSecret", "only SCRAM writes it");
  }
  if (a.sasl !== "oauthbearer") {
    for (const field of ["oauthIssuer", "oauthAudience", "oauthJwksUrl"])
      add(`auth.${field}`, "only OAUTHBEARER writes it");
  }
  return blind;
}

/**
 * The same scenario with what the values carry in a canonical form: a zone's
 * host only for a listed zone and when not empty, etcd addresses only with a
 * host (buildValues writes nothing else, so nothing else can come back).
 */
export function canonicalForValues(s: Scenario): Scenario {
  const hosts = Object.fromEntries(
    s.zones.names.flatMap((zone) => {
      const host = Object.hasOwn(s.zones.hosts, zone) ? (s.zones.hosts[zone] ?? "") : "";
      return host === "" ? [] : [[zone, host]];
    }),
  );
  return {
    ...s,
    zones: { ...s.zones, hosts },
    metadata: {
      ...s.metadata,
      etcd: { ...s.metadata.etcd, addresses: etcdAddressesInUse(s) },
    },
  };
}

/**
 * The answers a user who knows the release would give for `s`: the facts the
 * values leave open (where clients run, the release's name and namespace, ...).
 */
export function answersFor(s: Scenario): Answers {
  return {
    clients: s.clients,
    "release.name": s.release.name,
    "release.namespace": s.release.namespace,
    "release.chartVersion": s.release.chartVersion,
    "loadBalancer.provider": s.loadBalancer.provider,
    "zones.bootstrapHost": s.zones.bootstrapHost,
    "identity.azureIdentityName": s.identity.azureIdentityName,
    "identity.azureResourceGroup": s.identity.azureResourceGroup,
    "auth.oauthJwksUrl": s.auth.oauthJwksUrl,
  };
}

// Complete-install presets, one per cloud (issue 6, "Done when"). Each is a
// whole scenario: networking from domain 4 (an internal load balancer) plus
// storage, workload identity and metadata as Buf's deploy guides and Terraform
// set them up (domain 1.2, 2.5). Account ids, project names and GUIDs are the
// clouds' usual documentation placeholders, to be replaced by the user.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import type { Preset } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";

const base = DEFAULT_SCENARIO;

const EKS_S3_POSTGRES: Scenario = {
  ...base,
  clients: "both",
  exposure: "load-balancer",
  loadBalancer: {
    ...base.loadBalancer,
    provider: "aws",
    scheme: "internal",
    // AWS names the NLB; install.sh reads it after install (domain 3 S3).
    host: "",
    hostSource: "after-install",
  },
  valuesScope: "complete",
  // A complete install from this bundle alone (the layering is for existing releases).
  install: "new",
  storage: {
    ...base.storage,
    use: "s3",
    bucket: "my-bufstream-bucket",
    region: "us-east-1",
    credentials: "workload-identity",
  },
  identity: {
    ...base.identity,
    // EKS Pod Identity is the guides' recommendation (domain 2.5).
    method: "eks-pod-identity",
    awsClusterName: "my-eks-cluster",
    awsRoleArn: "arn:aws:iam::123456789012:role/BufstreamRole",
  },
  metadata: {
    ...base.metadata,
    use: "postgres",
    postgres: { ...base.metadata.postgres, secretName: "bufstream-postgres" },
  },
  observability: { ...base.observability, metrics: "PROMETHEUS" },
};

const GKE_GCS_SPANNER: Scenario = {
  ...base,
  clients: "both",
  exposure: "load-balancer",
  loadBalancer: {
    ...base.loadBalancer,
    provider: "gcp",
    scheme: "internal",
    // A reserved internal address, used as loadBalancerIP and publicAddress (domain 4, GCP Terraform).
    host: "10.0.0.100",
    staticIp: "10.0.0.100",
    hostSource: "known",
  },
  valuesScope: "complete",
  // A complete install from this bundle alone (the layering is for existing releases).
  install: "new",
  storage: {
    ...base.storage,
    use: "gcs",
    bucket: "my-project-bufstream",
    credentials: "workload-identity",
  },
  identity: {
    ...base.identity,
    method: "gke-workload-identity",
    gcpServiceAccount: "bufstream-service-account@my-project.iam.gserviceaccount.com",
  },
  metadata: {
    ...base.metadata,
    use: "spanner",
    spanner: { projectId: "my-project", instanceId: "bufstream", databaseName: "bufstream" },
  },
  observability: { ...base.observability, metrics: "PROMETHEUS" },
};

const AKS_BLOB_POSTGRES: Scenario = {
  ...base,
  clients: "both",
  exposure: "load-balancer",
  loadBalancer: {
    ...base.loadBalancer,
    provider: "azure",
    scheme: "internal",
    // A free address in the cluster subnet, pinned with azure-load-balancer-ipv4 (domain 4).
    host: "10.224.0.100",
    staticIp: "10.224.0.100",
    hostSource: "known",
  },
  valuesScope: "complete",
  // A complete install from this bundle alone (the layering is for existing releases).
  install: "new",
  storage: {
    ...base.storage,
    use: "azure",
    bucket: "bufstream",
    endpoint: "https://mybufstreamstorage.blob.core.windows.net",
    credentials: "workload-identity",
  },
  identity: {
    ...base.identity,
    method: "azure-workload-identity",
    azureClientId: "00000000-0000-0000-0000-000000000000",
    azureIdentityName: "bufstream",
    azureResourceGroup: "bufstream-rg",
  },
  metadata: {
    ...base.metadata,
    use: "postgres",
    postgres: { ...base.metadata.postgres, secretName: "bufstream-postgres" },
  },
  observability: { ...base.observability, metrics: "PROMETHEUS" },
};

/**
 * The complete installs again, with who may connect written down (issue 16):
 * clients in two namespaces of the cluster and in one network outside it, the
 * NetworkPolicies that admit exactly them, the load balancer's source ranges,
 * where its traffic reaches the pods from, and a Prometheus Operator monitor.
 * CIDRs are each cloud's usual defaults or documentation-style private ranges.
 */
function withPolicies(
  scenario: Scenario,
  access: Partial<Scenario["access"]>,
  monitor: Scenario["monitoring"]["prometheusOperator"],
): Scenario {
  return {
    ...scenario,
    access: {
      ...base.access,
      networkPolicy: true,
      clientGroups: [
        { namespace: "orders", namespaceLabels: "", podLabels: "" },
        { namespace: "analytics", namespaceLabels: "", podLabels: "app=reporting" },
      ],
      ...access,
    },
    monitoring: {
      ...base.monitoring,
      prometheusOperator: monitor,
      // kube-prometheus-stack's Prometheus selects monitors labelled with its release name.
      monitorLabels: "release=kube-prometheus-stack",
    },
  };
}

const POLICY_PRESETS: Preset[] = [
  {
    id: "eks-complete-network-policies",
    title: "EKS complete install with network policies",
    summary:
      "The EKS complete install, locked down: NetworkPolicies admit Kafka only from the client namespaces and the NLB, the NLB only from the VPC and a peered network, and a ServiceMonitor scrapes the brokers.",
    whenToUse:
      "As EKS with S3 + PostgreSQL, on a cluster whose CNI enforces NetworkPolicy (the VPC CNI with network policy on, Calico or Cilium). Replace the namespaces and CIDRs with yours.",
    scenario: withPolicies(
      EKS_S3_POSTGRES,
      {
        outsideClientCidrs: ["10.1.0.0/16"],
        // The VPC too: clients in the cluster also come through the NLB (one advertised address).
        loadBalancerSourceRanges: ["10.0.0.0/16", "10.1.0.0/16"],
        // The NLB's subnets, one per zone: its ip targets see its own private
        // addresses (the whole VPC would also admit every pod's VPC address).
        lbTrafficCidrs: ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"],
        // The RDS subnets.
        metadataCidrs: ["10.0.128.0/20"],
      },
      "service-monitor",
    ),
  },
  {
    id: "gke-complete-network-policies",
    title: "GKE complete install with network policies",
    summary:
      "The GKE complete install, locked down: NetworkPolicies admit Kafka only from the client namespaces, the nodes and the client network, the load balancer only from that network, and a PodMonitor scrapes the brokers.",
    whenToUse:
      "As GKE with GCS + Spanner, on GKE Dataplane V2 or with network policy enforcement on. Replace the namespaces and CIDRs with yours.",
    scenario: withPolicies(
      GKE_GCS_SPANNER,
      {
        outsideClientCidrs: ["10.10.0.0/16"],
        loadBalancerSourceRanges: ["10.10.0.0/16"],
        // The nodes' subnet: GKE forwards load-balancer traffic from the node.
        lbTrafficCidrs: ["10.0.0.0/20"],
      },
      "pod-monitor",
    ),
  },
  {
    id: "aks-complete-network-policies",
    title: "AKS complete install with network policies",
    summary:
      "The AKS complete install, locked down: NetworkPolicies admit Kafka only from the client namespaces, the nodes and the client network, the load balancer only from that network, and a ServiceMonitor scrapes the brokers.",
    whenToUse:
      "As AKS with Azure Blob + PostgreSQL, on a cluster created with a network policy engine (azure, calico or cilium). Replace the namespaces and CIDRs with yours.",
    scenario: withPolicies(
      AKS_BLOB_POSTGRES,
      {
        outsideClientCidrs: ["10.225.0.0/16"],
        loadBalancerSourceRanges: ["10.225.0.0/16"],
        // AKS's default node subnet.
        lbTrafficCidrs: ["10.224.0.0/16"],
        // The PostgreSQL Flexible Server's delegated subnet.
        metadataCidrs: ["10.226.0.0/24"],
      },
      "service-monitor",
    ),
  },
];

/** Appended to PRESETS by lib/scenario/presets.ts. */
export const PLATFORM_PRESETS: Preset[] = [
  {
    id: "eks-s3-postgres",
    title: "EKS with S3 + PostgreSQL",
    summary:
      "A complete install on EKS: S3 storage through EKS Pod Identity, RDS PostgreSQL metadata, an internal AWS NLB, Prometheus metrics.",
    whenToUse:
      "You run EKS with the AWS Load Balancer Controller and the Pod Identity Agent, and have an S3 bucket, an IAM role and an RDS PostgreSQL database.",
    scenario: EKS_S3_POSTGRES,
  },
  {
    id: "gke-gcs-spanner",
    title: "GKE with GCS + Spanner",
    summary:
      "A complete install on GKE: GCS storage and Spanner metadata through GKE Workload Identity, an internal passthrough load balancer on a reserved IP.",
    whenToUse:
      "You run GKE with Workload Identity, have a GCS bucket and a Spanner instance, and reserved an internal IP for Kafka clients in the VPC.",
    scenario: GKE_GCS_SPANNER,
  },
  {
    id: "aks-blob-postgres",
    title: "AKS with Azure Blob + PostgreSQL",
    summary:
      "A complete install on AKS: Azure Blob storage through Entra Workload ID, Azure Database for PostgreSQL metadata, an internal load balancer on a static IP.",
    whenToUse:
      "You run AKS with the OIDC issuer and workload identity enabled, have a storage account, a managed identity and a PostgreSQL Flexible Server.",
    scenario: AKS_BLOB_POSTGRES,
  },
  ...POLICY_PRESETS,
];

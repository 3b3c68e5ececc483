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
];

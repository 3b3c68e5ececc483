import type { DocsLink } from "@/components/ui/help-text";
import { DOCS } from "../docs";

/** Bufstream docs pages the platform steps link to (domain reference, section sources). */
export const PLATFORM_DOCS = {
  helmValues: DOCS.helmValues,
  deployAws: DOCS.deployAws,
  deployGcp: DOCS.deployGcp,
  deployAzure: DOCS.deployAzure,
  deployAwsEtcd: { href: "deployment/aws/deploy-etcd/", label: "Deploy on AWS with etcd" },
  deployGcpEtcd: { href: "deployment/gcp/deploy-etcd/", label: "Deploy on Google Cloud with etcd" },
  deployAzureEtcd: { href: "deployment/azure/deploy-etcd/", label: "Deploy on Azure with etcd" },
  deploySpanner: {
    href: "deployment/gcp/deploy-spanner/",
    label: "Deploy on Google Cloud with Spanner",
  },
  sasl: { href: "auth/sasl", label: "SASL authentication" },
  mtls: { href: "auth/mtls", label: "mTLS authentication" },
  configureClients: DOCS.configureClients,
  statusEndpoint: { href: "observability/status-endpoint", label: "Status endpoint" },
  cost: { href: "cost", label: "Cost and sizing" },
} satisfies Record<string, DocsLink>;

/** The deploy guide for the cloud the user picked, or all three when it is not known. */
export function deployGuides(provider: string | undefined): DocsLink[] {
  if (provider === "aws") return [PLATFORM_DOCS.deployAws];
  if (provider === "gcp") return [PLATFORM_DOCS.deployGcp];
  if (provider === "azure") return [PLATFORM_DOCS.deployAzure];
  return [PLATFORM_DOCS.deployAws, PLATFORM_DOCS.deployGcp, PLATFORM_DOCS.deployAzure];
}

import type { DocsLink } from "@/components/ui/help-text";

/** Bufstream docs pages the wizard's help links to (paths under https://buf.build/docs/bufstream/). */
export const DOCS = {
  network: {
    href: "architecture/bufstream-network-deployment-guide",
    label: "Network architecture",
  },
  helmValues: { href: "reference/configuration/helm-values", label: "Helm values reference" },
  clientId: { href: "reference/configuration/client-id-options", label: "client.id options" },
  configureClients: {
    href: "kafka-compatibility/configure-clients",
    label: "Configure Kafka clients",
  },
  deployAws: { href: "deployment/aws/deploy-postgres/", label: "Deploy on AWS" },
  deployGcp: { href: "deployment/gcp/deploy-postgres/", label: "Deploy on Google Cloud" },
  deployAzure: { href: "deployment/azure/deploy-postgres/", label: "Deploy on Azure" },
  releases: { href: "releases", label: "Release notes" },
} satisfies Record<string, DocsLink>;

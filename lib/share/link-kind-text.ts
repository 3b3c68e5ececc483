// What a pasted share link unfurls as in a chat app, per scenario kind
// (link-kind.ts): the title and one sentence of the kind's static page, which
// scripts/postbuild.ts writes. Build time only: the page's JavaScript needs the
// slugs, not these words. Each sentence must hold for every scenario its kind
// covers (buildLinkKind's order), since the page cannot see the fragment.
import type { LinkKind } from "./link-kind";

export interface LinkKindText {
  /** The Open Graph title: what the layout is, naming Bufstream. */
  title: string;
  /** One sentence in the user's words. */
  description: string;
}

export const LINK_KIND_TEXT: Record<LinkKind, LinkKindText> = {
  "in-cluster": {
    title: "Bufstream for Kafka clients in the cluster, through the ClusterIP Service",
    description:
      "Kafka clients running in the same Kubernetes cluster bootstrap from the Bufstream Helm chart's ClusterIP Service, whose DNS name every broker advertises.",
  },
  headless: {
    title: "Bufstream through a headless Service",
    description:
      "Kafka clients connect straight to the Bufstream broker pods through a headless Kubernetes Service, whose DNS name resolves to every pod.",
  },
  "outside-without-load-balancer": {
    title: "Bufstream with clients outside the cluster but no load balancer",
    description:
      "Some Kafka clients run outside the Kubernetes cluster while Bufstream is reached only through an in-cluster ClusterIP Service: the wizard shows why they cannot connect and what to change.",
  },
  "aws-internal-nlb": {
    title: "Bufstream behind an internal AWS Network Load Balancer",
    description:
      "Kafka clients in the VPC or a peered network reach Bufstream on EKS through an internal Network Load Balancer, whose address every broker advertises.",
  },
  "gke-internal-load-balancer": {
    title: "Bufstream behind a GKE internal load balancer",
    description:
      "Kafka clients in the VPC reach Bufstream on Google Kubernetes Engine through an internal passthrough load balancer, whose address every broker advertises.",
  },
  "aks-internal-load-balancer": {
    title: "Bufstream behind an AKS internal load balancer",
    description:
      "Kafka clients in the virtual network reach Bufstream on Azure Kubernetes Service through an internal Azure Load Balancer, whose address every broker advertises.",
  },
  "load-balancer-service": {
    title: "Bufstream behind a Kubernetes LoadBalancer Service",
    description:
      "Kafka clients reach Bufstream through a plain LoadBalancer Service (MetalLB or any load balancer controller), whose address every broker advertises.",
  },
  "internet-facing-load-balancer": {
    title: "Bufstream on the internet through an internet-facing load balancer",
    description:
      "Kafka clients reach Bufstream over the internet through a public load balancer, whose address every broker advertises; add TLS and authentication before real traffic.",
  },
  "inside-and-outside": {
    title: "Bufstream for clients inside and outside the cluster, through one load balancer",
    description:
      "Kafka clients in and outside the Kubernetes cluster all go through one load balancer, because every Bufstream broker advertises a single address.",
  },
  "zone-aware-in-cluster": {
    title: "Zone-aware Bufstream for Kafka clients in the cluster",
    description:
      "One Bufstream Helm release per availability zone and a regional Service to bootstrap from, so Kafka clients that name their zone in client.id stay in it.",
  },
  "zone-aware-per-zone-load-balancers": {
    title: "Zone-aware Bufstream with one load balancer per zone",
    description:
      "One Bufstream Helm release and one load balancer per availability zone, so Kafka clients are handed only their own zone's brokers and avoid cross-zone traffic.",
  },
  "complete-install-eks": {
    title: "A complete Bufstream install on Amazon EKS",
    description:
      "Helm values and install commands for a whole Bufstream install on EKS (networking, object storage and metadata store), with a check that every Kafka client can connect.",
  },
  "complete-install-gke": {
    title: "A complete Bufstream install on Google Kubernetes Engine",
    description:
      "Helm values and install commands for a whole Bufstream install on GKE (networking, object storage and metadata store), with a check that every Kafka client can connect.",
  },
  "complete-install-aks": {
    title: "A complete Bufstream install on Azure Kubernetes Service",
    description:
      "Helm values and install commands for a whole Bufstream install on AKS (networking, object storage and metadata store), with a check that every Kafka client can connect.",
  },
  "complete-install": {
    title: "A complete Bufstream install on Kubernetes",
    description:
      "Helm values and install commands for a whole Bufstream install on any Kubernetes cluster (networking, object storage and metadata store), with a check that every Kafka client can connect.",
  },
};

"use client";

import { HelpText, RadioGroupField, choicesFor } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { CLIENT_LOCATIONS, LB_PROVIDERS } from "@/lib/scenario/schema";
import { DOCS } from "./docs";

const CLIENT_CHOICES = choicesFor(CLIENT_LOCATIONS, {
  "in-cluster": {
    label: "Inside the Kubernetes cluster",
    description: "Apps run as pods in the same cluster and can use its DNS names.",
  },
  "outside-cluster": {
    label: "Outside the cluster",
    description: "Apps run on VMs, in another cluster or VPC, on laptops or on the internet.",
  },
  both: {
    label: "Both inside and outside",
    description:
      "Some apps run in the cluster, others outside. One advertised address must work for all of them.",
  },
});

/**
 * The cloud is `loadBalancer.provider`: a LoadBalancer Service is always made by
 * the cluster's own cloud, so the answer that picks the load balancer's
 * annotations is the cluster's cloud. Asked for every layout (issue 13), since
 * it also decides the zone names to expect, the storage and identity a complete
 * install suggests, and which deploy guide the help links to.
 */
export const CLOUD_CHOICES = choicesFor(LB_PROVIDERS, {
  aws: { label: "AWS (EKS)", description: "Amazon Elastic Kubernetes Service." },
  gcp: { label: "Google Cloud (GKE)", description: "Google Kubernetes Engine." },
  azure: { label: "Azure (AKS)", description: "Azure Kubernetes Service." },
  other: {
    label: "Other",
    description: "Another cloud, on-premises or a local cluster.",
  },
});

export function ClientsStep() {
  return (
    <Section
      id="step-clients"
      step={1}
      title="Where do the cluster and your Kafka clients run?"
      lead="This decides which addresses the brokers must advertise, and how to reach them."
    >
      <RadioGroupField
        name="loadBalancer.provider"
        label="Cloud provider"
        options={CLOUD_CHOICES}
        columns
        help={
          <HelpText
            what="The cloud your Kubernetes cluster runs on. It picks the load balancer's annotations, the zone names to expect, and the storage and identity a complete install suggests."
            when="Pick the cloud even when clients run only in the cluster; “Other” for anything else (no provider annotations)."
            docs={[DOCS.deployAws, DOCS.deployGcp, DOCS.deployAzure]}
          />
        }
      />
      <RadioGroupField
        name="clients"
        label="Kafka clients run"
        options={CLIENT_CHOICES}
        help={
          <HelpText
            what="A Kafka client connects to a bootstrap address, asks for metadata, then opens new connections to the addresses the brokers advertise. Those addresses must resolve and be reachable from where the client runs, or the bootstrap works and every produce and fetch then fails."
            when="Pick where your producers and consumers actually run. If even one app runs outside the cluster, pick “Outside” or “Both”."
            cost="Clients outside the cluster need a load balancer (a cloud resource you pay for); clients inside use the free in-cluster Service."
            docs={DOCS.network}
          />
        }
      />
    </Section>
  );
}

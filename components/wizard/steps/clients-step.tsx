"use client";

import { HelpText, RadioGroupField, choicesFor } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { CLIENT_LOCATIONS } from "@/lib/scenario/schema";
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

export function ClientsStep() {
  return (
    <Section
      id="step-clients"
      step={1}
      title="Where do your Kafka clients run?"
      lead="This decides which addresses the brokers must advertise."
    >
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

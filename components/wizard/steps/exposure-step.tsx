"use client";

import { useFormContext, useWatch } from "react-hook-form";
import {
  HelpText,
  NumberField,
  RadioGroupField,
  TextField,
  choicesFor,
  focusField,
} from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import type { DocsLink } from "@/components/ui/help-text";
import {
  EXPOSURES,
  LB_HOST_SOURCES,
  LB_SCHEMES,
  type LbProvider,
  type Scenario,
} from "@/lib/scenario/schema";
import { useHasProblem } from "../validation-context";
import { DOCS } from "./docs";

const EXPOSURE_CHOICES = choicesFor(EXPOSURES, {
  "cluster-ip": {
    label: "ClusterIP Service (the chart default)",
    description:
      "Clients use bufstream.<namespace>.svc.cluster.local:9092. Works only inside the cluster.",
  },
  headless: {
    label: "Headless Service",
    description:
      "DNS returns every broker pod's IP. For clients in the cluster or on a network that can route to pod IPs.",
  },
  "load-balancer": {
    label: "Cloud load balancer",
    description:
      "A LoadBalancer Service gets an address outside the cluster; the brokers advertise that address.",
  },
});

/** What the cluster's cloud makes of a LoadBalancer Service (domain 4). */
const LOAD_BALANCER_KIND: Record<LbProvider, { text: string; docs: DocsLink }> = {
  aws: {
    text: "On AWS: a Network Load Balancer made by the AWS Load Balancer Controller, which must be installed in the cluster.",
    docs: DOCS.deployAws,
  },
  gcp: { text: "On Google Cloud: a GKE passthrough Network Load Balancer.", docs: DOCS.deployGcp },
  azure: { text: "On Azure: an Azure Load Balancer.", docs: DOCS.deployAzure },
  other: {
    text: "A plain LoadBalancer Service with no provider annotations, for any Kubernetes with a load balancer implementation (e.g. MetalLB).",
    docs: DOCS.network,
  },
};

const SCHEME_CHOICES = choicesFor(LB_SCHEMES, {
  internal: {
    label: "Internal",
    description: "A private address, reachable from your VPC or VNet and peered networks.",
  },
  "internet-facing": {
    label: "Internet-facing",
    description: "A public address anyone on the internet can try to connect to.",
  },
});

const HOST_SOURCE_CHOICES = choicesFor(LB_HOST_SOURCES, {
  known: {
    label: "I know the address now",
    description:
      "A DNS name you manage, a reserved static IP, or a load balancer created beforehand. One install.",
  },
  "after-install": {
    label: "Read it after install",
    description:
      "Install, wait for the cloud to create the load balancer, read its address, then upgrade with it (the docs' two-pass flow).",
  },
});

/** Providers whose load balancer takes a reserved IP (GKE loadBalancerIP, AKS ipv4 annotation; domain 4). */
const STATIC_IP_PROVIDERS: ReadonlySet<Scenario["loadBalancer"]["provider"]> = new Set([
  "gcp",
  "azure",
]);

export function ExposureStep() {
  const { control } = useFormContext<Scenario>();
  const [exposure, provider, hostSource, zonesEnabled] = useWatch({
    control,
    name: ["exposure", "loadBalancer.provider", "loadBalancer.hostSource", "zones.enabled"],
  });
  // Invalid answers stay visible even when another answer hides them (useHasProblem).
  const lb = useHasProblem("loadBalancer") || exposure === "load-balancer";
  const showHost = useHasProblem("loadBalancer.host") || (hostSource === "known" && !zonesEnabled);
  const showStaticIp = useHasProblem("loadBalancer.staticIp") || STATIC_IP_PROVIDERS.has(provider);

  return (
    <Section
      id="step-exposure"
      step={2}
      title="How do clients reach the brokers?"
      lead="Bufstream brokers all advertise the same address (kafka.publicAddress). Pick the Service that address points at."
    >
      <RadioGroupField
        name="exposure"
        label="Service type"
        options={EXPOSURE_CHOICES}
        help={
          <HelpText
            what="Any Bufstream broker serves any request, so clients need one address that reaches some broker, and every broker advertises it."
            when="ClusterIP for clients in the cluster; headless when clients can route to pod IPs; a load balancer for clients outside the cluster."
            cost="ClusterIP and headless are free. A cloud load balancer is billed by the hour and by traffic, and cross-zone traffic costs extra."
            docs={[DOCS.network, DOCS.helmValues]}
          />
        }
      />

      {lb && (
        <div className="subsection">
          <h3>Load balancer</h3>
          <div className="help load-balancer-kind">
            <p>
              {LOAD_BALANCER_KIND[provider].text}{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => focusField("loadBalancer.provider")}
              >
                Change the cloud in step 1
              </button>
            </p>
            <HelpText docs={LOAD_BALANCER_KIND[provider].docs} />
          </div>
          {provider !== "other" && (
            <RadioGroupField
              name="loadBalancer.scheme"
              label="Scheme"
              options={SCHEME_CHOICES}
              columns
              help={
                <HelpText
                  what="Whether the load balancer gets a private or a public address."
                  when="Internal unless clients must connect over the internet: the Service also carries the admin port (9089), which has no authentication."
                  cost="Internet-facing exposes Kafka publicly: turn on TLS and authentication."
                  docs={DOCS.network}
                />
              }
            />
          )}
          <RadioGroupField
            name="loadBalancer.hostSource"
            label="The load balancer's address"
            options={HOST_SOURCE_CHOICES}
            help={
              <HelpText
                what="Brokers advertise the load balancer's address, so Bufstream must be told it. The cloud often picks the address only once the Service exists."
                when="“Read it after install” follows the Bufstream docs: the install script installs, waits for the address, reads it with kubectl, and runs helm upgrade with it. Pick “I know it now” when you reserved an IP or manage a DNS name."
                cost="After install: clients cannot connect until the second step has run, and the address changes if the Service is ever recreated."
                docs={DOCS.network}
              />
            }
          />
          {showHost && (
            <TextField
              name="loadBalancer.host"
              label="Load balancer host"
              placeholder="kafka.example.com or 10.0.0.10"
              help={
                <HelpText
                  what="The DNS name or IP clients connect to. It becomes kafka.publicAddress.host, the address every broker advertises."
                  when="It must be exactly what clients use: the load balancer's DNS name, a DNS record pointing at it, or its IP."
                  docs={DOCS.helmValues}
                />
              }
            />
          )}
          {hostSource === "known" && zonesEnabled && (
            <p className="help">
              Zone-aware: each zone gets its own load balancer. Enter each zone&apos;s address in
              step 3.
            </p>
          )}
          <NumberField
            name="loadBalancer.port"
            label="Port"
            min={1}
            max={65535}
            help={
              <HelpText
                what="The port the load balancer listens on and the brokers advertise (kafka.publicAddress.port)."
                when="Keep 9092, Kafka's default, unless your network needs another port."
                docs={DOCS.helmValues}
              />
            }
          />
          {showStaticIp && (
            <TextField
              name="loadBalancer.staticIp"
              label="Reserved IP (optional)"
              placeholder="10.0.0.10"
              size="medium"
              help={
                <HelpText
                  what={
                    provider === "gcp"
                      ? "An internal IP you reserved in Google Cloud; set as the Service's loadBalancerIP."
                      : "A static IP in the cluster's subnet; set with the azure-load-balancer-ipv4 annotation."
                  }
                  when="Use it to know the address before install: then set the host to the same IP."
                  cost="A reserved address is billed while it exists, even unused."
                  docs={provider === "gcp" ? DOCS.deployGcp : DOCS.deployAzure}
                />
              }
            />
          )}
        </div>
      )}
    </Section>
  );
}

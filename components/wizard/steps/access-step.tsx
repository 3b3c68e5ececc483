"use client";

// Who may connect, and monitoring (issue 16): where clients run (the client
// groups the check judges), the NetworkPolicy that admits them, the load
// balancer's source ranges, and the Prometheus Operator monitor.
import { useEffect, useRef } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import {
  CheckboxField,
  HelpText,
  RadioGroupField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import {
  KAFKA_ALLOW_MODES,
  MONITOR_KINDS,
  type LbProvider,
  type Scenario,
} from "@/lib/scenario/schema";
import { CidrList, GroupList, lowerFirst } from "./access-lists";

const SET_OPTIONS = { shouldDirty: true, shouldValidate: true } as const;

const POLICY_DOCS = {
  label: "Kubernetes: Network Policies",
  href: "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
};
const METRICS_DOCS = {
  label: "Bufstream metrics",
  href: "https://buf.build/docs/bufstream/observability/metrics",
};

const KAFKA_CHOICES = choicesFor(KAFKA_ALLOW_MODES, {
  "client-groups": {
    label: "Exactly where my clients run (above)",
    description: "Each client group's namespace, and its pods' labels when you gave them.",
  },
  listed: {
    label: "Only the namespaces and pods I list",
    description:
      "For a stricter rule than the client groups, or one by namespace label. A client group it leaves out is reported as blocked.",
  },
});

const MONITOR_CHOICES = choicesFor(MONITOR_KINDS, {
  none: { label: "None", description: "A plain Prometheus scrapes the pods by their annotations." },
  "service-monitor": {
    label: "ServiceMonitor",
    description:
      "With a metrics Service of its own (port 9090, named metrics) over the brokers: the chart's port names are not documented.",
  },
  "pod-monitor": {
    label: "PodMonitor",
    description: "Scrapes each broker pod's port 9090 directly, no Service needed.",
  },
});

/** Where a load balancer's packets reach the pods from, per provider (lib/topology/access.ts). */
const LB_TRAFFIC_HINT: Record<LbProvider, { label: string; placeholder: string; what: string }> = {
  aws: {
    label: "The NLB's subnets (or the VPC's CIDR)",
    placeholder: "10.0.0.0/16",
    what: "An NLB with ip targets connects to the pods from its own private addresses in its subnets (client IP preservation is off for TCP ip targets), and health-checks them from there. With the VPC CNI, pods have VPC addresses too: the whole VPC CIDR also admits every pod whose address is in it, so prefer the NLB's own subnets.",
  },
  gcp: {
    label: "The nodes' subnet CIDR",
    placeholder: "10.0.0.0/20",
    what: "The nodes forward load-balancer traffic to the pods, from the node's address; where the pod runs on the receiving node, from the client's own address (the policy admits the client networks too).",
  },
  azure: {
    label: "The nodes' subnet CIDR",
    placeholder: "10.224.0.0/16",
    what: "The nodes forward load-balancer traffic to the pods, from the node's address; where the pod runs on the receiving node, from the client's own address (the policy admits the client networks too).",
  },
  other: {
    label: "The nodes' CIDR",
    placeholder: "192.168.0.0/16",
    what: "kube-proxy forwards load-balancer traffic to the pods from the node's address; where the pod runs on the receiving node, from the client's own address.",
  },
};

/**
 * "Default on for a complete install" (issue 16): when the user switches the
 * values to a complete install and has not touched the policy answer, turn it
 * on. Only on the user's own switch (the scope answer is dirty), never on
 * load: a link, a preset or a file that says nothing about a policy (every one
 * made before it existed) keeps meaning what it says, and stays "current".
 * A component of its own, rendering nothing, so that whatever its subscription
 * to the form's state re-renders is itself, never the step and its fields.
 */
function PolicyOnForCompleteInstalls({ scope }: { scope: Scenario["valuesScope"] }) {
  const { control, getFieldState, setValue } = useFormContext<Scenario>();
  // Subscribes to the two fields' dirty state, so getFieldState reads it live.
  useFormState({ control, name: ["valuesScope", "access.networkPolicy"] });
  const previous = useRef(scope);
  useEffect(() => {
    const before = previous.current;
    previous.current = scope;
    if (
      before !== "complete" &&
      scope === "complete" &&
      getFieldState("valuesScope").isDirty &&
      !getFieldState("access.networkPolicy").isDirty
    ) {
      setValue("access.networkPolicy", true, SET_OPTIONS);
    }
  }, [scope, getFieldState, setValue]);
  return null;
}

export function AccessStep() {
  const { control } = useFormContext<Scenario>();
  const [policy, clients, exposure, provider, kafkaFrom, scope, metrics, operator, namespace] =
    useWatch({
      control,
      name: [
        "access.networkPolicy",
        "clients",
        "exposure",
        "loadBalancer.provider",
        "access.kafkaFrom",
        "valuesScope",
        "observability.metrics",
        "monitoring.prometheusOperator",
        "release.namespace",
      ],
      // Exact: react-hook-form matches names by prefix, so "release.namespace"
      // alone would re-render this whole step at every key typed into the
      // release name ("release.name" is a prefix of it). All are leaf answers.
      exact: true,
    });
  const inside = clients !== "outside-cluster";
  const outside = clients !== "in-cluster";
  const lb = exposure === "load-balancer";
  const hint = LB_TRAFFIC_HINT[provider];
  const prometheus = metrics === "PROMETHEUS" || (scope === "networking" && operator !== "none");
  return (
    <Section
      id="step-access"
      step={7}
      title="Who may connect, and monitoring"
      lead="Say where clients run; the wizard can lock the brokers down to exactly them and checks that no client group is left out."
    >
      <PolicyOnForCompleteInstalls scope={scope} />
      {inside && (
        <GroupList
          name="access.clientGroups"
          legend="Where clients run in the cluster"
          what={`One row per place: a namespace (empty: Bufstream's own, ${namespace}), and the labels its namespace and pods carry, if the policy should match on them.`}
          item="Client group"
          namespaceHint={namespace}
        />
      )}
      {outside && (
        <CidrList
          name="access.outsideClientCidrs"
          legend="Networks outside clients connect from"
          help="CIDR blocks, e.g. a peered VPC or an office network. The check compares them with the load balancer's source ranges and the policy."
          placeholder="10.1.0.0/16"
        />
      )}
      {lb && (
        <CidrList
          name="access.loadBalancerSourceRanges"
          legend="Load balancer source ranges"
          help={
            provider === "aws" || provider === "azure"
              ? "Only these addresses may connect. Written as the service.beta.kubernetes.io/load-balancer-source-ranges annotation (the chart has no key for spec.loadBalancerSourceRanges; this controller reads the annotation). Empty: any address its scheme allows."
              : "Only these addresses may connect. install.sh sets spec.loadBalancerSourceRanges with kubectl patch after the release (the chart has no key for it). Empty: any address its scheme allows."
          }
          placeholder="10.1.0.0/16"
        />
      )}

      <CheckboxField
        name="access.networkPolicy"
        label="Write NetworkPolicies for the brokers"
        help={
          <HelpText
            what="A file of NetworkPolicies, applied by install.sh after the release: Kafka only from your clients, the admin and Connect ports only from what you name, broker to broker, and out only to DNS, HTTPS (object storage, cloud APIs) and the metadata store."
            when="On by default for a complete install. It needs a network plugin that enforces NetworkPolicy (EKS: VPC CNI with network policy on, Calico or Cilium; GKE: Dataplane V2; AKS: --network-policy)."
            docs={POLICY_DOCS}
          />
        }
      />
      {policy && (
        <>
          <RadioGroupField
            name="access.kafkaFrom"
            label="Allow Kafka (9092) from"
            options={KAFKA_CHOICES}
          />
          {kafkaFrom === "listed" && (
            <GroupList
              name="access.kafkaPeers"
              legend="Namespaces and pods allowed to reach Kafka"
              what="A namespace by name, by its labels, or both; pod labels narrow it to those pods. With neither a name nor labels, the row means pods in Bufstream's own namespace."
              item="Allowed peer"
              namespaceHint="orders"
            />
          )}
          <GroupList
            name="access.adminPeers"
            legend="Allowed to reach the admin (9089) and Connect (8080) ports"
            what="The admin API has no authentication. By default only pods in Bufstream's own namespace; remove every row to leave the ports to the brokers alone (kubectl port-forward still works)."
            item="Admin peer"
            namespaceHint={namespace}
          />
          {lb && (
            <CidrList
              name="access.lbTrafficCidrs"
              legend={`Where the load balancer's traffic comes from: ${lowerFirst(hint.label)}`}
              help={hint.what}
              placeholder={hint.placeholder}
            />
          )}
          <CidrList
            name="access.metadataCidrs"
            legend="Where the metadata store is (optional)"
            help="The subnet of your PostgreSQL or of an etcd outside the cluster. Empty: the brokers may reach its port (5432 or 2379) anywhere. etcd in the cluster needs nothing here."
            placeholder="10.0.128.0/20"
          />
          <CidrList
            name="access.httpsCidrs"
            legend="Where the brokers may connect over HTTPS (optional)"
            help="Object storage and cloud APIs have public, changing addresses, so by default HTTPS may go anywhere but link-local addresses. Narrow it to your VPC endpoints or a proxy."
            placeholder="10.0.0.0/16"
          />
        </>
      )}

      <RadioGroupField
        name="monitoring.prometheusOperator"
        label="Prometheus Operator"
        options={MONITOR_CHOICES}
        help={
          <HelpText
            what="A ServiceMonitor or PodMonitor for the brokers' metrics port (9090, with Prometheus metrics), selected by the cluster label; install.sh applies it where the Operator's CRDs exist."
            when="When Prometheus runs through the Prometheus Operator or kube-prometheus-stack. Metrics must be Prometheus (Observability) for a complete install."
            docs={METRICS_DOCS}
          />
        }
      />
      {operator !== "none" && (
        <TextField
          name="monitoring.monitorLabels"
          label="Labels your Prometheus selects monitors by"
          placeholder="release=kube-prometheus-stack"
          help={
            <HelpText what="kube-prometheus-stack's Prometheus picks up monitors labelled release=<its Helm release>; others use their own serviceMonitorSelector or podMonitorSelector." />
          }
        />
      )}
      {policy && prometheus && (
        <TextField
          name="monitoring.prometheusNamespace"
          label="Namespace Prometheus runs in"
          placeholder="monitoring"
          help={
            <HelpText what="The NetworkPolicy lets pods of this namespace reach the metrics port (9090)." />
          }
        />
      )}
    </Section>
  );
}

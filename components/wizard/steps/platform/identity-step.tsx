"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { HelpText, RadioGroupField, TextField, choicesFor } from "@/components/ui/field";
import { IDENTITY_METHODS, type Scenario } from "@/lib/scenario/schema";
import { serviceAccountName } from "@/lib/topology/plan";
import { deployGuides } from "./docs";
import { PlatformSection } from "./parts";

const IDENTITY_CHOICES = choicesFor(IDENTITY_METHODS, {
  none: {
    label: "None",
    description: "Static keys, or credentials the nodes already have.",
  },
  "eks-pod-identity": {
    label: "EKS Pod Identity (recommended on EKS)",
    description: "An association per ServiceAccount; no values needed.",
  },
  irsa: {
    label: "IRSA (IAM roles for service accounts)",
    description:
      "The role ARN as a ServiceAccount annotation; the role's trust policy names each ServiceAccount.",
  },
  "gke-workload-identity": {
    label: "GKE Workload Identity",
    description: "The ServiceAccount acts as a Google service account.",
  },
  "azure-workload-identity": {
    label: "Azure Workload ID",
    description: "A managed identity federated with the ServiceAccount; pods carry a label.",
  },
});

/** The cloud identity the brokers' ServiceAccounts use (domain 2.5), and which ServiceAccounts get bound. */
export function IdentityStep() {
  const { control } = useFormContext<Scenario>();
  const [method, zonesEnabled, zoneNames = [], provider] = useWatch({
    control,
    name: ["identity.method", "zones.enabled", "zones.names", "loadBalancer.provider"],
  });
  const accounts =
    zonesEnabled && zoneNames.length > 0
      ? zoneNames.filter((zone) => zone !== "").map((zone) => serviceAccountName(zone))
      : [serviceAccountName(null)];

  return (
    <PlatformSection
      id="platform-identity"
      title="Cloud identity"
      lead="Lets the brokers reach storage (and Spanner or Cloud SQL) without keys."
    >
      <RadioGroupField
        name="identity.method"
        label="Workload identity"
        options={IDENTITY_CHOICES}
        help={
          <HelpText
            what="Binds the brokers' Kubernetes ServiceAccount to a cloud identity with access to your bucket."
            when="Use your cloud's own mechanism. The identity needs read, write, list and delete on the bucket, and multipart-upload rights."
            docs={deployGuides(provider)}
          />
        }
      />
      {(method === "irsa" || method === "eks-pod-identity") && (
        <TextField
          name="identity.awsRoleArn"
          label="IAM role ARN"
          placeholder="arn:aws:iam::123456789012:role/BufstreamRole"
          help={<HelpText what="The IAM role with access to the S3 bucket." />}
        />
      )}
      {method === "eks-pod-identity" && (
        <TextField
          name="identity.awsClusterName"
          label="EKS cluster name"
          size="medium"
          help={
            <HelpText what="install.sh creates the Pod Identity association in this cluster." />
          }
        />
      )}
      {method === "gke-workload-identity" && (
        <TextField
          name="identity.gcpServiceAccount"
          label="Google service account"
          placeholder="bufstream@my-project.iam.gserviceaccount.com"
          help={
            <HelpText what="The Google service account the brokers act as (the iam.gke.io/gcp-service-account annotation)." />
          }
        />
      )}
      {method === "azure-workload-identity" && (
        <>
          <TextField
            name="identity.azureClientId"
            label="Managed identity client id"
            placeholder="00000000-0000-0000-0000-000000000000"
            size="medium"
            help={<HelpText what="The azure.workload.identity/client-id annotation." />}
          />
          <TextField
            name="identity.azureIdentityName"
            label="Managed identity name"
            size="medium"
            help={<HelpText what="install.sh adds a federated credential to this identity." />}
          />
          <TextField
            name="identity.azureResourceGroup"
            label="Resource group of the identity"
            size="medium"
          />
        </>
      )}
      {method !== "none" && (
        <p className="help">
          {method === "irsa"
            ? "The role's trust policy must name "
            : "install.sh binds the identity to "}
          {accounts.length === 1 ? "the ServiceAccount " : "each zone's ServiceAccount: "}
          {accounts.map((account, i) => (
            <span key={account}>
              {i > 0 && ", "}
              <code>{account}</code>
            </span>
          ))}
          .{" "}
          {accounts.length > 1 &&
            "A binding for one zone's ServiceAccount does not cover the others."}
        </p>
      )}
    </PlatformSection>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import {
  CheckboxField,
  HelpText,
  RadioGroupField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { SECRET_INPUTS } from "@/lib/platform";
import { STORAGE_CREDENTIALS, STORAGE_PROVIDERS, type Scenario } from "@/lib/scenario/schema";
import { PLATFORM_DOCS, deployGuides } from "./docs";
import { PlatformSection, SecretInputsNote } from "./parts";

const STORAGE_CHOICES = choicesFor(STORAGE_PROVIDERS, {
  s3: {
    label: "Amazon S3 (or S3-compatible)",
    description: "An S3 bucket; also MinIO and other S3-compatible stores through an endpoint.",
  },
  gcs: { label: "Google Cloud Storage", description: "A GCS bucket." },
  azure: { label: "Azure Blob Storage", description: "A blob container in a storage account." },
});

const IDENTITY_WORDS: Record<Scenario["storage"]["use"], string> = {
  s3: "an IAM role through EKS Pod Identity or IRSA",
  gcs: "a Google service account through GKE Workload Identity",
  azure: "a managed identity through Azure Workload ID",
};

const SECRET_WORDS: Record<Scenario["storage"]["use"], string> = {
  s3: "an access key id here, and its secret key in a Kubernetes secret",
  gcs: "a service-account key file (credentials.json) in a Kubernetes secret",
  azure: "the storage account name here, and its account key in a Kubernetes secret",
};

const BUCKET_LABEL: Record<Scenario["storage"]["use"], string> = {
  s3: "Bucket",
  gcs: "Bucket",
  azure: "Container",
};

export function StorageStep() {
  const { control } = useFormContext<Scenario>();
  const [use, credentials, endpoint, provider] = useWatch({
    control,
    name: ["storage.use", "storage.credentials", "storage.endpoint", "loadBalancer.provider"],
  });
  const credentialChoices = choicesFor(STORAGE_CREDENTIALS, {
    "workload-identity": {
      label: "Workload identity (recommended)",
      description: `No keys: the brokers' ServiceAccount uses ${IDENTITY_WORDS[use]}. Set it up under “Cloud identity” below.`,
    },
    secret: { label: "Static keys in a secret", description: `Use ${SECRET_WORDS[use]}.` },
  });
  const secretInput =
    use === "gcs" ? SECRET_INPUTS.gcsCredentialsFile : SECRET_INPUTS.storageSecretAccessKey;

  return (
    <PlatformSection
      id="platform-storage"
      title="Object storage"
      lead="Bufstream keeps all topic data in object storage; brokers hold no data on disk."
    >
      <RadioGroupField
        name="storage.use"
        label="Storage service"
        options={STORAGE_CHOICES}
        help={
          <HelpText
            what="Where message data lives (storage.use)."
            when="Use your cloud's own service, in the same region as the cluster."
            cost="Storage and request charges; keep the bucket in the cluster's region to avoid transfer fees."
            docs={[PLATFORM_DOCS.helmValues, ...deployGuides(provider)]}
          />
        }
      />
      <TextField
        name="storage.bucket"
        label={BUCKET_LABEL[use]}
        placeholder={use === "azure" ? "bufstream" : "my-bufstream-bucket"}
        size="medium"
        help={
          <HelpText
            what={
              use === "azure"
                ? "The blob container in the storage account (storage.azure.bucket)."
                : `The bucket name, without ${use === "s3" ? "s3://" : "gs://"} (storage.${use}.bucket).`
            }
            when="Create it first. Add a lifecycle rule that aborts incomplete multipart uploads, and no retention rule shorter than your longest topic retention."
            docs={PLATFORM_DOCS.helmValues}
          />
        }
      />
      {use === "s3" && (
        <TextField
          name="storage.region"
          label="Region"
          placeholder="us-east-1"
          size="short"
          help={
            <HelpText
              what="The bucket's AWS region (storage.s3.region)."
              docs={PLATFORM_DOCS.helmValues}
            />
          }
        />
      )}
      {use !== "gcs" && (
        <TextField
          name="storage.endpoint"
          label={use === "azure" ? "Storage account endpoint" : "Endpoint (optional)"}
          placeholder={
            use === "azure"
              ? "https://<account>.blob.core.windows.net"
              : "https://minio.example.com"
          }
          inputMode="url"
          help={
            <HelpText
              what={
                use === "azure"
                  ? "The blob endpoint of the storage account (storage.azure.endpoint)."
                  : "Only for S3-compatible stores such as MinIO; leave empty for AWS S3."
              }
              docs={PLATFORM_DOCS.helmValues}
            />
          }
        />
      )}
      {use === "s3" && endpoint !== "" && (
        <CheckboxField
          name="storage.forcePathStyle"
          label="Path-style requests"
          help={
            <HelpText
              what="Address the bucket as endpoint/bucket instead of bucket.endpoint (storage.s3.forcePathStyle)."
              when="Most S3-compatible stores without wildcard DNS need it."
            />
          }
        />
      )}
      <TextField
        name="storage.prefix"
        label="Key prefix (optional)"
        placeholder="bufstream/"
        size="medium"
        help={
          <HelpText
            what="A path prefix for every object Bufstream writes, so one bucket can hold several clusters."
            docs={PLATFORM_DOCS.helmValues}
          />
        }
      />
      <RadioGroupField
        name="storage.credentials"
        label="Credentials"
        options={credentialChoices}
        help={
          <HelpText
            what="How the brokers authenticate to the storage service."
            when="Workload identity: no long-lived keys to rotate or leak. Static keys when the cluster has no workload identity."
            docs={deployGuides(provider)}
          />
        }
      />
      {credentials === "secret" && (
        <>
          {use !== "gcs" && (
            <TextField
              name="storage.accessKeyId"
              label={use === "azure" ? "Storage account name" : "Access key id"}
              placeholder={use === "azure" ? "mystorageaccount" : "AKIA…"}
              size="medium"
              help={
                <HelpText
                  what={
                    use === "azure"
                      ? "The account name (storage.azure.accessKeyId); the account key goes in the secret."
                      : "The access key id (storage.s3.accessKeyId): an identifier, not the secret key."
                  }
                  docs={PLATFORM_DOCS.helmValues}
                />
              }
            />
          )}
          <TextField
            name="storage.secretName"
            label="Secret name"
            size="medium"
            help={
              <HelpText
                what={`The Kubernetes secret install.sh creates, with key ${use === "gcs" ? "credentials.json" : "secret_access_key"} (storage.${use}.secretName).`}
                docs={PLATFORM_DOCS.helmValues}
              />
            }
          />
          <SecretInputsNote inputs={[secretInput]} />
        </>
      )}
    </PlatformSection>
  );
}

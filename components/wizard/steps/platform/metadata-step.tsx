"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import {
  CheckboxField,
  HelpText,
  NumberField,
  RadioGroupField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { SECRET_INPUTS } from "@/lib/platform";
import {
  ETCD_SOURCES,
  METADATA_STORES,
  type EtcdSource as EtcdSourceValue,
  type Scenario,
} from "@/lib/scenario/schema";
import { PLATFORM_DOCS, deployGuides } from "./docs";
import { PlatformSection, SecretInputsNote } from "./parts";

const METADATA_CHOICES = choicesFor(METADATA_STORES, {
  postgres: {
    label: "PostgreSQL (recommended)",
    description: "RDS, Cloud SQL, Azure Database for PostgreSQL or your own, version 14 or newer.",
  },
  spanner: {
    label: "Google Cloud Spanner",
    description:
      "On Google Cloud: the store Bufstream's docs recommend for multi-region deployments.",
  },
  etcd: {
    label: "etcd",
    description: "A separately deployed etcd cluster on fast disks.",
  },
});

const ETCD_GUIDES = [
  PLATFORM_DOCS.deployAwsEtcd,
  PLATFORM_DOCS.deployGcpEtcd,
  PLATFORM_DOCS.deployAzureEtcd,
];

// "" (not answered) has no choice of its own: neither is picked until the user
// says, and the topology check asks (etcd-source-unconfirmed).
const ETCD_SOURCE_CHOICES = choicesFor(
  ETCD_SOURCES.filter((source): source is Exclude<EtcdSourceValue, ""> => source !== ""),
  {
    install: {
      label: "Install etcd for me",
      description:
        "install.sh installs Bitnami's etcd chart first, once, as Buf's Terraform does (three members, 10 GiB volumes); Bufstream then uses it.",
    },
    existing: {
      label: "I run etcd already",
      description: "Enter its client addresses below.",
    },
  },
);

function EtcdSource() {
  const { control } = useFormContext<Scenario>();
  const [source, name, namespace] = useWatch({
    control,
    name: ["metadata.etcd.source", "release.name", "release.namespace"],
  });
  // The address follows the release and its namespace (lib/platform/metadata.ts).
  const installed = `${name}-etcd.${namespace}.svc.cluster.local:2379`;
  return (
    <>
      <RadioGroupField
        name="metadata.etcd.source"
        label="Where etcd runs"
        options={ETCD_SOURCE_CHOICES}
        help={
          <HelpText
            what="Bufstream's chart does not install etcd: it must run before the brokers start."
            when={
              source === "install"
                ? `Bufstream will use ${installed}. Give etcd fast disks (persistence.storageClass in the etcd values file).`
                : "Install it for a new cluster; choose your own when etcd already runs (for an existing release, the address it uses now)."
            }
            docs={ETCD_GUIDES}
          />
        }
      />
      {source === "existing" && (
        <EtcdAddresses placeholder={`bufstream-etcd.${namespace}.svc.cluster.local`} />
      )}
    </>
  );
}

function EtcdAddresses({ placeholder }: { placeholder: string }) {
  const { control } = useFormContext<Scenario>();
  const { fields, append, remove } = useFieldArray({ control, name: "metadata.etcd.addresses" });
  return (
    <fieldset className="field">
      <legend className="field-label">etcd endpoints</legend>
      <ol className="zone-list">
        {fields.map((field, i) => (
          <li key={field.id} className="zone-item">
            <TextField
              name={`metadata.etcd.addresses.${i}.host`}
              label={`Endpoint ${i + 1} host`}
              placeholder={placeholder}
            />
            <NumberField
              name={`metadata.etcd.addresses.${i}.port`}
              label={`Endpoint ${i + 1} port`}
              min={1}
              max={65535}
            />
            <Button size="small" variant="ghost" onClick={() => remove(i)}>
              Remove endpoint {i + 1}
            </Button>
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => append({ host: "", port: 2379 })}>
        Add an etcd endpoint
      </Button>
      <HelpText
        what="The client addresses of your etcd cluster (metadata.etcd.addresses)."
        when="The docs install etcd with the Bitnami chart as release bufstream-etcd: bufstream-etcd.<namespace>.svc.cluster.local:2379. Give it fast disks (gp3/io2, Premium SSD v2, premium-rwo)."
        docs={ETCD_GUIDES}
      />
    </fieldset>
  );
}

export function MetadataStep() {
  const { control } = useFormContext<Scenario>();
  const [use, provider] = useWatch({ control, name: ["metadata.use", "loadBalancer.provider"] });
  return (
    <PlatformSection
      id="platform-metadata"
      title="Metadata store"
      lead="Where Bufstream keeps topic, partition and offset metadata."
    >
      <RadioGroupField
        name="metadata.use"
        label="Metadata store"
        options={METADATA_CHOICES}
        help={
          <HelpText
            what="metadata.use: the database that coordinates the brokers."
            when="PostgreSQL for most workloads; Spanner on Google Cloud when you need multi-region; etcd when you already run it."
            docs={[PLATFORM_DOCS.helmValues, ...deployGuides(provider)]}
          />
        }
      />
      {use === "etcd" && <EtcdSource />}
      {use === "postgres" && (
        <>
          <TextField
            name="metadata.postgres.secretName"
            label="DSN secret name"
            size="medium"
            help={
              <HelpText
                what="The Kubernetes secret (key dsn) install.sh creates from the DSN you export (metadata.postgres.secretName)."
                docs={PLATFORM_DOCS.helmValues}
              />
            }
          />
          <SecretInputsNote inputs={[SECRET_INPUTS.postgresDsn]} />
          <TextField
            name="metadata.postgres.cloudsqlInstance"
            label="Cloud SQL instance (Google Cloud only, optional)"
            placeholder="my-project:us-central1:bufstream"
            help={
              <HelpText
                what="The instance connection name, project:region:instance: Bufstream then connects through the Cloud SQL connector."
                docs={PLATFORM_DOCS.deployGcp}
              />
            }
          />
          <CheckboxField
            name="metadata.postgres.cloudsqlIam"
            label="Cloud SQL IAM authentication"
            help={
              <HelpText what="Log in as the Google service account (GKE Workload Identity) instead of a password; the DSN then names the IAM user, e.g. user=bufstream@my-project.iam database=bufstream." />
            }
          />
          <CheckboxField
            name="metadata.postgres.cloudsqlPrivateIp"
            label="Connect over the instance's private IP"
          />
        </>
      )}
      {use === "spanner" && (
        <>
          <TextField
            name="metadata.spanner.projectId"
            label="Project id"
            size="medium"
            help={
              <HelpText
                what="metadata.spanner.projectId. The wizard writes the camelCase keys of the values reference; the Spanner guide's snake_case keys are a documentation slip."
                docs={[PLATFORM_DOCS.deploySpanner, PLATFORM_DOCS.helmValues]}
              />
            }
          />
          <TextField name="metadata.spanner.instanceId" label="Instance id" size="medium" />
          <TextField
            name="metadata.spanner.databaseName"
            label="Database name"
            size="medium"
            help={<HelpText what="Defaults to bufstream." />}
          />
        </>
      )}
    </PlatformSection>
  );
}

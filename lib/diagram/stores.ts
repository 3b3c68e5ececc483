// Object storage and the metadata store, as the diagram and its text
// alternative name them (domain 1.1 storage.* / metadata.*, domain 3 overview).
import { isClusterDnsName, hostPort } from "../check/hosts";
import { etcdAddressesInUse } from "../platform/metadata";
import type { Scenario } from "../scenario/schema";

const STORAGE_NAMES = {
  s3: "Amazon S3",
  gcs: "Google Cloud Storage",
  azure: "Azure Blob Storage",
} as const;

/** The object store: its kind and which bucket, e.g. `{ name: "Amazon S3", detail: "bucket b" }`. */
export function objectStorageParts(s: Scenario): { name: string; detail: string } {
  const { storage } = s;
  // An S3 endpoint means an S3-compatible store (MinIO, R2, …), not AWS itself.
  const name =
    storage.use === "s3" && storage.endpoint !== ""
      ? "S3-compatible storage"
      : STORAGE_NAMES[storage.use];
  const container = storage.use === "azure" ? "container" : "bucket";
  return {
    name,
    detail: storage.bucket === "" ? `${container} not set` : `${container} ${storage.bucket}`,
  };
}

/** The metadata store: its kind and where it is. */
export function metadataStoreParts(s: Scenario): { name: string; detail: string } {
  const { metadata } = s;
  switch (metadata.use) {
    case "etcd": {
      const addresses = etcdAddressesInUse(s).map((a) => hostPort(a.host, a.port));
      return {
        name: "etcd",
        detail: addresses.length === 0 ? "no address set" : addresses.join(", "),
      };
    }
    case "postgres":
      return {
        name: "PostgreSQL",
        detail:
          metadata.postgres.cloudsqlInstance !== ""
            ? `Cloud SQL ${metadata.postgres.cloudsqlInstance}`
            : `DSN from secret ${metadata.postgres.secretName}`,
      };
    case "spanner":
      return {
        name: "Spanner",
        detail: `${metadata.spanner.projectId || "project not set"} / ${metadata.spanner.instanceId || "instance not set"}`,
      };
  }
}

export function objectStorageLabel(s: Scenario): string[] {
  const { name, detail } = objectStorageParts(s);
  return [`Object storage: ${name}`, detail];
}

export function metadataStoreLabel(s: Scenario): string[] {
  const { name, detail } = metadataStoreParts(s);
  return [`Metadata store: ${name}`, detail];
}

/** etcd reached by a cluster DNS name runs in the cluster (the docs install it with a Helm chart, domain 2.4). */
export function isInClusterMetadataStore(s: Scenario): boolean {
  const addresses = etcdAddressesInUse(s);
  return (
    s.metadata.use === "etcd" &&
    addresses.length > 0 &&
    addresses.every((a) => isClusterDnsName(a.host))
  );
}

// Which cloud a scenario's platform answers point at (a complete install's
// identity, object storage and metadata store), for what the load balancer's
// provider does not say: the zone-name check (lib/check/rules-zones.ts) and the
// cloud guessed for imported values (lib/import/read-networking.ts).
import type { Scenario } from "../scenario/schema";

export type Cloud = "aws" | "gcp" | "azure";

const BY_IDENTITY: Partial<Record<Scenario["identity"]["method"], Cloud>> = {
  "eks-pod-identity": "aws",
  irsa: "aws",
  "gke-workload-identity": "gcp",
  "azure-workload-identity": "azure",
};

/** S3 is not here: MinIO and other S3-compatible stores run anywhere, so it says nothing. */
const BY_STORAGE: Partial<Record<Scenario["storage"]["use"], Cloud>> = {
  gcs: "gcp",
  azure: "azure",
};

const BY_METADATA: Partial<Record<Scenario["metadata"]["use"], Cloud>> = { spanner: "gcp" };

/** The cloud only one of these answers exists on (the first that says), else null. */
export function cloudOfPlatform(
  s: Pick<Scenario, "identity" | "storage" | "metadata">,
): Cloud | null {
  return (
    BY_IDENTITY[s.identity.method] ??
    cloudOfStorage(s.storage.use) ??
    cloudOfMetadata(s.metadata.use)
  );
}

/** For text read from values: `storage.use`, whatever it holds (null when it names no one cloud). */
export function cloudOfStorage(use: string): Cloud | null {
  return Object.hasOwn(BY_STORAGE, use)
    ? (BY_STORAGE[use as keyof typeof BY_STORAGE] ?? null)
    : null;
}

/** For text read from values: `metadata.use`. */
export function cloudOfMetadata(use: string): Cloud | null {
  return Object.hasOwn(BY_METADATA, use)
    ? (BY_METADATA[use as keyof typeof BY_METADATA] ?? null)
    : null;
}

// Platform answers that suit the cloud the user already picked for the load
// balancer (issue 6: "defaults suited to the chosen provider"). Metadata:
// Postgres, which the docs recommend for most workloads (domain 1.1); Spanner
// stays an explicit choice for GCP multi-region.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import type { IdentityMethod, MetadataStore, Scenario, StorageProvider } from "../scenario/schema";

export interface PlatformSuggestion {
  /** The cloud in words: "EKS", "GKE", "AKS". */
  cloud: string;
  storageUse: StorageProvider;
  storageLabel: string;
  identityMethod: IdentityMethod;
  identityLabel: string;
  metadataUse: MetadataStore;
}

const SUGGESTIONS: Record<"aws" | "gcp" | "azure", PlatformSuggestion> = {
  aws: {
    cloud: "EKS",
    storageUse: "s3",
    storageLabel: "S3",
    // The deploy guides recommend EKS Pod Identity over IRSA (domain 2.5).
    identityMethod: "eks-pod-identity",
    identityLabel: "EKS Pod Identity",
    metadataUse: "postgres",
  },
  gcp: {
    cloud: "GKE",
    storageUse: "gcs",
    storageLabel: "GCS",
    identityMethod: "gke-workload-identity",
    identityLabel: "GKE Workload Identity",
    metadataUse: "postgres",
  },
  azure: {
    cloud: "AKS",
    storageUse: "azure",
    storageLabel: "Azure Blob Storage",
    identityMethod: "azure-workload-identity",
    identityLabel: "Azure Workload ID",
    metadataUse: "postgres",
  },
};

/** The cloud's usual platform answers, or null when the cloud is not known. */
export function suggestedPlatform(s: {
  exposure: Scenario["exposure"];
  loadBalancer: Pick<Scenario["loadBalancer"], "provider">;
}): PlatformSuggestion | null {
  if (s.exposure !== "load-balancer" || s.loadBalancer.provider === "other") return null;
  return SUGGESTIONS[s.loadBalancer.provider];
}

/** True when the user has not touched storage, identity or metadata yet (all still defaults). */
export function isPristinePlatform(s: Pick<Scenario, "storage" | "identity" | "metadata">) {
  return (
    JSON.stringify(s.storage) === JSON.stringify(DEFAULT_SCENARIO.storage) &&
    JSON.stringify(s.identity) === JSON.stringify(DEFAULT_SCENARIO.identity) &&
    JSON.stringify(s.metadata) === JSON.stringify(DEFAULT_SCENARIO.metadata)
  );
}

/** True when the scenario already follows the suggestion. */
export function followsSuggestion(
  s: {
    storage: Pick<Scenario["storage"], "use">;
    identity: Pick<Scenario["identity"], "method">;
    metadata: Pick<Scenario["metadata"], "use">;
  },
  suggestion: PlatformSuggestion,
): boolean {
  return (
    s.storage.use === suggestion.storageUse &&
    s.identity.method === suggestion.identityMethod &&
    s.metadata.use === suggestion.metadataUse
  );
}

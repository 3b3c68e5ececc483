// Platform answers that suit the cloud the cluster runs on (issue 6: "defaults
// suited to the chosen provider"; the cloud is `loadBalancer.provider`, asked
// for every layout since issue 13). Metadata: Postgres, which the docs
// recommend for most workloads (domain 1.1); on Google Cloud, Spanner is
// offered beside it, for the multi-region deployments the docs recommend it for.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import type { IdentityMethod, MetadataStore, Scenario, StorageProvider } from "../scenario/schema";

export interface MetadataChoice {
  use: MetadataStore;
  label: string;
  /** When to pick it, when the cloud offers more than one. */
  when?: string;
}

export interface PlatformSuggestion {
  /** The cloud in words: "EKS", "GKE", "AKS". */
  cloud: string;
  storageUse: StorageProvider;
  storageLabel: string;
  identityMethod: IdentityMethod;
  identityLabel: string;
  /** The metadata stores that fit this cloud; the first is the one pre-selected. */
  metadata: readonly MetadataChoice[];
}

const POSTGRES: MetadataChoice = { use: "postgres", label: "PostgreSQL" };

const SUGGESTIONS: Record<"aws" | "gcp" | "azure", PlatformSuggestion> = {
  aws: {
    cloud: "EKS",
    storageUse: "s3",
    storageLabel: "S3",
    // The deploy guides recommend EKS Pod Identity over IRSA (domain 2.5).
    identityMethod: "eks-pod-identity",
    identityLabel: "EKS Pod Identity",
    metadata: [POSTGRES],
  },
  gcp: {
    cloud: "GKE",
    storageUse: "gcs",
    storageLabel: "GCS",
    identityMethod: "gke-workload-identity",
    identityLabel: "GKE Workload Identity",
    metadata: [
      { ...POSTGRES, label: "PostgreSQL (Cloud SQL)", when: "most workloads" },
      { use: "spanner", label: "Spanner", when: "multi-region deployments" },
    ],
  },
  azure: {
    cloud: "AKS",
    storageUse: "azure",
    storageLabel: "Azure Blob Storage",
    identityMethod: "azure-workload-identity",
    identityLabel: "Azure Workload ID",
    metadata: [POSTGRES],
  },
};

/** The cloud's usual platform answers, or null for "Other". */
export function suggestedPlatform(s: {
  loadBalancer: Pick<Scenario["loadBalancer"], "provider">;
}): PlatformSuggestion | null {
  if (s.loadBalancer.provider === "other") return null;
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

/** True when the scenario already follows the suggestion (with any of its metadata stores). */
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
    suggestion.metadata.some((choice) => choice.use === s.metadata.use)
  );
}

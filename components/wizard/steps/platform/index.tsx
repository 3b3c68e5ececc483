"use client";

// The "complete install" questions (issue 6): storage, cloud identity,
// metadata, TLS, authentication, observability and resources. Each area is a
// named export so the wizard can place them; PlatformSteps renders them all.
//
// Scope: storage, identity, metadata, observability and resources are written
// only for `valuesScope: "complete"`. TLS and authentication apply in both
// scopes (lib/platform/index.ts): for networking-only values, render
// <ConnectionSecuritySteps /> so users can still see and change them.
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import {
  followsSuggestion,
  isPristinePlatform,
  suggestedPlatform,
  type MetadataChoice,
  type PlatformSuggestion,
} from "@/lib/platform/provider-defaults";
import { platformSecretInputs } from "@/lib/platform";
import type { Scenario } from "@/lib/scenario/schema";
import { useScenarioStateContext } from "../../scenario-context";
import { AuthStep } from "./auth-step";
import { IdentityStep } from "./identity-step";
import { MetadataStep } from "./metadata-step";
import { ObservabilityStep } from "./observability-step";
import { SET_OPTIONS, SecretInputsNote } from "./parts";
import { ResourcesStep } from "./resources-step";
import { StorageStep } from "./storage-step";
import { TlsStep } from "./tls-step";

export {
  AuthStep,
  IdentityStep,
  MetadataStep,
  ObservabilityStep,
  ResourcesStep,
  StorageStep,
  TlsStep,
};

function applySuggestion(
  setValue: ReturnType<typeof useFormContext<Scenario>>["setValue"],
  suggestion: PlatformSuggestion,
  metadata: MetadataChoice,
) {
  setValue("storage.use", suggestion.storageUse, SET_OPTIONS);
  setValue("identity.method", suggestion.identityMethod, SET_OPTIONS);
  setValue("metadata.use", metadata.use, SET_OPTIONS);
}

/**
 * When the platform questions first appear with untouched answers, pre-select
 * the cluster's cloud's own services (step 1 says which cloud); afterwards,
 * offer them as one-click picks, on Google Cloud with Spanner beside PostgreSQL.
 */
function ProviderDefaults() {
  const { control, getValues, setValue } = useFormContext<Scenario>();
  useEffect(() => {
    const current = getValues();
    const suggestion = suggestedPlatform(current);
    const first = suggestion?.metadata[0];
    if (suggestion !== null && first !== undefined && isPristinePlatform(current)) {
      applySuggestion(setValue, suggestion, first);
    }
  }, [getValues, setValue]);

  const [provider, storageUse, identityMethod, metadataUse] = useWatch({
    control,
    name: ["loadBalancer.provider", "storage.use", "identity.method", "metadata.use"],
  });
  const suggestion = suggestedPlatform({ loadBalancer: { provider } });
  if (suggestion === null) return null;
  const current = {
    storage: { use: storageUse },
    identity: { method: identityMethod },
    metadata: { use: metadataUse },
  };
  if (followsSuggestion(current, suggestion)) return null;
  return (
    <div className="quick-picks">
      <p className="help">Your cluster runs on {suggestion.cloud}. Quick pick:</p>
      <div className="button-row">
        {suggestion.metadata.map((metadata) => (
          <Button
            key={metadata.use}
            size="small"
            onClick={() => applySuggestion(setValue, suggestion, metadata)}
          >
            Use {suggestion.storageLabel}, {suggestion.identityLabel} and {metadata.label}
            {metadata.when !== undefined && ` (${metadata.when})`}
          </Button>
        ))}
      </div>
    </div>
  );
}

/** Every environment variable install.sh will read for the current answers. */
function AllSecretInputs() {
  // The last valid answers while some are invalid: the note stays put as the user types.
  const { shown } = useScenarioStateContext();
  return <SecretInputsNote inputs={platformSecretInputs(shown)} />;
}

/** TLS and authentication: how clients connect, so they apply in either scope. */
export function ConnectionSecuritySteps() {
  return (
    <>
      <TlsStep />
      <AuthStep />
    </>
  );
}

/** All platform questions, for a complete install. */
export function PlatformSteps() {
  return (
    <>
      <ProviderDefaults />
      <StorageStep />
      <IdentityStep />
      <MetadataStep />
      <ConnectionSecuritySteps />
      <ObservabilityStep />
      <ResourcesStep />
      <AllSecretInputs />
    </>
  );
}

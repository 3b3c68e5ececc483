// The platform half of a complete install (issue 6): object storage, cloud
// identity, metadata store, Kafka TLS, authentication, observability and
// broker resources. Facts: domain reference 1.1-1.4, 2.4, 2.5, 4 and 6.
//
// Scope (which parts apply when). `valuesScope: "networking"` means the user
// layers our values on a base file of their own, so we must not override
// their storage, metadata, identity, resources or observability: those are
// written only for `"complete"`. TLS and authentication are different: they
// are part of how clients connect (the listener the advertised address
// points at, the client kit's security.protocol), so they apply in BOTH
// scopes whenever the user turns them on. Callers therefore merge
// buildPlatformValues(s) and run buildPlatformSteps(s) unconditionally; the
// scope decision lives here, in one place.
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import { buildAuthSteps, buildAuthValues } from "./auth";
import { buildIdentitySteps, buildIdentityValues } from "./identity";
import { mergeAll, type Values } from "./merge";
import { buildMetadataSteps, buildMetadataValues } from "./metadata";
import { buildObservabilityValues } from "./observability";
import { buildResourcesValues } from "./resources";
import { SECRET_INPUTS, AKS_OIDC_ISSUER_ENV, type SecretInput } from "./secret-inputs";
import { buildStorageSteps, buildStorageValues } from "./storage";
import { buildTlsSteps, buildTlsValues } from "./tls";

export { tlsNamesToCover, tlsCoverage, type TlsCoverage } from "./tls";
export {
  autoscalingApplies,
  resourceRatioAdvice,
  zoneAutoscaling,
  type ZoneAutoscaling,
} from "./resources";
export { SECRET_INPUTS, type SecretInput } from "./secret-inputs";
export { mergeValues } from "./merge";

/** True when the wizard writes the whole install, not only the networking overlay. */
export function isCompleteInstall(s: Scenario): boolean {
  return s.valuesScope === "complete";
}

/** Drops empty objects so a fragment never carries `{}` placeholders into the values file. */
function pruneEmpty(values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const pruned = pruneEmpty(value as Values);
      if (Object.keys(pruned).length > 0) out[key] = pruned;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The values fragment for the shared values file (the same for every zone:
 * identity annotations included, since every zonal ServiceAccount carries the
 * same one). Uses only documented chart keys (domain 1.1-1.4).
 */
export function buildPlatformValues(s: Scenario): Record<string, unknown> {
  const complete = isCompleteInstall(s);
  return pruneEmpty(
    mergeAll([
      ...(complete
        ? [
            buildStorageValues(s),
            buildMetadataValues(s),
            buildIdentityValues(s),
            buildObservabilityValues(s),
            buildResourcesValues(s),
          ]
        : []),
      buildTlsValues(s),
      buildAuthValues(s),
    ]),
  );
}

/**
 * Steps to run after the namespace exists and before `helm upgrade --install`:
 * secrets (values read from the environment, never from the scenario), the
 * OAuth JWKS ConfigMap, and one workload-identity binding per ServiceAccount.
 */
export function buildPlatformSteps(s: Scenario): ScriptStep[] {
  const complete = isCompleteInstall(s);
  return [
    ...(complete
      ? [...buildStorageSteps(s), ...buildMetadataSteps(s), ...buildIdentitySteps(s)]
      : []),
    ...buildTlsSteps(s),
    ...buildAuthSteps(s),
  ];
}

/**
 * The environment variables install.sh reads for this scenario, for the
 * README and the page ("export these before running install.sh").
 */
export function platformSecretInputs(s: Scenario): SecretInput[] {
  const inputs: SecretInput[] = [];
  const complete = isCompleteInstall(s);
  if (complete && s.storage.credentials === "secret") {
    inputs.push(
      s.storage.use === "gcs"
        ? SECRET_INPUTS.gcsCredentialsFile
        : SECRET_INPUTS.storageSecretAccessKey,
    );
  }
  if (complete && s.metadata.use === "postgres") inputs.push(SECRET_INPUTS.postgresDsn);
  if (complete && s.identity.method === "azure-workload-identity") {
    inputs.push({
      env: AKS_OIDC_ISSUER_ENV,
      kind: "value",
      description:
        "the AKS cluster's OIDC issuer URL (az aks show -n <cluster> -g <group> --query oidcIssuerProfile.issuerUrl -o tsv); not a secret",
    });
  }
  if (s.tls.enabled) {
    inputs.push(SECRET_INPUTS.tlsCertFile, SECRET_INPUTS.tlsKeyFile);
    if (s.tls.clientCasSecret !== "") inputs.push(SECRET_INPUTS.tlsClientCaFile);
  }
  if (s.auth.sasl === "plain") {
    inputs.push(SECRET_INPUTS.saslPlainUsername, SECRET_INPUTS.saslPlainPassword);
  }
  if (s.auth.sasl === "scram") {
    inputs.push(SECRET_INPUTS.scramAdminUsername, SECRET_INPUTS.scramAdminPassword);
  }
  return inputs;
}

// Cloud workload identity (domain 1.2 item 2, 2.3 per-zone bindings, 2.5 values,
// gotcha 9). The annotation is the same for every zonal ServiceAccount, so it
// lives in the shared values file; the binding, however, names each
// ServiceAccount, so the commands below run once per release (per zone).
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import { shellQuote } from "../commands/shell-quote";
import { buildTopologyPlan } from "../topology/plan";
import type { Values } from "./merge";
import { AKS_OIDC_ISSUER_ENV } from "./secret-inputs";
import { storagePermissionNote } from "./storage";

/**
 * What else the cloud identity must reach: the metadata store when it
 * authenticates with the workload identity too (Spanner; Cloud SQL IAM).
 * Role names are the clouds' standard ones [inferred: the domain reference
 * does not list them].
 */
function metadataPermissionNote(s: Scenario): string[] {
  if (s.metadata.use === "spanner") {
    return [
      "Spanner: the Google service account needs roles/spanner.databaseUser on the database.",
    ];
  }
  if (s.metadata.use === "postgres" && s.metadata.postgres.cloudsqlIam) {
    return [
      "Cloud SQL IAM: the Google service account needs roles/cloudsql.client and roles/cloudsql.instanceUser, and a Cloud SQL IAM user.",
    ];
  }
  return [];
}

export const IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
export const GKE_WI_ANNOTATION = "iam.gke.io/gcp-service-account";
export const AZURE_WI_ANNOTATION = "azure.workload.identity/client-id";
export const AZURE_WI_POD_LABEL = "azure.workload.identity/use";

export function buildIdentityValues(s: Scenario): Values {
  const id = s.identity;
  switch (id.method) {
    case "none":
    case "eks-pod-identity": // The association targets the ServiceAccount; no values (domain 2.5).
      return {};
    case "irsa":
      return {
        bufstream: { serviceAccount: { annotations: { [IRSA_ANNOTATION]: id.awsRoleArn } } },
      };
    case "gke-workload-identity":
      return {
        bufstream: {
          serviceAccount: { annotations: { [GKE_WI_ANNOTATION]: id.gcpServiceAccount } },
        },
      };
    case "azure-workload-identity":
      return {
        bufstream: {
          serviceAccount: { annotations: { [AZURE_WI_ANNOTATION]: id.azureClientId } },
          // The webhook injects the token only into pods carrying this label (domain 2.5).
          deployment: { podLabels: { [AZURE_WI_POD_LABEL]: "true" } },
        },
      };
  }
}

/** `system:serviceaccount:<ns>:<sa>`: the subject every cloud federates on. */
export function serviceAccountSubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/** The role name is the last path segment of the role ARN (`arn:aws:iam::<acct>:role/<path/>Name`). */
export function roleNameFromArn(arn: string): string {
  const resource = arn.slice(arn.indexOf(":role/") + ":role/".length);
  return resource.slice(resource.lastIndexOf("/") + 1);
}

/** `name@project.iam.gserviceaccount.com` → `project`. */
export function projectFromServiceAccount(email: string): string {
  const at = email.indexOf("@");
  return email.slice(at + 1).replace(/\.iam\.gserviceaccount\.com$/, "");
}

function serviceAccounts(s: Scenario): Array<{ serviceAccount: string; zone: string | null }> {
  return buildTopologyPlan(s).releases.map(({ serviceAccount, zone }) => ({
    serviceAccount,
    zone,
  }));
}

function forZone(zone: string | null): string {
  return zone === null ? "" : ` (zone ${zone})`;
}

function podIdentitySteps(s: Scenario): ScriptStep[] {
  const cluster = shellQuote(s.identity.awsClusterName);
  const ns = shellQuote(s.release.namespace);
  const role = shellQuote(s.identity.awsRoleArn);
  return serviceAccounts(s).map(({ serviceAccount, zone }) => {
    const sa = shellQuote(serviceAccount);
    const target = `--cluster-name ${cluster} --namespace ${ns} --service-account ${sa}`;
    return {
      title: `Associate IAM role with ServiceAccount ${serviceAccount}${forZone(zone)} (EKS Pod Identity)`,
      detail: [
        "Needs the EKS Pod Identity Agent add-on; the role's trust policy must allow pods.eks.amazonaws.com.",
        storagePermissionNote(s),
        "Creates the association, or updates it when it exists with another role; no change when the role matches.",
      ],
      // An existing association may carry an older role ARN: compare and update
      // it, or a changed role would never be applied on re-run.
      commands: [
        `ASSOCIATION_ID="$(aws eks list-pod-identity-associations ${target} --query 'associations[0].associationId' --output text)"`,
        'if [ -z "${ASSOCIATION_ID}" ] || [ "${ASSOCIATION_ID}" = "None" ]; then',
        `  aws eks create-pod-identity-association ${target} --role-arn ${role}`,
        "else",
        `  CURRENT_ROLE="$(aws eks describe-pod-identity-association --cluster-name ${cluster} --association-id "\${ASSOCIATION_ID}" --query 'association.roleArn' --output text)"`,
        `  if [ "\${CURRENT_ROLE}" != ${role} ]; then`,
        `    aws eks update-pod-identity-association --cluster-name ${cluster} --association-id "\${ASSOCIATION_ID}" --role-arn ${role}`,
        "  fi",
        "fi",
      ],
    };
  });
}

function irsaSteps(s: Scenario): ScriptStep[] {
  const roleName = roleNameFromArn(s.identity.awsRoleArn);
  const subjects = serviceAccounts(s).map(({ serviceAccount }) =>
    serviceAccountSubject(s.release.namespace, serviceAccount),
  );
  return [
    {
      title: `Check that IAM role ${roleName} trusts every broker ServiceAccount (IRSA)`,
      detail: [
        "IRSA is bound by the role's trust policy: its `<oidc-provider>:sub` condition must name each ServiceAccount.",
        "A policy written for bufstream-service-account does not trust bufstream-service-account-<zone>.",
        "This only warns: a trust policy with wildcards (StringLike) may still match.",
        storagePermissionNote(s),
      ],
      // Warn-only for real: under `set -euo pipefail` a bare assignment from a
      // failing `aws iam get-role` (no iam:GetRole permission) would abort install.sh.
      commands: [
        `if ! IRSA_TRUST="$(aws iam get-role --role-name ${shellQuote(roleName)} --query 'Role.AssumeRolePolicyDocument' --output json 2>/dev/null)"; then`,
        `  echo "warning: could not read the trust policy of ${roleName} (iam:GetRole); check by hand that it names ${subjects.join(", ")}." >&2`,
        "else",
        // One ServiceAccount (no zones): no loop, which shellcheck rightly flags (SC2043).
        ...(subjects.length === 1
          ? [
              `  SUBJECT=${shellQuote(subjects[0] ?? "")}`,
              '  if ! grep -qF "$SUBJECT" <<<"$IRSA_TRUST"; then',
              `    echo "warning: the trust policy of ${roleName} does not name $SUBJECT; add it or the brokers cannot use the role." >&2`,
              "  fi",
            ]
          : [
              `  for SUBJECT in ${subjects.map(shellQuote).join(" ")}; do`,
              '    if ! grep -qF "$SUBJECT" <<<"$IRSA_TRUST"; then',
              `      echo "warning: the trust policy of ${roleName} does not name $SUBJECT; add it or the brokers cannot use the role." >&2`,
              "    fi",
              "  done",
            ]),
        "fi",
      ],
    },
  ];
}

function gkeSteps(s: Scenario): ScriptStep[] {
  const gsa = s.identity.gcpServiceAccount;
  // The Workload Identity pool belongs to the cluster's project. The default
  // assumes the Google service account lives there too; set GKE_PROJECT when not.
  const project = projectFromServiceAccount(gsa);
  const ns = s.release.namespace;
  return [
    {
      title: "Set the GKE project whose Workload Identity pool the cluster uses",
      detail: [`Defaults to ${project}, the project of ${gsa}; export GKE_PROJECT to override.`],
      commands: [`GKE_PROJECT="\${GKE_PROJECT:-${project}}"`],
    },
    ...serviceAccounts(s).map(({ serviceAccount, zone }) => ({
      title: `Let ServiceAccount ${serviceAccount}${forZone(zone)} act as ${gsa} (GKE Workload Identity)`,
      detail: [
        "Adding a binding that already exists changes nothing, so re-runs are safe.",
        storagePermissionNote(s),
        ...metadataPermissionNote(s),
      ],
      commands: [
        [
          "gcloud iam service-accounts add-iam-policy-binding",
          shellQuote(gsa),
          "--role roles/iam.workloadIdentityUser",
          // ns and ServiceAccount are DNS labels (schema), safe inside double quotes.
          `--member "serviceAccount:\${GKE_PROJECT}.svc.id.goog[${ns}/${serviceAccount}]"`,
        ].join(" "),
      ],
    })),
  ];
}

function azureSteps(s: Scenario): ScriptStep[] {
  const id = s.identity;
  const ns = s.release.namespace;
  return serviceAccounts(s).map(({ serviceAccount, zone }) => ({
    title: `Federate managed identity ${id.azureIdentityName} with ServiceAccount ${serviceAccount}${forZone(zone)} (Azure Workload ID)`,
    detail: [
      `Needs ${AKS_OIDC_ISSUER_ENV}, which az aks show -n <cluster> -g <group> --query oidcIssuerProfile.issuerUrl -o tsv prints.`,
      "Creating a federated credential with the same name updates it, so re-runs are safe.",
      storagePermissionNote(s),
    ],
    commands: [
      [
        "az identity federated-credential create",
        `--name ${shellQuote(`${ns}-${serviceAccount}`)}`,
        `--identity-name ${shellQuote(id.azureIdentityName)}`,
        `--resource-group ${shellQuote(id.azureResourceGroup)}`,
        `--issuer "\${${AKS_OIDC_ISSUER_ENV}:?set ${AKS_OIDC_ISSUER_ENV} to the AKS cluster OIDC issuer URL}"`,
        `--subject ${shellQuote(serviceAccountSubject(ns, serviceAccount))}`,
        "--audience api://AzureADTokenExchange",
      ].join(" "),
    ],
  }));
}

export function buildIdentitySteps(s: Scenario): ScriptStep[] {
  switch (s.identity.method) {
    case "none":
      return [];
    case "eks-pod-identity":
      return podIdentitySteps(s);
    case "irsa":
      return irsaSteps(s);
    case "gke-workload-identity":
      return gkeSteps(s);
    case "azure-workload-identity":
      return azureSteps(s);
  }
}

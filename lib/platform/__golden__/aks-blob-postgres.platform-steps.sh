#!/usr/bin/env bash
# Platform fragment of preset aks-blob-postgres (lib/platform/presets.ts).
set -euo pipefail

# The values and manifest files sit next to this script.
cd "$(dirname "${BASH_SOURCE[0]}")"

# ── 1. Create the PostgreSQL DSN secret bufstream-postgres
# Reads BUFSTREAM_POSTGRES_DSN: the PostgreSQL DSN, e.g. postgresql://USER:PASSWORD@HOST:5432/bufstream?sslmode=require.
# PostgreSQL 14 or newer (Bufstream's requirement).
echo '==> 1. Create the PostgreSQL DSN secret bufstream-postgres'
if [ -n "${BUFSTREAM_POSTGRES_DSN:-}" ]; then
  kubectl create secret generic bufstream-postgres --namespace bufstream --from-literal=dsn="${BUFSTREAM_POSTGRES_DSN}" --dry-run=client -o yaml | kubectl apply -f -
elif ! kubectl get secret bufstream-postgres --namespace bufstream >/dev/null 2>&1; then
  echo 'Secret bufstream-postgres does not exist yet: set BUFSTREAM_POSTGRES_DSN and run this script again.' >&2
  exit 1
fi

# ── 2. Federate managed identity bufstream with ServiceAccount bufstream-service-account (Azure Workload ID)
# Needs AKS_OIDC_ISSUER, which az aks show -n <cluster> -g <group> --query oidcIssuerProfile.issuerUrl -o tsv prints.
# Creating a federated credential with the same name updates it, so re-runs are safe.
# Azure role on the storage account or container: Storage Blob Data Contributor.
echo '==> 2. Federate managed identity bufstream with ServiceAccount bufstream-service-account (Azure Workload ID)'
az identity federated-credential create --name bufstream-bufstream-service-account --identity-name bufstream --resource-group bufstream-rg --issuer "${AKS_OIDC_ISSUER:?set AKS_OIDC_ISSUER to the AKS cluster OIDC issuer URL}" --subject system:serviceaccount:bufstream:bufstream-service-account --audience api://AzureADTokenExchange

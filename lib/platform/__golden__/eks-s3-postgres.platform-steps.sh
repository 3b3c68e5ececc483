#!/usr/bin/env bash
# Platform fragment of preset eks-s3-postgres (lib/platform/presets.ts).
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

# ── 2. Associate IAM role with ServiceAccount bufstream-service-account (EKS Pod Identity)
# Needs the EKS Pod Identity Agent add-on; the role's trust policy must allow pods.eks.amazonaws.com.
# S3 permissions: s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket, s3:AbortMultipartUpload.
# Creates the association, or updates it when it exists with another role; no change when the role matches.
echo '==> 2. Associate IAM role with ServiceAccount bufstream-service-account (EKS Pod Identity)'
ASSOCIATION_ID="$(aws eks list-pod-identity-associations --cluster-name my-eks-cluster --namespace bufstream --service-account bufstream-service-account --query 'associations[0].associationId' --output text)"
if [ -z "${ASSOCIATION_ID}" ] || [ "${ASSOCIATION_ID}" = "None" ]; then
  aws eks create-pod-identity-association --cluster-name my-eks-cluster --namespace bufstream --service-account bufstream-service-account --role-arn arn:aws:iam::123456789012:role/BufstreamRole
else
  CURRENT_ROLE="$(aws eks describe-pod-identity-association --cluster-name my-eks-cluster --association-id "${ASSOCIATION_ID}" --query 'association.roleArn' --output text)"
  if [ "${CURRENT_ROLE}" != arn:aws:iam::123456789012:role/BufstreamRole ]; then
    aws eks update-pod-identity-association --cluster-name my-eks-cluster --association-id "${ASSOCIATION_ID}" --role-arn arn:aws:iam::123456789012:role/BufstreamRole
  fi
fi

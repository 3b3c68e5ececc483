#!/usr/bin/env bash
# Platform fragment of preset gke-gcs-spanner (lib/platform/presets.ts).
set -euo pipefail

# The values and manifest files sit next to this script.
cd "$(dirname "${BASH_SOURCE[0]}")"

# ── 1. Set the GKE project whose Workload Identity pool the cluster uses
# Defaults to my-project, the project of bufstream-service-account@my-project.iam.gserviceaccount.com; export GKE_PROJECT to override.
echo '==> 1. Set the GKE project whose Workload Identity pool the cluster uses'
GKE_PROJECT="${GKE_PROJECT:-my-project}"

# ── 2. Let ServiceAccount bufstream-service-account act as bufstream-service-account@my-project.iam.gserviceaccount.com (GKE Workload Identity)
# Adding a binding that already exists changes nothing, so re-runs are safe.
# GCS permissions: storage.objects.create/get/delete/list and storage.multipartUploads.*.
# Spanner: the Google service account needs roles/spanner.databaseUser on the database.
echo '==> 2. Let ServiceAccount bufstream-service-account act as bufstream-service-account@my-project.iam.gserviceaccount.com (GKE Workload Identity)'
gcloud iam service-accounts add-iam-policy-binding bufstream-service-account@my-project.iam.gserviceaccount.com --role roles/iam.workloadIdentityUser --member "serviceAccount:${GKE_PROJECT}.svc.id.goog[bufstream/bufstream-service-account]"

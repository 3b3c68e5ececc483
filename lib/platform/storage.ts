// Object storage (domain 1.1 `storage.*`, 1.2 items 1-2, 2.4, gotcha 14).
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import type { Values } from "./merge";
import { SECRET_INPUTS, genericSecretLines } from "./secret-inputs";

/** The key each provider's credentials secret must hold (domain 1.1). */
export const STORAGE_SECRET_KEYS = {
  s3: "secret_access_key",
  gcs: "credentials.json",
  azure: "secret_access_key",
} as const;

/** Only non-empty optional keys are written, so the chart's defaults stay in force. */
function nonEmpty(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== ""));
}

export function buildStorageValues(s: Scenario): Values {
  const st = s.storage;
  const bySecret = st.credentials === "secret";
  switch (st.use) {
    case "s3":
      return {
        storage: {
          use: "s3",
          s3: {
            ...nonEmpty({ bucket: st.bucket, region: st.region, endpoint: st.endpoint }),
            ...nonEmpty({ prefix: st.prefix }),
            ...(st.forcePathStyle ? { forcePathStyle: true } : {}),
            ...(bySecret ? { accessKeyId: st.accessKeyId, secretName: st.secretName } : {}),
          },
        },
      };
    case "gcs":
      return {
        storage: {
          use: "gcs",
          gcs: {
            ...nonEmpty({ bucket: st.bucket, prefix: st.prefix }),
            ...(bySecret ? { secretName: st.secretName } : {}),
          },
        },
      };
    case "azure":
      return {
        storage: {
          use: "azure",
          azure: {
            // `bucket` is the blob container; `accessKeyId` the storage account name (domain 1.1).
            ...nonEmpty({ bucket: st.bucket, endpoint: st.endpoint, prefix: st.prefix }),
            ...(bySecret ? { accessKeyId: st.accessKeyId, secretName: st.secretName } : {}),
          },
        },
      };
  }
}

const PERMISSIONS: Record<Scenario["storage"]["use"], string> = {
  s3: "S3 permissions: s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket, s3:AbortMultipartUpload.",
  gcs: "GCS permissions: storage.objects.create/get/delete/list and storage.multipartUploads.*.",
  azure: "Azure role on the storage account or container: Storage Blob Data Contributor.",
};

export function buildStorageSteps(s: Scenario): ScriptStep[] {
  const st = s.storage;
  if (st.credentials !== "secret") return [];
  const ns = s.release.namespace;
  const input =
    st.use === "gcs" ? SECRET_INPUTS.gcsCredentialsFile : SECRET_INPUTS.storageSecretAccessKey;
  return [
    {
      title: `Create the object-storage credentials secret ${st.secretName}`,
      detail: [
        `Reads ${input.env}: ${input.description}. The key never appears in this script or the values.`,
        PERMISSIONS[st.use],
        "Add a lifecycle rule that aborts incomplete multipart uploads, and no retention shorter than your longest topic retention.",
      ],
      commands: genericSecretLines(st.secretName, ns, [
        { key: STORAGE_SECRET_KEYS[st.use], input },
      ]),
    },
  ];
}

/** Notes for the workload-identity path: what the cloud identity must be allowed to do. */
export function storagePermissionNote(s: Scenario): string {
  return PERMISSIONS[s.storage.use];
}

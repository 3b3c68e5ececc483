import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import { STORAGE_CREDENTIALS, STORAGE_PROVIDERS } from "../scenario/schema";
import { buildStorageSteps, buildStorageValues } from "./storage";
import { assertValid, completeScenario } from "./testing/scenarios";

describe("buildStorageValues", () => {
  it("writes bucket and region for S3 through workload identity, with no credentials keys", () => {
    const s = assertValid(completeScenario());
    expect(buildStorageValues(s)).toEqual({
      storage: { use: "s3", s3: { bucket: "my-bucket", region: "us-east-1" } },
    });
  });

  it("references the S3 secret by name and access key id, never the secret key", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.storage.credentials = "secret";
        d.storage.accessKeyId = "AKIAIOSFODNN7EXAMPLE";
        d.storage.secretName = "s3-creds";
      }),
    );
    expect(buildStorageValues(s)).toEqual({
      storage: {
        use: "s3",
        s3: {
          bucket: "my-bucket",
          region: "us-east-1",
          accessKeyId: "AKIAIOSFODNN7EXAMPLE",
          secretName: "s3-creds",
        },
      },
    });
  });

  it("writes endpoint, prefix and forcePathStyle for S3-compatible stores", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.storage.endpoint = "https://minio.example.com:9000";
        d.storage.prefix = "cluster-a/";
        d.storage.forcePathStyle = true;
      }),
    );
    expect(buildStorageValues(s)).toEqual({
      storage: {
        use: "s3",
        s3: {
          bucket: "my-bucket",
          region: "us-east-1",
          endpoint: "https://minio.example.com:9000",
          prefix: "cluster-a/",
          forcePathStyle: true,
        },
      },
    });
  });

  it("writes GCS with only secretName for key-file credentials", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.storage.use = "gcs";
        d.storage.region = "";
        d.storage.credentials = "secret";
        d.identity.method = "none";
      }),
    );
    expect(buildStorageValues(s)).toEqual({
      storage: { use: "gcs", gcs: { bucket: "my-bucket", secretName: "bufstream-storage" } },
    });
  });

  it("writes the Azure container, endpoint and account name", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.storage.use = "azure";
        d.storage.bucket = "bufstream";
        d.storage.endpoint = "https://acct.blob.core.windows.net";
        d.storage.credentials = "secret";
        d.storage.accessKeyId = "acct";
        d.identity.method = "none";
      }),
    );
    expect(buildStorageValues(s)).toEqual({
      storage: {
        use: "azure",
        azure: {
          bucket: "bufstream",
          endpoint: "https://acct.blob.core.windows.net",
          accessKeyId: "acct",
          secretName: "bufstream-storage",
        },
      },
    });
  });

  it("uses only documented chart keys for every provider and credential kind", () => {
    for (const use of STORAGE_PROVIDERS) {
      for (const credentials of STORAGE_CREDENTIALS) {
        const s = completeScenario((d) => {
          d.storage.use = use;
          d.storage.credentials = credentials;
          d.storage.endpoint = "https://acct.blob.core.windows.net";
          d.storage.prefix = "p/";
          d.storage.accessKeyId = "acct";
          d.storage.forcePathStyle = true;
        });
        expect(undocumentedKeys(buildStorageValues(s)), `${use}/${credentials}`).toEqual([]);
      }
    }
  });
});

describe("buildStorageSteps", () => {
  it("has no step when workload identity supplies the credentials", () => {
    expect(buildStorageSteps(completeScenario())).toEqual([]);
  });

  it("creates the S3/Azure secret key from an environment variable", () => {
    for (const use of ["s3", "azure"] as const) {
      const s = completeScenario((d) => {
        d.storage.use = use;
        d.storage.credentials = "secret";
      });
      const [step] = buildStorageSteps(s);
      const script = step?.commands.join("\n") ?? "";
      expect(script).toContain(
        'kubectl create secret generic bufstream-storage --namespace bufstream --from-literal=secret_access_key="${BUFSTREAM_STORAGE_SECRET_ACCESS_KEY}" --dry-run=client -o yaml | kubectl apply -f -',
      );
    }
  });

  it("creates the GCS secret from the key file named by an environment variable", () => {
    const s = completeScenario((d) => {
      d.storage.use = "gcs";
      d.storage.credentials = "secret";
    });
    const script = buildStorageSteps(s)[0]?.commands.join("\n") ?? "";
    expect(script).toContain(
      '--from-file=credentials.json="$(from_caller "${BUFSTREAM_GCS_CREDENTIALS_FILE}")"',
    );
  });
});

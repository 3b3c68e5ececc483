import { describe, expect, it } from "vitest";
import { ScenarioSchema, type Scenario } from "../scenario/schema";
import { completeScenario, scenarioWith } from "./testing/scenarios";

/** The schema's issues as `path: message`, for the paths under test. */
function issues(s: Scenario): Record<string, string> {
  const result = ScenarioSchema.safeParse(s);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("platform rules, complete installs", () => {
  it("accepts the baseline complete scenario", () => {
    expect(issues(completeScenario())).toEqual({});
  });

  it("asks for the bucket and region for S3", () => {
    const s = completeScenario((d) => {
      d.storage.bucket = "";
      d.storage.region = "";
    });
    expect(issues(s)).toEqual({
      "storage.bucket": "Enter the S3 bucket name.",
      "storage.region": "Enter the bucket's region, e.g. us-east-1.",
    });
  });

  it("checks bucket and container name formats per provider", () => {
    expect(issues(completeScenario((d) => (d.storage.bucket = "My_Bucket")))).toHaveProperty(
      "storage.bucket",
      "S3 bucket names are 3-63 lowercase letters, digits, '.' and '-'.",
    );
    const gcs = completeScenario((d) => {
      d.storage.use = "gcs";
      d.storage.bucket = "my_bucket.v2";
    });
    expect(issues(gcs)).toEqual({});
    const azure = completeScenario((d) => {
      d.storage.use = "azure";
      d.storage.bucket = "a--b";
      d.storage.endpoint = "https://acct.blob.core.windows.net";
    });
    expect(issues(azure)).toEqual({
      "storage.bucket": "Container names are 3-63 lowercase letters, digits and single '-'.",
    });
  });

  it("asks for the Azure endpoint, and the account name when keys come from a secret", () => {
    const s = completeScenario((d) => {
      d.storage.use = "azure";
      d.storage.credentials = "secret";
    });
    expect(issues(s)).toEqual({
      "storage.endpoint":
        "Enter the storage account endpoint, https://<account>.blob.core.windows.net.",
      "storage.accessKeyId": "Enter the storage account name; the account key goes in a secret.",
    });
  });

  it("checks identity fields for the chosen method only", () => {
    expect(issues(completeScenario((d) => (d.identity.awsRoleArn = "BufstreamRole")))).toEqual({
      "identity.awsRoleArn": "Use an IAM role ARN: arn:aws:iam::123456789012:role/BufstreamRole.",
    });
    expect(issues(completeScenario((d) => (d.identity.method = "eks-pod-identity")))).toEqual({
      "identity.awsClusterName": "Enter the EKS cluster name.",
    });
    expect(
      issues(
        completeScenario((d) => {
          d.identity.method = "gke-workload-identity";
          d.identity.gcpServiceAccount = "bufstream@my-project";
        }),
      ),
    ).toEqual({ "identity.gcpServiceAccount": "Use name@project.iam.gserviceaccount.com." });
    expect(
      Object.keys(issues(completeScenario((d) => (d.identity.method = "azure-workload-identity")))),
    ).toEqual([
      "identity.azureClientId",
      "identity.azureIdentityName",
      "identity.azureResourceGroup",
    ]);
    // A leftover value of another method is not checked.
    expect(issues(completeScenario((d) => (d.identity.gcpServiceAccount = "leftover")))).toEqual(
      {},
    );
  });

  it("asks for the metadata store's settings", () => {
    expect(issues(completeScenario((d) => (d.metadata.etcd.addresses = [])))).toEqual({
      "metadata.etcd.addresses": "Add at least one etcd address.",
    });
    expect(issues(completeScenario((d) => (d.metadata.use = "spanner")))).toEqual({
      "metadata.spanner.projectId": "Enter the Google Cloud project id.",
      "metadata.spanner.instanceId": "Enter the Spanner instance id.",
    });
    const cloudsql = completeScenario((d) => {
      d.metadata.use = "postgres";
      d.metadata.postgres.cloudsqlIam = true;
    });
    expect(issues(cloudsql)).toEqual({
      "metadata.postgres.cloudsqlInstance":
        "Cloud SQL options need the instance connection name (project:region:instance).",
    });
  });

  it("asks for the OTLP collector address", () => {
    expect(issues(completeScenario((d) => (d.observability.metrics = "OTLP_HTTP")))).toEqual({
      "observability.otlpAddress": "Enter the OTLP collector address, e.g. otel-collector:4317.",
    });
  });
});

describe("platform rules, networking-only values", () => {
  it("ignores storage, identity and metadata fields the overlay does not write", () => {
    const s = scenarioWith((d) => {
      d.storage.bucket = "Not A Bucket";
      d.identity.method = "irsa";
      d.metadata.use = "spanner";
    });
    expect(issues(s)).toEqual({});
  });

  it("still checks TLS and authentication, which apply in both scopes", () => {
    const s = scenarioWith((d) => {
      d.tls.enabled = true;
      d.tls.clientAuth = "REQUIRE_AND_VERIFY_CERT";
      d.auth.sasl = "oauthbearer";
      d.auth.oauthJwksUrl = "http://idp.example.com/jwks.json";
    });
    expect(issues(s)).toEqual({
      "tls.clientCasSecret":
        "Verifying client certificates needs the secret with the CA that signs them.",
      "auth.oauthJwksUrl": "The JWKS URL must start with https://.",
    });
  });

  it("requires TLS, and a client certificate, for mTLS principals", () => {
    expect(issues(scenarioWith((d) => (d.auth.mtlsPrincipal = "ANONYMOUS")))).toEqual({
      "auth.mtlsPrincipal": "mTLS authentication needs Kafka TLS turned on.",
    });
    const noCert = scenarioWith((d) => {
      d.tls.enabled = true;
      d.auth.mtlsPrincipal = "SAN_DNS";
    });
    expect(issues(noCert)).toEqual({
      "auth.mtlsPrincipal":
        "Taking the principal from a client certificate needs a client-auth mode that asks for one.",
    });
  });
});

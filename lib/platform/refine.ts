// Cross-field rules for the platform fields (issue 6), called from the
// scenario schema's superRefine so each message lands on the field that is
// wrong. Rules for storage, metadata, identity and observability apply only
// when the wizard writes them (`valuesScope: "complete"`); TLS and
// authentication rules apply whenever those are turned on (see index.ts).
//
// Formats are checked where a value is used: they keep names that reach
// commands and values to the shapes the clouds accept, and catch typos early.
import type { $RefinementCtx } from "zod/v4/core";
import { MAX_RELEASE_NAME } from "../scenario/names";
import { etcdReleaseName } from "./metadata";
import type { Scenario } from "../scenario/schema";

/** S3 bucket: 3-63 lowercase letters, digits, '.', '-'; starts and ends alphanumeric. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** GCS bucket: 3-63 (222 with dots) lowercase letters, digits, '-', '_', '.'. */
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
/** Azure blob container: 3-63 lowercase letters, digits and single '-'. */
const AZURE_CONTAINER = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/;
const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/;
const AZURE_BLOB_ENDPOINT = /^https:\/\/[a-z0-9]{3,24}\.blob\.[a-z0-9.-]+$/;
const AWS_REGION = /^[a-z0-9-]{2,32}$/;
/** arn:<partition>:iam::<account>:role/<optional path/>Name */
export const AWS_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** EKS cluster names: letters, digits, '-' and '_', starting alphanumeric. */
const EKS_CLUSTER = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
/** Google project ids: 6-30 lowercase letters, digits, '-'; optional `domain:` prefix. */
const GCP_PROJECT = /^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
export const GCP_SERVICE_ACCOUNT =
  /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const AZURE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/;
const AZURE_RESOURCE_GROUP = /^[-\w._()]{0,89}[-\w_()]$/;
/** Cloud SQL instance connection name `project:region:instance`. */
const CLOUDSQL_INSTANCE = /^([a-z0-9.-]+:)?[a-z][a-z0-9-]*[a-z0-9]:[a-z0-9-]+:[a-z][a-z0-9-]*$/;
const SPANNER_INSTANCE = /^[a-z][a-z0-9-]{0,62}[a-z0-9]$/;
const SPANNER_DATABASE = /^[a-z][a-z0-9_-]{0,28}[a-z0-9]$/;

/** Client-auth modes that verify certificates and so need the client CA secret (domain gotcha 2). */
export const VERIFYING_CLIENT_AUTH = ["VERIFY_CERT_IF_GIVEN", "REQUIRE_AND_VERIFY_CERT"] as const;

export function clientAuthVerifies(mode: Scenario["tls"]["clientAuth"]): boolean {
  return (VERIFYING_CLIENT_AUTH as readonly string[]).includes(mode);
}

type Path = Array<string | number>;

export function refinePlatform(s: Scenario, ctx: $RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
  /** Adds an issue when `value` is empty or does not match. */
  const expect = (path: Path, value: string, format: RegExp, missing: string, bad: string) => {
    if (value === "") issue(path, missing);
    else if (!format.test(value)) issue(path, bad);
  };

  if (s.valuesScope === "complete") {
    refineStorage(s, expect, issue);
    refineIdentity(s, expect);
    refineMetadata(s, expect, issue);
    if (
      (s.observability.metrics === "OTLP_GRPC" || s.observability.metrics === "OTLP_HTTP") &&
      s.observability.otlpAddress === ""
    ) {
      issue(
        ["observability", "otlpAddress"],
        "Enter the OTLP collector address, e.g. otel-collector:4317.",
      );
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s.observability.otlpAddress)) {
      // The values reference: "a host and an optional port ... not the URL path or
      // the scheme"; TLS or plaintext is observability.exporter.insecure.
      issue(
        ["observability", "otlpAddress"],
        "Enter host:port without http:// or https://; say below whether the collector uses TLS.",
      );
    }
  }

  if (s.tls.enabled && clientAuthVerifies(s.tls.clientAuth) && s.tls.clientCasSecret === "") {
    issue(
      ["tls", "clientCasSecret"],
      "Verifying client certificates needs the secret with the CA that signs them.",
    );
  }
  if (s.auth.sasl === "oauthbearer") {
    expect(
      ["auth", "oauthJwksUrl"],
      s.auth.oauthJwksUrl,
      HTTPS_URL,
      "Enter the identity provider's JWKS URL (https://…/jwks.json).",
      "The JWKS URL must start with https://.",
    );
  }
  if (s.auth.mtlsPrincipal !== "" && !s.tls.enabled) {
    issue(["auth", "mtlsPrincipal"], "mTLS authentication needs Kafka TLS turned on.");
  } else if (
    s.auth.mtlsPrincipal !== "" &&
    s.auth.mtlsPrincipal !== "ANONYMOUS" &&
    s.tls.clientAuth === "NO_CERT"
  ) {
    issue(
      ["auth", "mtlsPrincipal"],
      "Taking the principal from a client certificate needs a client-auth mode that asks for one.",
    );
  }
}

type Expect = (path: Path, value: string, format: RegExp, missing: string, bad: string) => void;
type Issue = (path: Path, message: string) => void;

function refineStorage(s: Scenario, expect: Expect, issue: Issue) {
  const st = s.storage;
  const bucket = ["storage", "bucket"];
  if (st.use === "s3") {
    expect(
      bucket,
      st.bucket,
      S3_BUCKET,
      "Enter the S3 bucket name.",
      "S3 bucket names are 3-63 lowercase letters, digits, '.' and '-'.",
    );
    expect(
      ["storage", "region"],
      st.region,
      AWS_REGION,
      "Enter the bucket's region, e.g. us-east-1.",
      "Use a region name such as us-east-1.",
    );
    if (st.endpoint !== "" && !HTTP_URL.test(st.endpoint)) {
      issue(
        ["storage", "endpoint"],
        "Enter the endpoint as a URL, e.g. https://minio.example.com.",
      );
    }
  } else if (st.use === "gcs") {
    expect(
      bucket,
      st.bucket,
      GCS_BUCKET,
      "Enter the GCS bucket name.",
      "GCS bucket names use lowercase letters, digits, '-', '_' and '.'.",
    );
  } else {
    expect(
      bucket,
      st.bucket,
      AZURE_CONTAINER,
      "Enter the blob container name.",
      "Container names are 3-63 lowercase letters, digits and single '-'.",
    );
    expect(
      ["storage", "endpoint"],
      st.endpoint,
      AZURE_BLOB_ENDPOINT,
      "Enter the storage account endpoint, https://<account>.blob.core.windows.net.",
      "Use https://<account>.blob.core.windows.net (account: 3-24 lowercase letters and digits).",
    );
  }
  if (st.credentials === "secret" && st.use !== "gcs" && st.accessKeyId === "") {
    issue(
      ["storage", "accessKeyId"],
      st.use === "s3"
        ? "Enter the access key id (AKIA…); the secret key goes in a secret."
        : "Enter the storage account name; the account key goes in a secret.",
    );
  }
}

function refineIdentity(s: Scenario, expect: Expect) {
  const id = s.identity;
  const at = (field: string) => ["identity", field];
  if (id.method === "irsa" || id.method === "eks-pod-identity") {
    expect(
      at("awsRoleArn"),
      id.awsRoleArn,
      AWS_ROLE_ARN,
      "Enter the IAM role ARN, arn:aws:iam::<account>:role/<name>.",
      "Use an IAM role ARN: arn:aws:iam::123456789012:role/BufstreamRole.",
    );
  }
  if (id.method === "eks-pod-identity") {
    expect(
      at("awsClusterName"),
      id.awsClusterName,
      EKS_CLUSTER,
      "Enter the EKS cluster name.",
      "EKS cluster names use letters, digits, '-' and '_'.",
    );
  }
  if (id.method === "gke-workload-identity") {
    expect(
      at("gcpServiceAccount"),
      id.gcpServiceAccount,
      GCP_SERVICE_ACCOUNT,
      "Enter the Google service account email.",
      "Use name@project.iam.gserviceaccount.com.",
    );
  }
  if (id.method === "azure-workload-identity") {
    expect(
      at("azureClientId"),
      id.azureClientId,
      GUID,
      "Enter the managed identity's client id.",
      "A client id is a GUID: 00000000-0000-0000-0000-000000000000.",
    );
    expect(
      at("azureIdentityName"),
      id.azureIdentityName,
      AZURE_NAME,
      "Enter the managed identity's name.",
      "Identity names are 3-128 letters, digits, '-' and '_'.",
    );
    expect(
      at("azureResourceGroup"),
      id.azureResourceGroup,
      AZURE_RESOURCE_GROUP,
      "Enter the identity's resource group.",
      "Resource groups use letters, digits, '-', '_', '.', '(' and ')', not ending in '.'.",
    );
  }
}

function refineMetadata(s: Scenario, expect: Expect, issue: Issue) {
  const md = s.metadata;
  // Only addresses the user says they run are checked here: with "install" the
  // bundle's own etcd gives the address, and an unanswered source is a
  // topology-check error (etcd-source-unconfirmed) rather than a field error,
  // so the rest of the bundle still shows while the question is open.
  if (md.use === "etcd") {
    const etcdRelease = etcdReleaseName(s);
    if (md.etcd.source === "install" && etcdRelease.length > MAX_RELEASE_NAME) {
      issue(
        ["metadata", "etcd", "source"],
        `The etcd release would be ${etcdRelease} (${etcdRelease.length} characters); Helm allows ${MAX_RELEASE_NAME}. Shorten the release name.`,
      );
    }
    if (md.etcd.source !== "existing") return;
    if (md.etcd.addresses.length === 0) {
      issue(["metadata", "etcd", "addresses"], "Add at least one etcd address.");
    }
    md.etcd.addresses.forEach((address, i) => {
      if (address.host === "") {
        issue(["metadata", "etcd", "addresses", i, "host"], "Enter the etcd host.");
      }
    });
  } else if (md.use === "postgres") {
    const pg = md.postgres;
    if (pg.cloudsqlInstance !== "" && !CLOUDSQL_INSTANCE.test(pg.cloudsqlInstance)) {
      issue(
        ["metadata", "postgres", "cloudsqlInstance"],
        "Use the connection name project:region:instance.",
      );
    }
    if (pg.cloudsqlInstance === "" && (pg.cloudsqlIam || pg.cloudsqlPrivateIp)) {
      issue(
        ["metadata", "postgres", "cloudsqlInstance"],
        "Cloud SQL options need the instance connection name (project:region:instance).",
      );
    }
  } else {
    const sp = md.spanner;
    expect(
      ["metadata", "spanner", "projectId"],
      sp.projectId,
      GCP_PROJECT,
      "Enter the Google Cloud project id.",
      "Project ids are 6-30 lowercase letters, digits and '-'.",
    );
    expect(
      ["metadata", "spanner", "instanceId"],
      sp.instanceId,
      SPANNER_INSTANCE,
      "Enter the Spanner instance id.",
      "Instance ids are 2-64 lowercase letters, digits and '-'.",
    );
    if (sp.databaseName !== "" && !SPANNER_DATABASE.test(sp.databaseName)) {
      issue(
        ["metadata", "spanner", "databaseName"],
        "Database names are 2-30 lowercase letters, digits, '_' and '-', starting with a letter.",
      );
    }
  }
}

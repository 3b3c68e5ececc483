// Metadata store (domain 1.1 `metadata.*`, 1.2 item 3, 2.4, 2.5 Cloud SQL,
// gotchas 7 and 15, 8.3 etcd installed by Buf's Terraform).
import { shellQuote } from "../commands/shell-quote";
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import { CLUSTER_DNS_SUFFIX } from "../topology/plan";
import type { Values } from "./merge";
import { SECRET_INPUTS, genericSecretLines } from "./secret-inputs";

/** The key the chart reads the DSN from in `metadata.postgres.secretName` (domain 1.1). */
export const POSTGRES_DSN_KEY = "dsn";

/** The etcd chart Buf's Terraform installs before Bufstream (domain 8.3). */
export const ETCD_CHART = "oci://registry-1.docker.io/bitnamicharts/etcd";
export const ETCD_CLIENT_PORT = 2379;

/**
 * The etcd release the bundle installs: `<release>-etcd`, the docs' and
 * Terraform's `bufstream-etcd` for the default release. Bitnami names the
 * client Service after a release whose name contains "etcd", so this is also
 * the Service name.
 */
export function etcdReleaseName(s: Scenario): string {
  return `${s.release.name}-etcd`;
}

export function etcdValuesFileName(s: Scenario): string {
  return `${etcdReleaseName(s)}-values.yaml`;
}

/** True when install.sh installs etcd: a complete install on etcd whose user chose "install it for me". */
export function installsEtcd(s: Scenario): boolean {
  return (
    s.valuesScope === "complete" &&
    s.metadata.use === "etcd" &&
    s.metadata.etcd.source === "install"
  );
}

/** The address of the etcd the bundle installs: it follows the namespace. */
export function installedEtcdAddress(s: Scenario): { host: string; port: number } {
  return {
    host: `${etcdReleaseName(s)}.${s.release.namespace}.${CLUSTER_DNS_SUFFIX}`,
    port: ETCD_CLIENT_PORT,
  };
}

/** The etcd addresses the brokers get: the bundle's own etcd, or the ones the user entered. */
export function etcdAddressesInUse(s: Scenario): Array<{ host: string; port: number }> {
  if (installsEtcd(s)) return [installedEtcdAddress(s)];
  return s.metadata.etcd.addresses
    .filter((address) => address.host !== "")
    .map(({ host, port }) => ({ host, port }));
}

/**
 * Values of the etcd chart: Buf's Terraform's config/etcd.yaml (three members,
 * 10 GiB volumes, periodic compaction every 30 s as gotcha 15 says, no auth so
 * Bufstream connects without credentials, health on the metrics port).
 */
export function buildEtcdValues(): Values {
  return {
    replicaCount: 3,
    persistence: { enabled: true, size: "10Gi" },
    autoCompactionMode: "periodic",
    autoCompactionRetention: "30s",
    removeMemberOnContainerTermination: false,
    resourcesPreset: "none",
    auth: { rbac: { create: false, enabled: false }, token: { enabled: false } },
    metrics: { useSeparateEndpoint: true },
    customLivenessProbe: {
      httpGet: { port: 9090, path: "/livez", scheme: "HTTP" },
      initialDelaySeconds: 10,
      periodSeconds: 30,
      timeoutSeconds: 15,
      failureThreshold: 10,
    },
    customReadinessProbe: {
      httpGet: { port: 9090, path: "/readyz", scheme: "HTTP" },
      initialDelaySeconds: 20,
      timeoutSeconds: 10,
    },
    extraEnvVars: [{ name: "ETCD_LISTEN_CLIENT_HTTP_URLS", value: "http://0.0.0.0:8080" }],
  };
}

/** The header comment of the etcd values file. */
export const ETCD_VALUES_NOTES = [
  "Values of Bitnami's etcd chart, which install.sh installs once, before Bufstream, as Buf's",
  "Terraform does. Give etcd fast disks: set persistence.storageClass to an SSD class",
  "(GKE: premium-rwo; AKS: a Premium SSD v2 class; EKS: a gp3 or io2 class).",
  "If the volume mount fails with a permission error, add volumePermissions: {enabled: true}.",
];

function etcdInstallStep(s: Scenario): ScriptStep {
  const release = etcdReleaseName(s);
  const ns = shellQuote(s.release.namespace);
  const word = shellQuote(release);
  return {
    title: `Install etcd (Bitnami's chart) as release ${release}, once`,
    detail: [
      "Bufstream's chart does not install its metadata store; Buf's Terraform installs this chart first.",
      "Installed only while no deployed release of that name exists: re-runs never upgrade the etcd",
      "a running cluster depends on (add --version to pin the chart version before the first run).",
    ],
    commands: [
      `if [ -n "$(helm list --namespace ${ns} --deployed --short --filter ${shellQuote(`^${release}$`)})" ]; then`,
      `  echo ${shellQuote(`The etcd release ${release} is deployed: left as it is.`)}`,
      "else",
      `  helm upgrade --install ${word} ${shellQuote(ETCD_CHART)} \\`,
      `    --namespace ${ns} \\`,
      `    --values ${shellQuote(etcdValuesFileName(s))} \\`,
      "    --wait",
      "fi",
    ],
  };
}

export function buildMetadataValues(s: Scenario): Values {
  const md = s.metadata;
  switch (md.use) {
    case "etcd":
      return {
        metadata: {
          use: "etcd",
          etcd: {
            addresses: etcdAddressesInUse(s),
          },
        },
      };
    case "postgres": {
      const { cloudsqlInstance, cloudsqlIam, cloudsqlPrivateIp } = md.postgres;
      return {
        metadata: {
          use: "postgres",
          postgres: {
            // The DSN lives in a secret (key `dsn`); never in values (issue 6).
            secretName: md.postgres.secretName,
            ...(cloudsqlInstance !== ""
              ? {
                  cloudsql: {
                    instance: cloudsqlInstance,
                    iam: cloudsqlIam,
                    privateIP: cloudsqlPrivateIp,
                  },
                }
              : {}),
          },
        },
      };
    }
    case "spanner":
      return {
        metadata: {
          use: "spanner",
          // camelCase as in the values reference, not the guide's snake_case (gotcha 7).
          spanner: {
            projectId: md.spanner.projectId,
            instanceId: md.spanner.instanceId,
            ...(md.spanner.databaseName !== "" ? { databaseName: md.spanner.databaseName } : {}),
          },
        },
      };
  }
}

export function buildMetadataSteps(s: Scenario): ScriptStep[] {
  const md = s.metadata;
  if (installsEtcd(s)) return [etcdInstallStep(s)];
  if (md.use !== "postgres") return [];
  const input = SECRET_INPUTS.postgresDsn;
  const cloudSqlIam = md.postgres.cloudsqlInstance !== "" && md.postgres.cloudsqlIam;
  return [
    {
      title: `Create the PostgreSQL DSN secret ${md.postgres.secretName}`,
      detail: [
        `Reads ${input.env}: ${input.description}.`,
        ...(cloudSqlIam
          ? [
              "Cloud SQL IAM: the DSN names the IAM user and no password, e.g. user=<sa>@<project>.iam database=bufstream.",
            ]
          : []),
        "PostgreSQL 14 or newer (Bufstream's requirement).",
      ],
      commands: genericSecretLines(md.postgres.secretName, s.release.namespace, [
        { key: POSTGRES_DSN_KEY, input },
      ]),
    },
  ];
}

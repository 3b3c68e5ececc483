// Metadata store (domain 1.1 `metadata.*`, 1.2 item 3, 2.4, 2.5 Cloud SQL, gotcha 7).
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import type { Values } from "./merge";
import { SECRET_INPUTS, genericSecretLines } from "./secret-inputs";

/** The key the chart reads the DSN from in `metadata.postgres.secretName` (domain 1.1). */
export const POSTGRES_DSN_KEY = "dsn";

export function buildMetadataValues(s: Scenario): Values {
  const md = s.metadata;
  switch (md.use) {
    case "etcd":
      return {
        metadata: {
          use: "etcd",
          etcd: {
            addresses: md.etcd.addresses
              .filter((address) => address.host !== "")
              .map(({ host, port }) => ({ host, port })),
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

import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import { METADATA_STORES } from "../scenario/schema";
import { buildMetadataSteps, buildMetadataValues } from "./metadata";
import { assertValid, completeScenario } from "./testing/scenarios";

describe("buildMetadataValues", () => {
  it("lists the etcd addresses", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.metadata.etcd.addresses = [
          { host: "etcd-0.example.internal", port: 2379 },
          { host: "10.0.0.5", port: 2380 },
        ];
      }),
    );
    expect(buildMetadataValues(s)).toEqual({
      metadata: {
        use: "etcd",
        etcd: {
          addresses: [
            { host: "etcd-0.example.internal", port: 2379 },
            { host: "10.0.0.5", port: 2380 },
          ],
        },
      },
    });
  });

  it("names the Postgres DSN secret and never a DSN", () => {
    const s = assertValid(completeScenario((d) => (d.metadata.use = "postgres")));
    expect(buildMetadataValues(s)).toEqual({
      metadata: { use: "postgres", postgres: { secretName: "bufstream-postgres" } },
    });
  });

  it("adds the Cloud SQL options when an instance is named", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.metadata.use = "postgres";
        d.metadata.postgres.cloudsqlInstance = "my-project:us-central1:bufstream";
        d.metadata.postgres.cloudsqlIam = true;
        d.metadata.postgres.cloudsqlPrivateIp = true;
      }),
    );
    expect(buildMetadataValues(s)).toEqual({
      metadata: {
        use: "postgres",
        postgres: {
          secretName: "bufstream-postgres",
          cloudsql: { instance: "my-project:us-central1:bufstream", iam: true, privateIP: true },
        },
      },
    });
  });

  it("writes Spanner keys in camelCase (gotcha 7), not the guide's snake_case", () => {
    const s = assertValid(
      completeScenario((d) => {
        d.metadata.use = "spanner";
        d.metadata.spanner = { projectId: "my-project", instanceId: "inst-1", databaseName: "db" };
      }),
    );
    const values = buildMetadataValues(s);
    expect(values).toEqual({
      metadata: {
        use: "spanner",
        spanner: { projectId: "my-project", instanceId: "inst-1", databaseName: "db" },
      },
    });
    expect(JSON.stringify(values)).not.toMatch(/project_id|instance_id|database_name/);
  });

  it("uses only documented chart keys for every store", () => {
    for (const use of METADATA_STORES) {
      const s = completeScenario((d) => {
        d.metadata.use = use;
        d.metadata.postgres.cloudsqlInstance = "p:r:i";
      });
      expect(undocumentedKeys(buildMetadataValues(s)), use).toEqual([]);
    }
  });
});

describe("buildMetadataSteps", () => {
  it("creates the DSN secret from BUFSTREAM_POSTGRES_DSN", () => {
    const s = completeScenario((d) => (d.metadata.use = "postgres"));
    const steps = buildMetadataSteps(s);
    expect(steps).toHaveLength(1);
    expect(steps[0]?.commands.join("\n")).toContain(
      'kubectl create secret generic bufstream-postgres --namespace bufstream --from-literal=dsn="${BUFSTREAM_POSTGRES_DSN}"',
    );
  });

  it("has no step for etcd or Spanner", () => {
    expect(buildMetadataSteps(completeScenario())).toEqual([]);
    expect(buildMetadataSteps(completeScenario((d) => (d.metadata.use = "spanner")))).toEqual([]);
  });
});

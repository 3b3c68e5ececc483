// Test helper: scenarios for the platform tests. `completeScenario` is a
// valid complete new install (S3 through IRSA, etcd the user runs), edited by
// a callback so a test states only what it changes.
import { DEFAULT_SCENARIO } from "../../scenario/defaults";
import { ScenarioSchema, type Scenario } from "../../scenario/schema";

export function scenarioWith(edit: (s: Scenario) => void, base: Scenario = DEFAULT_SCENARIO) {
  const s = structuredClone(base);
  edit(s);
  return s;
}

export function completeScenario(edit: (s: Scenario) => void = () => {}): Scenario {
  return scenarioWith((s) => {
    s.valuesScope = "complete";
    s.install = "new";
    // An etcd the user runs, at the docs' address (the default asks instead).
    s.metadata.etcd = {
      source: "existing",
      addresses: [{ host: "bufstream-etcd.bufstream.svc.cluster.local", port: 2379 }],
    };
    s.storage.bucket = "my-bucket";
    s.storage.region = "us-east-1";
    s.identity.method = "irsa";
    s.identity.awsRoleArn = "arn:aws:iam::123456789012:role/BufstreamRole";
    edit(s);
  });
}

/** The same scenario split into zones (one release and ServiceAccount per zone). */
export function zoned(s: Scenario, zones: string[]): Scenario {
  return scenarioWith((z) => {
    z.zones.enabled = true;
    z.zones.names = zones;
  }, s);
}

/** Throws with the schema's messages when a test scenario is not valid. */
export function assertValid(s: Scenario): Scenario {
  const result = ScenarioSchema.safeParse(s);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  return result.data;
}

/** A complete install whose workload identity is `method`, with every identity field given. */
export function withIdentity(method: Scenario["identity"]["method"]): Scenario {
  return completeScenario((d) => {
    d.identity = {
      method,
      awsRoleArn: "arn:aws:iam::123456789012:role/teams/BufstreamRole",
      awsClusterName: "prod-eks",
      gcpServiceAccount: "bufstream-sa@my-project.iam.gserviceaccount.com",
      azureClientId: "11111111-2222-3333-4444-555555555555",
      azureIdentityName: "bufstream-id",
      azureResourceGroup: "rg-kafka",
    };
  });
}

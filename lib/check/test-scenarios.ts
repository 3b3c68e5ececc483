// Test helper: scenarios built from DEFAULT_SCENARIO with a few overrides,
// validated by the schema so a test never checks a scenario the form rejects.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { ScenarioSchema, type Scenario } from "../scenario/schema";

type DeepPartial<T> =
  T extends Array<infer U> ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (Array.isArray(base) || typeof base !== "object" || base === null) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const current = out[key];
    out[key] =
      value !== null &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      current !== null &&
      typeof current === "object" &&
      !Array.isArray(current) &&
      // Records such as zones.hosts are replaced, not merged, so a test states them whole.
      key !== "hosts"
        ? merge(current, value as DeepPartial<typeof current>)
        : value;
  }
  return out as T;
}

export type ScenarioPatch = DeepPartial<Scenario>;

/** DEFAULT_SCENARIO with overrides applied in order; throws if the result fails ScenarioSchema. */
export function scenario(...patches: ScenarioPatch[]): Scenario {
  return ScenarioSchema.parse(patches.reduce<Scenario>(merge, DEFAULT_SCENARIO));
}

/** Three AWS zones behind one internal NLB each, outside clients. */
export const ZONAL_LB: ScenarioPatch = {
  clients: "outside-cluster",
  exposure: "load-balancer",
  zones: {
    enabled: true,
    names: ["us-east-1a", "us-east-1b", "us-east-1c"],
    hosts: {
      "us-east-1a": "kafka-a.internal.acme.io",
      "us-east-1b": "kafka-b.internal.acme.io",
      "us-east-1c": "kafka-c.internal.acme.io",
    },
    bootstrapHost: "kafka.internal.acme.io",
  },
};

/** One internal NLB with a real-looking host, outside clients. */
export const SINGLE_LB: ScenarioPatch = {
  clients: "outside-cluster",
  exposure: "load-balancer",
  loadBalancer: { host: "kafka.internal.acme.io" },
};

// A fast-check arbitrary of valid scenarios, built from the schema's value
// lists and name rules, for the property tests (test support only).
import fc from "fast-check";
import { DEFAULT_CHART, DEFAULT_SCENARIO, LEGACY_CHART } from "../scenario/defaults";
import {
  CLIENT_LOCATIONS,
  EXPOSURES,
  LB_HOST_SOURCES,
  LB_PROVIDERS,
  LB_SCHEMES,
  MAX_ZONES,
  SASL_MECHANISMS,
  ScenarioSchema,
  VALUES_SCOPES,
  type Scenario,
} from "../scenario/schema";

const label1035 = fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/);
const label1123 = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/);
const zoneName = fc.oneof(
  fc.constantFrom("us-east-1a", "us-east-1b", "us-central1-a", "eastus2-1", "europe-west4-c"),
  label1123,
);
const dnsName = fc
  .array(label1123, { minLength: 1, maxLength: 4 })
  .map((labels) => [...labels, "example", "com"].join("."));
const ipv4 = fc.ipV4();
const host = fc.oneof(dnsName, ipv4, fc.constantFrom("fd00::10", "2001:db8::1"));

const zones = fc
  .record({
    enabled: fc.boolean(),
    names: fc.uniqueArray(zoneName, { minLength: 1, maxLength: MAX_ZONES }),
    replicasPerZone: fc.integer({ min: 1, max: 50 }),
    bootstrapHost: fc.oneof(fc.constant(""), host),
    hostPool: fc.array(host, { minLength: MAX_ZONES, maxLength: MAX_ZONES }),
  })
  .map(({ hostPool, names, ...rest }) => ({
    ...rest,
    names,
    hosts: Object.fromEntries(names.map((zone, i) => [zone, hostPool[i] ?? "h.example.com"])),
  }));

export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    release: fc.record({
      name: label1035,
      namespace: label1123,
      chart: fc.constantFrom(DEFAULT_CHART, LEGACY_CHART, "myrepo/bufstream"),
      chartVersion: fc.constantFrom("0.4.9", "0.3.30", "1.0.0-rc.1"),
    }),
    cluster: label1123,
    clients: fc.constantFrom(...CLIENT_LOCATIONS),
    exposure: fc.constantFrom(...EXPOSURES),
    loadBalancer: fc.record({
      provider: fc.constantFrom(...LB_PROVIDERS),
      scheme: fc.constantFrom(...LB_SCHEMES),
      host,
      port: fc.oneof(fc.constant(9092), fc.integer({ min: 1, max: 65535 })),
      staticIp: fc.oneof(fc.constant(""), ipv4),
      hostSource: fc.constantFrom(...LB_HOST_SOURCES),
    }),
    zones,
    replicas: fc.integer({ min: 1, max: 100 }),
    valuesScope: fc.constantFrom(...VALUES_SCOPES),
    tlsEnabled: fc.boolean(),
    sasl: fc.constantFrom(...SASL_MECHANISMS),
    appName: fc.stringMatching(/^[A-Za-z0-9._-]{0,12}$/),
  })
  .map(({ tlsEnabled, sasl, appName, ...core }) => ({
    ...DEFAULT_SCENARIO,
    ...core,
    tls: { ...DEFAULT_SCENARIO.tls, enabled: tlsEnabled },
    auth: { ...DEFAULT_SCENARIO.auth, sasl },
    clientKit: { appName },
  }))
  .filter((s) => ScenarioSchema.safeParse(s).success);

// Hostile share links (issue 4): script, HTML and Mermaid injection payloads in
// every string field. The links are built with the real encoder on raw objects
// (encodeScenario does not validate), so they reach the page exactly as an
// attacker's would.
import { DEFAULT_SCENARIO } from "../lib/scenario/defaults";
import { ScenarioSchema, type Scenario } from "../lib/scenario/schema";
import { encodeScenario } from "../lib/share/codec";

export const PAYLOADS = {
  "script tag": `<script>window.__pwned="script"</script>`,
  "img onerror": `<img src=x onerror="window.__pwned='img'">`,
  "mermaid init directive": `%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%`,
  // Under 64 characters, so the free-text fields accept it whole.
  "mermaid click": `x"]; click A href "javascript:window.__pwned='click'"; C["y`,
} as const;

/** Free-text fields (schema `plainText`): the schema accepts any printable text there. */
const FREE_TEXT: readonly (readonly string[])[] = [
  ["storage", "bucket"],
  ["storage", "prefix"],
  ["storage", "region"],
  ["storage", "endpoint"],
  ["storage", "accessKeyId"],
  ["identity", "awsRoleArn"],
  ["identity", "awsClusterName"],
  ["identity", "gcpServiceAccount"],
  ["identity", "azureClientId"],
  ["identity", "azureIdentityName"],
  ["identity", "azureResourceGroup"],
  ["metadata", "postgres", "cloudsqlInstance"],
  ["metadata", "spanner", "projectId"],
  ["metadata", "spanner", "instanceId"],
  ["metadata", "spanner", "databaseName"],
  ["auth", "oauthIssuer"],
  ["auth", "oauthAudience"],
  ["auth", "oauthJwksUrl"],
  ["observability", "otlpAddress"],
];

/** Replaces every string (values and record keys) in a JSON tree with `payload`. */
function everyString(value: unknown, payload: string): unknown {
  if (typeof value === "string") return payload;
  if (Array.isArray(value)) return value.map((item) => everyString(item, payload));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, everyString(item, payload)]),
    );
  }
  return value;
}

function setPath(tree: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] ?? ""] = value;
}

export interface HostileLink {
  variant: string;
  payload: string;
  /** Whether the page must say the link could not be used as it is. */
  expectNotice: boolean;
}

export function hostileLinks(payload: string): HostileLink[] {
  // 1. Every string field, including zone names and the per-zone host map's keys.
  const everywhere = everyString(structuredClone(DEFAULT_SCENARIO), payload) as Record<
    string,
    unknown
  >;
  setPath(everywhere, ["zones"], {
    enabled: true,
    names: [payload, "us-east-1a"],
    replicasPerZone: 2,
    hosts: { [payload]: payload, "us-east-1a": payload },
    bootstrapHost: payload,
  });
  // 2. A valid scenario, all values shown, with the payload in every free-text
  // field that takes it: some have a format (URLs; the fields of the chosen
  // object and metadata stores), which keeps the payload out of the diagram, but
  // the S3 prefix, for one, takes any text and reaches the values file.
  const accepted = structuredClone(DEFAULT_SCENARIO) as unknown as Record<string, unknown>;
  accepted.valuesScope = "complete";
  setPath(accepted, ["storage", "bucket"], "wizard-test-bucket");
  setPath(accepted, ["storage", "region"], "us-east-1");
  for (const path of FREE_TEXT) {
    const trial = structuredClone(accepted);
    setPath(trial, path, payload);
    if (ScenarioSchema.safeParse(trial).success) setPath(accepted, path, payload);
  }
  const prefix = (accepted.storage as { prefix: string }).prefix;
  if (!ScenarioSchema.safeParse(accepted).success || prefix !== payload) {
    throw new Error("the accepted hostile scenario must be valid and carry the payload");
  }
  return [
    { variant: "every string field", payload: encode(everywhere), expectNotice: true },
    { variant: "free-text fields", payload: encode(accepted), expectNotice: false },
  ];
}

function encode(document: Record<string, unknown>): string {
  return encodeScenario(document as unknown as Scenario);
}

// The share-link codec. A link carries the whole scenario in its fragment
// (never sent to a server): `#v1.<base64url(deflate-raw(JSON))>`.
//
// RULES FOR CHANGING THE FORMAT (every link ever shared must keep working):
// 1. The `v1.` payload is, forever: base64url without padding (RFC 4648 s5) of
//    raw DEFLATE (RFC 1951) of UTF-8 JSON holding a JSON Merge Patch (RFC 7396)
//    against FROZEN_V1_BASE below. Only fields that differ are written, which
//    keeps links short enough for chat.
// 2. FROZEN_V1_BASE never changes, even when DEFAULT_SCENARIO does: a v1 link
//    means "these values, the rest as in FROZEN_V1_BASE". Diffing against the
//    live defaults would silently change what old links mean.
// 3. Adding a scenario field with a default in DEFAULT_SCENARIO needs no codec
//    change: old links lack it and restore() fills the default in (or, when
//    what an old link meant depends on another of its fields, the value
//    withDerivedDefaults in defaults.ts gives it).
// 4. Anything else (renaming, removing or re-typing a field, a new scenario
//    `version`, another compression) needs a new prefix (`v2.`) with its own
//    frozen base, kept beside v1, plus a migration in migrations.ts. v1 decoding
//    stays as it is.
// 5. codec-frozen.test.ts holds literal links of every released prefix and
//    asserts what they decode to with toEqual. Never edit those literals to make
//    a test pass: a failing frozen link is a broken promise to a user.
//
// Decoding is defensive (DESIGN.md section 5): any string gives a valid
// scenario and plain-words problems, never a throw. Inputs are bounded
// (limits.ts: characters, bytes once inflated, values carried) so a hostile
// link can neither exhaust memory nor hold the page's main thread for long.
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { SCENARIO_VERSION, type Scenario } from "../scenario/schema";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { deflateBytes, inflateBytes } from "./compress";
import { UNSAFE_KEYS, cloneJson, hasOwn, isPlainObject, jsonEqual, type JsonObject } from "./json";
import {
  LINK_LIMITS,
  countEntries,
  entriesFit,
  tooManyBytesMessage,
  tooManyCharsMessage,
  tooManyEntriesMessage,
} from "./limits";
import { buildLinkKind, linkKindPath, stripLinkKindPath } from "./link-kind";
import { restoreScenario, type Problem } from "./restore";

export const LINK_PREFIX_V1 = "v1.";
export const MAX_LINK_CHARS = LINK_LIMITS.chars;
export const MAX_INFLATED_BYTES = LINK_LIMITS.inflatedBytes;

/** DEFAULT_SCENARIO as it was when v1 links were released. Frozen: see rule 2. */
const FROZEN_V1_BASE: Readonly<JsonObject> = deepFreeze({
  version: 1,
  release: {
    name: "bufstream",
    namespace: "bufstream",
    chart: "oci://us-docker.pkg.dev/buf-images-1/buf/charts/bufstream",
    chartVersion: "0.4.9",
  },
  cluster: "bufstream",
  clients: "in-cluster",
  exposure: "cluster-ip",
  loadBalancer: {
    provider: "aws",
    scheme: "internal",
    host: "",
    port: 9092,
    staticIp: "",
    hostSource: "known",
  },
  zones: { enabled: false, names: [], replicasPerZone: 2, hosts: {}, bootstrapHost: "" },
  replicas: 3,
  valuesScope: "networking",
  storage: {
    use: "s3",
    bucket: "",
    prefix: "",
    region: "",
    endpoint: "",
    forcePathStyle: false,
    credentials: "workload-identity",
    accessKeyId: "",
    secretName: "bufstream-storage",
  },
  identity: {
    method: "none",
    awsRoleArn: "",
    awsClusterName: "",
    gcpServiceAccount: "",
    azureClientId: "",
    azureIdentityName: "",
    azureResourceGroup: "",
  },
  metadata: {
    use: "etcd",
    etcd: { addresses: [{ host: "bufstream-etcd.bufstream.svc.cluster.local", port: 2379 }] },
    postgres: {
      secretName: "bufstream-postgres",
      cloudsqlInstance: "",
      cloudsqlIam: false,
      cloudsqlPrivateIp: false,
    },
    spanner: { projectId: "", instanceId: "", databaseName: "bufstream" },
  },
  tls: {
    enabled: false,
    certificateSecret: "bufstream-tls",
    clientAuth: "NO_CERT",
    clientCasSecret: "",
  },
  auth: {
    sasl: "none",
    plainSecret: "bufstream-sasl-plain",
    scramHash: "SHA512",
    scramSecret: "bufstream-scram-admin",
    oauthIssuer: "",
    oauthAudience: "",
    oauthJwksUrl: "",
    mtlsPrincipal: "",
  },
  observability: { metrics: "NONE", otlpAddress: "", logLevel: "INFO" },
  resources: {
    cpu: "2",
    memory: "8Gi",
    autoscaling: { enabled: false, minReplicas: 6, maxReplicas: 18, targetCPU: 50 },
  },
  clientKit: { appName: "my-app" },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Exposed for tests: the base every v1 patch applies to. */
export function frozenV1Base(): JsonObject {
  return cloneJson(FROZEN_V1_BASE) as JsonObject;
}

/**
 * RFC 7396 merge patch turning `base` into `target`. Objects are diffed key by
 * key (a key of `base` missing from `target` becomes null, which the schema
 * never uses as a value); anything else is replaced whole.
 */
function buildMergePatch(base: unknown, target: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(target)) return target;
  const patch: JsonObject = {};
  for (const key of Object.keys(target).sort()) {
    if (!hasOwn(base, key)) patch[key] = target[key];
    else if (!jsonEqual(base[key], target[key])) {
      patch[key] = buildMergePatch(base[key], target[key]);
    }
  }
  for (const key of Object.keys(base)) if (!hasOwn(target, key)) patch[key] = null;
  return patch;
}

/**
 * Applies an untrusted merge patch. It recurses only where `base` has an
 * object, so its depth is bounded by the scenario's, however deep the patch;
 * unsafe keys (`__proto__`, ...) are skipped.
 */
function applyMergePatch(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const result: JsonObject = { ...base };
  for (const key of Object.keys(patch)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const value = patch[key];
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** JSON with object keys sorted at every depth, so equal scenarios give equal links. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}

/** The fragment payload (without `#`) that carries `s`. Deterministic. */
export function encodeScenario(s: Scenario): string {
  const patch = buildMergePatch(FROZEN_V1_BASE, s);
  const bytes = new TextEncoder().encode(canonicalJson(patch));
  return LINK_PREFIX_V1 + encodeBase64Url(deflateBytes(bytes));
}

/**
 * The link that reproduces `s`. When `baseUrl` (any fragment dropped) is the
 * wizard's root (it ends in `/`, no query), the link goes through the page of
 * the scenario's kind, `<root>s/<slug>/#<payload>`, so what a chat app unfurls
 * says what the link holds (link-kind.ts); that page sends the browser on to
 * `<root>#<payload>`. Any other base (a file, a query) gets `#<payload>` as
 * before. A base that is itself a kind page counts as its root, so links never
 * nest. Only the fragment carries data: `<root>#<payload>` opens the same.
 */
export function buildShareLink(baseUrl: string, s: Scenario): string {
  const hash = baseUrl.indexOf("#");
  const base = stripLinkKindPath(hash === -1 ? baseUrl : baseUrl.slice(0, hash));
  const isRoot = base.endsWith("/") && !base.includes("?");
  return `${isRoot ? base + linkKindPath(buildLinkKind(s)) : base}#${encodeScenario(s)}`;
}

/**
 * Where the wizard is served, read off an http(s) link: its origin and path,
 * less a kind page (`s/<slug>/`), or null for a bare payload.
 */
export function linkBaseUrl(link: string): string | null {
  try {
    const url = new URL(link.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return stripLinkKindPath(url.origin + url.pathname);
  } catch {
    return null;
  }
}

export type DecodeFailure =
  | "empty" // nothing after `#`
  | "foreign" // not a bufstream-wizard link
  | "newer" // made by a newer wizard
  | "cut-short" // the compressed data stops early
  | "damaged" // characters, compression or JSON are broken
  | "too-large" // over the size limits
  | "invalid"; // decoded, but fields fail validation

export type DecodeResult =
  | { ok: true; kind: "ok"; scenario: Scenario; notes: string[] }
  | { ok: false; kind: DecodeFailure; scenario: Scenario; problems: Problem[]; notes: string[] };

const MESSAGES: Record<Exclude<DecodeFailure, "invalid">, string> = {
  empty: "This link carries no scenario (there is nothing after the #).",
  foreign: "This link is not a bufstream-wizard link.",
  newer:
    "This link was made by a newer version of the wizard; open it there, or start from defaults.",
  "cut-short": "This link was cut short: its end is missing. Copy the whole link again.",
  damaged: "This link is damaged: some of its characters were changed. Copy the whole link again.",
  "too-large": tooManyBytesMessage(),
};

/** `message` replaces the kind's usual words (the too-large ones say which cap). */
function failure(kind: Exclude<DecodeFailure, "invalid">, message = MESSAGES[kind]): DecodeResult {
  return {
    ok: false,
    kind,
    scenario: cloneJson(DEFAULT_SCENARIO),
    problems: [{ path: "", message }],
    notes: [],
  };
}

function isCutBase64(body: string): boolean {
  return body.length % 4 === 1 && /^[A-Za-z0-9_-]+$/.test(body);
}

/** The payload part of a full URL, a `#…` fragment or a bare payload. */
function extractPayload(input: string): string | null {
  const text = input.trim();
  const hash = text.indexOf("#");
  if (hash !== -1) return text.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return "";
  return text;
}

function decodeUnsafe(input: unknown): DecodeResult {
  if (typeof input !== "string") return failure("foreign");
  if (input.length > MAX_LINK_CHARS) return failure("too-large", tooManyCharsMessage(input.length));
  let payload = extractPayload(input);
  if (payload === null || payload === "") return failure("empty");
  // Chat apps and mail wrap long links or escape characters; base64url never needs either.
  if (payload.includes("%")) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return failure("damaged");
    }
  }
  payload = payload.replace(/\s+/g, "");
  // Cut inside the prefix itself (`#v`, `#v1`): the start of a link, its end missing.
  if (LINK_PREFIX_V1.startsWith(payload)) return failure("cut-short");
  const prefix = /^v(\d{1,9})\./.exec(payload);
  if (prefix === null || prefix[1] === undefined) return failure("foreign");
  const linkVersion = Number(prefix[1]);
  if (linkVersion > 1) return failure("newer");
  if (linkVersion !== 1) return failure("foreign");

  const body = payload.slice(prefix[0].length);
  const compressed = decodeBase64Url(body);
  // No encoder writes a length of 4n+1; a link cut at a random character ends so
  // one time in four. Only base64url characters: it is the end that is missing.
  if (compressed === null) return failure(isCutBase64(body) ? "cut-short" : "damaged");
  const inflated = inflateBytes(compressed, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return failure(
      inflated.reason === "truncated"
        ? "cut-short"
        : inflated.reason === "too-large"
          ? "too-large"
          : "damaged",
    );
  }
  let patch: unknown;
  try {
    patch = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated.bytes));
  } catch {
    return failure("damaged");
  }
  if (!isPlainObject(patch)) return failure("damaged");
  const entries = countEntries(patch);
  if (!entriesFit(entries)) {
    return failure("too-large", tooManyEntriesMessage(entries));
  }
  const doc = applyMergePatch(FROZEN_V1_BASE, patch) as JsonObject;
  if (typeof doc.version === "number" && doc.version > SCENARIO_VERSION) return failure("newer");

  const restored = restoreScenario(doc);
  if (restored.ok)
    return { ok: true, kind: "ok", scenario: restored.scenario, notes: restored.notes };
  return {
    ok: false,
    kind: "invalid",
    scenario: restored.scenario,
    problems: restored.problems,
    notes: restored.notes,
  };
}

/**
 * Reads a share link: a full URL, a `#…` fragment or a bare payload. Never
 * throws; on failure `scenario` holds what could be kept (or the defaults) and
 * `problems` says what was wrong in plain words (`path` "" is the link itself).
 */
export function decodeScenario(input: string): DecodeResult {
  try {
    return decodeUnsafe(input);
  } catch {
    return failure("damaged");
  }
}

// Test support: hostile share links by kind (issue 17), the corpus of the
// attack run kept in the suite. `small` is what `npm test` opens in Chromium
// (e2e/hostile-links.spec.ts); `large` is what `npm run attack` opens. Links are
// built with the real encoder on raw documents (encodeScenario does not
// validate), so they reach the page exactly as an attacker's would. Everything
// is deterministic: no clock, no Math.random.
import fc from "fast-check";

import { findPreset, PRESETS } from "../../scenario/presets";
import { ScenarioSchema, type Scenario } from "../../scenario/schema";
import { encodeBase64Url } from "../base64url";
import { encodeScenario, type DecodeResult } from "../codec";
import { deflateBytes } from "../compress";
import { LINK_LIMITS } from "../limits";
import { arbitraryScenario } from "./arbitrary-scenario";
import { largestScenario } from "./largest-scenario";
import { stringFields, withText, type StringField } from "./string-fields";

export const HOSTILE_KINDS = [
  "injection",
  "oversized",
  "truncated",
  "foreign",
  "surrogate",
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];
export type CorpusSize = "small" | "large";
type DecodeKind = DecodeResult["kind"];

export interface HostileLink {
  kind: HostileKind;
  /** What the link is, for reports. */
  name: string;
  /** The fragment, without `#`. */
  payload: string;
  /** What decodeScenario may make of it. */
  expect: readonly DecodeKind[];
  /** For a value that must be rejected on its field: the path of the problem. */
  field?: string;
}

/**
 * Script injection: each sets `window.__pwned` or opens a dialog if it ever
 * runs, which the page guards (e2e/guards.ts) report; `__proto__` tries
 * prototype pollution instead. Under 64 characters, so the free-text fields
 * take them whole.
 */
export const SCRIPT_PAYLOADS: Readonly<Record<string, string>> = {
  "script tag": `<script>window.__pwned="script"</script>`,
  "img onerror": `<img src=x onerror="window.__pwned='img'">`,
  "svg onload": `<svg onload="window.__pwned='svg'"></svg>`,
  "closing tags": `</textarea></pre><script>window.__pwned=1</script>`,
  "attribute break": `" autofocus onfocus="window.__pwned='attr'" x="`,
  "javascript URL": `javascript:window.__pwned='href'`,
  "mermaid init directive": `%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%`,
  "mermaid click": `x"]; click A href "javascript:window.__pwned='click'"; C["y`,
  "mermaid label html": `A["<img src=x onerror=window.__pwned='label'>"]`,
  template: "{{constructor.constructor('window.__pwned=1')()}}",
  "prototype key": "__proto__",
  alert: `'-alert(1)-'`,
};

const base = (): Scenario => {
  const preset = findPreset("zone-aware-per-zone-nlbs");
  if (preset === undefined) throw new Error("preset zone-aware-per-zone-nlbs is missing");
  const s = structuredClone(preset.scenario);
  // Issue 16's lists, one entry each, so every string field has a place.
  const peer = () => ({ namespace: "orders", namespaceLabels: "team=a", podLabels: "app=b" });
  s.access = {
    ...s.access,
    clientGroups: [peer()],
    kafkaPeers: [peer()],
    adminPeers: [peer()],
    outsideClientCidrs: ["10.1.0.0/16"],
    loadBalancerSourceRanges: ["10.1.0.0/16"],
    lbTrafficCidrs: ["10.0.0.0/16"],
    metadataCidrs: ["10.2.0.0/24"],
    httpsCidrs: ["10.3.0.0/24"],
  };
  return s;
};

const payloadOfJson = (json: string) =>
  `v1.${encodeBase64Url(deflateBytes(new TextEncoder().encode(json)))}`;
const encode = (doc: unknown) => encodeScenario(doc as Scenario);
const dotted = (path: readonly string[]) => path.join(".");

// ── injection ───────────────────────────────────────────────────────────────

/** Every string field at once (values, list items, map keys, choices). */
export function everyFieldDocument(payload: string): unknown {
  let doc: unknown = base();
  for (const field of stringFields()) doc = withText(doc, field, payload).doc;
  return doc;
}

/**
 * A valid scenario, all values shown, with the payload in every free-text
 * field that takes it (null when none does). Fields with a format (URLs, the
 * chosen stores' names) refuse it, which keeps it out of the diagram; the S3
 * prefix, for one, takes any text and reaches the values file.
 */
export function acceptedDocument(payload: string): Scenario | null {
  const start = base();
  let doc: unknown = {
    ...start,
    valuesScope: "complete",
    storage: { ...start.storage, bucket: "wizard-test-bucket", region: "us-east-1" },
  };
  if (!ScenarioSchema.safeParse(doc).success) throw new Error("the accepting base is invalid");
  let taken = 0;
  for (const field of stringFields().filter((f) => f.kind === "text")) {
    const trial = withText(doc, field, payload).doc;
    if (ScenarioSchema.safeParse(trial).success) {
      doc = trial;
      taken++;
    }
  }
  return taken > 0 ? (doc as Scenario) : null;
}

function injectionLinks(size: CorpusSize): HostileLink[] {
  const fields = stringFields();
  const links: HostileLink[] = [];
  Object.entries(SCRIPT_PAYLOADS).forEach(([name, payload]) => {
    links.push({
      kind: "injection",
      name: `${name} in every string field`,
      payload: encode(everyFieldDocument(payload)),
      expect: ["invalid"],
    });
    const accepted = acceptedDocument(payload);
    if (accepted !== null) {
      links.push({
        kind: "injection",
        name: `${name} in every free-text field that takes it`,
        payload: encode(accepted),
        expect: ["ok"],
      });
    }
    // One field at a time (the large corpus only: the small one keeps to a few dozen).
    for (const field of size === "large" ? fields : []) {
      links.push({
        kind: "injection",
        name: `${name} in ${dotted(field.path)}`,
        payload: encode(withText(base(), field, payload).doc),
        expect: ["ok", "invalid"],
      });
    }
  });
  return links;
}

// ── oversized ───────────────────────────────────────────────────────────────

const hostsMap = (n: number, host: (i: number) => string) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), host(i)]));

/** The slowest salvage found: the largest scenario, a full host map, cross-field errors. */
function slowestSalvage(hosts: number): unknown {
  const doc = structuredClone(largestScenario()) as Scenario;
  Object.assign(
    doc.zones.hosts,
    hostsMap(hosts - doc.zones.names.length, (i) => `h${i}.kafka.internal`),
  );
  doc.zones.hosts[doc.zones.names[0]!] = "";
  doc.exposure = "load-balancer";
  doc.loadBalancer.host = "";
  doc.tls = {
    ...doc.tls,
    enabled: true,
    clientAuth: "REQUIRE_AND_VERIFY_CERT",
    clientCasSecret: "",
  };
  doc.auth = { ...doc.auth, sasl: "oauthbearer", oauthJwksUrl: "x", mtlsPrincipal: "SAN_DNS" };
  doc.valuesScope = "complete";
  doc.observability = { ...doc.observability, metrics: "OTLP_GRPC", otlpAddress: "" };
  doc.resources.autoscaling = { enabled: true, minReplicas: 100, maxReplicas: 10, targetCPU: 50 };
  return doc;
}

/**
 * A valid link padded to exactly `length` characters with `%20`, which the
 * decoder drops (mail and chat wrap links) and browsers keep as it is in the
 * fragment. The scenario's cluster name is lengthened until the padding fits.
 */
function paddedLink(length: number): string {
  for (let extra = 0; extra < 40; extra++) {
    const payload = encodeScenario({ ...base(), cluster: `c${"x".repeat(extra)}` });
    const gap = length - payload.length;
    if (gap >= 0 && gap % 3 === 0) return payload + "%20".repeat(gap / 3);
  }
  throw new Error(`no padded link of ${length} characters`);
}

function oversizedLinks(size: CorpusSize): HostileLink[] {
  const { chars, inflatedBytes, entries, entriesPerObject } = LINK_LIMITS;
  const tooLarge = ["too-large"] as const;
  const links: HostileLink[] = (
    [
      {
        name: "one character over the cap",
        payload: `v1.${"A".repeat(chars - 2)}`,
        expect: tooLarge,
      },
      {
        name: "a valid link padded past the cap",
        payload: paddedLink(chars + 1),
        expect: tooLarge,
      },
      {
        name: "the attack run's link: 20,000 zone hosts",
        payload: payloadOfJson(
          JSON.stringify({ zones: { enabled: true, hosts: hostsMap(20_000, () => "") } }),
        ),
        expect: tooLarge,
      },
      {
        name: "6,000 zone hosts",
        payload: payloadOfJson(JSON.stringify({ zones: { hosts: hostsMap(6_000, () => "") } })),
        expect: tooLarge,
      },
      {
        name: `${entriesPerObject + 1} zone hosts`,
        payload: encode({
          zones: { hosts: hostsMap(entriesPerObject + 1, (i) => `h${i}.kafka.internal`) },
        }),
        expect: tooLarge,
      },
      {
        name: `${entries + 1} values in small objects`,
        payload: payloadOfJson(
          JSON.stringify({
            release: Object.fromEntries(
              Array.from({ length: Math.ceil((entries + 1) / 90) }, (_, i) => [
                `k${i}`,
                hostsMap(90, () => ""),
              ]),
            ),
          }),
        ),
        expect: tooLarge,
      },
      {
        name: "a zip bomb (1 MB of spaces)",
        payload: `v1.${encodeBase64Url(deflateBytes(new Uint8Array(1_000_000).fill(32)))}`,
        expect: tooLarge,
      },
      {
        name: "one byte over the inflated cap",
        payload: payloadOfJson(`{"cluster":"${"a".repeat(inflatedBytes - 13)}"}`),
        expect: tooLarge,
      },
      {
        name: "lists nested 30,000 deep",
        payload: payloadOfJson(`{"a":${"[".repeat(30_000)}${"]".repeat(30_000)}}`),
        expect: tooLarge,
      },
      {
        name: "objects nested 6,000 deep",
        payload: payloadOfJson(`${'{"a":'.repeat(6_000)}1${"}".repeat(6_000)}`),
        expect: tooLarge,
      },
      {
        name: `${entriesPerObject + 1} unknown fields`,
        payload: payloadOfJson(JSON.stringify(hostsMap(entriesPerObject + 1, () => "x"))),
        expect: tooLarge,
      },
      // Within the caps: decoded in full, however slow that gets.
      {
        name: "the largest valid scenario",
        payload: encodeScenario(largestScenario()),
        expect: ["ok"],
      },
      {
        name: `the slowest salvage: the largest scenario, ${entriesPerObject} zone hosts, cross-field errors`,
        payload: encode(slowestSalvage(entriesPerObject)),
        expect: ["invalid"],
      },
      {
        name: `${entriesPerObject} unknown fields`,
        payload: payloadOfJson(JSON.stringify(hostsMap(entriesPerObject, () => "x"))),
        expect: ["ok"],
      },
      {
        name: "every string field 600 characters of markup",
        payload: encode(everyFieldDocument("<b>".repeat(200))),
        expect: ["invalid"],
      },
      {
        name: "a 60,000-character chart version that is valid semver",
        payload: encode({
          ...base(),
          release: { ...base().release, chartVersion: `1.2.3-${"a".repeat(60_000)}` },
        }),
        expect: ["ok"],
      },
      {
        name: "a link exactly at the character cap",
        payload: paddedLink(chars),
        expect: ["ok"],
      },
    ] as Array<Omit<HostileLink, "kind">>
  ).map((link) => ({ ...link, kind: "oversized" as const }));
  // Either side of each cap: a few in the small corpus, more in the large one.
  {
    const large = size === "large";
    const around = large ? 5 : 1;
    for (let n = entriesPerObject - around; n <= entriesPerObject + around; n++) {
      links.push({
        kind: "oversized",
        name: `${n} zone hosts`,
        payload: encode({ zones: { hosts: hostsMap(n, (i) => `h${i}.kafka.internal`) } }),
        expect: n > entriesPerObject ? tooLarge : ["ok"],
      });
    }
    for (let extra = -around; extra <= around; extra++) {
      if (extra === 0) continue; // exactly at the cap is above
      links.push({
        kind: "oversized",
        name: `a valid link padded to ${extra >= 0 ? "+" : ""}${extra} characters of the cap`,
        payload: paddedLink(chars + extra),
        expect: extra > 0 ? tooLarge : ["ok"],
      });
    }
    for (const hosts of large ? [10, 25, 50, 75] : [25]) {
      links.push({
        kind: "oversized",
        name: `salvage: the largest scenario, ${hosts} zone hosts, cross-field errors`,
        payload: encode(slowestSalvage(hosts)),
        expect: ["invalid"],
      });
    }
    for (const total of [entries - 10, entries + 10]) {
      links.push({
        kind: "oversized",
        name: `${total} values in objects of 100`,
        payload: payloadOfJson(
          JSON.stringify({
            release: Object.fromEntries(
              Array.from({ length: Math.ceil(total / (entriesPerObject - 1)) }, (_, i) => [
                `k${i}`,
                hostsMap(
                  Math.min(entriesPerObject - 2, total - i * (entriesPerObject - 1) - 1),
                  () => "",
                ),
              ]),
            ),
          }),
        ),
        expect: total > entries ? tooLarge : ["ok"],
      });
    }
  }
  return links;
}

// ── truncated ───────────────────────────────────────────────────────────────

function truncatedLinks(size: CorpusSize): HostileLink[] {
  const scenarios = [
    ...PRESETS.map((preset) => ({ id: preset.id, scenario: preset.scenario })),
    { id: "largest", scenario: largestScenario() },
    ...fc
      .sample(arbitraryScenario, { numRuns: size === "large" ? 10 : 2, seed: 17 })
      .map((scenario, i) => ({ id: `random-${i}`, scenario })),
  ];
  const cuts = size === "large" ? 20 : 2;
  return scenarios.flatMap(({ id, scenario }) => {
    const payload = encodeScenario(scenario);
    // Never before `v1.x`: a shorter fragment is no link at all.
    return Array.from({ length: cuts }, (_, i) => {
      const at = 4 + Math.floor(((i + 1) * (payload.length - 5)) / (cuts + 1));
      return {
        kind: "truncated" as const,
        name: `${id} cut to ${at} of ${payload.length} characters`,
        payload: payload.slice(0, at),
        expect: ["cut-short", "damaged"] as const,
      };
    });
  });
}

// ── foreign ─────────────────────────────────────────────────────────────────

const FOREIGN: ReadonlyArray<[string, string, readonly DecodeKind[]]> = [
  [
    "mermaid.live",
    "pako:eNpVkMFqwzAQRH9F7LkpSRxbsQ6BJCWnXnopFOtgpI0tsGUjS6XG-N-7ttPS",
    ["foreign"],
  ],
  ["excalidraw", "json=5727150485929984,QJ6vxl4hG2PbKn_SaXu5fg", ["foreign"]],
  [
    "an OAuth implicit flow",
    "access_token=eyJhbGciOiJIUzI1NiJ9.e30.x&token_type=bearer",
    ["foreign"],
  ],
  ["a router path", "/settings/profile", ["foreign"]],
  ["a newer version", "v2.AAAA", ["newer"]],
  ["a far newer version", "v999999999.AAAA", ["newer"]],
  ["version zero", "v0.AAAA", ["foreign"]],
  ["an overlong version", "v9999999999.AAAA", ["foreign"]],
  ["a prefix with no dot", "v1AAAA", ["foreign"]],
  ["a prefix alone", "v1.", ["cut-short", "damaged"]],
  ["a script tag", "<script>window.__pwned=1</script>", ["foreign"]],
  ["a script tag after the prefix", "v1.<script>window.__pwned=1</script>", ["damaged"]],
  ["a javascript URL", "javascript:window.__pwned=1", ["foreign"]],
  ["a data URL", "data:text/html,<script>window.__pwned=1</script>", ["foreign"]],
  ["percent-encoded markup", "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E", ["foreign"]],
  ["a broken percent escape", "v1.%E0%A4%A", ["damaged"]],
  ["a percent-encoded NUL", "v1.%00AAAA", ["damaged"]],
  ["emoji", "🦄🦄🦄", ["foreign"]],
  ["bidirectional overrides", "\u202ev1.AAAA\u202c", ["foreign"]],
  ["zero-width characters", "v1.\u200bAAAA\u200b", ["damaged"]],
  ["base64 with padding", "v1.AAAA==", ["damaged"]],
  ["standard base64 characters", "v1.ab+/cd", ["damaged"]],
  [
    "base64url of plain text",
    `v1.${encodeBase64Url(new TextEncoder().encode("hello"))}`,
    ["damaged", "cut-short"],
  ],
  ["deflate of text that is not JSON", payloadOfJson("{nope"), ["damaged"]],
  ["deflate of a JSON list", payloadOfJson("[1,2,3]"), ["damaged"]],
  ["deflate of a JSON string", payloadOfJson('"<script>window.__pwned=1</script>"'), ["damaged"]],
  ["deflate of JSON null", payloadOfJson("null"), ["damaged"]],
  ["a newer scenario inside a v1 link", payloadOfJson('{"version":2}'), ["newer"]],
  ["a scenario version that is text", payloadOfJson('{"version":"1; drop"}'), ["invalid"]],
  [
    "prototype pollution",
    payloadOfJson('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
    ["ok"],
  ],
  ["another site's whole URL", "https://evil.example/#v1.AAAA", ["damaged", "cut-short"]],
  ["a query string", "?v1=AAAA&x=<script>", ["foreign"]],
];

function foreignLinks(size: CorpusSize): HostileLink[] {
  const links: HostileLink[] = FOREIGN.map(([name, payload, expect]) => ({
    kind: "foreign",
    name,
    payload,
    expect,
  }));
  if (size === "large") {
    const anything: readonly DecodeKind[] = [
      "foreign",
      "damaged",
      "cut-short",
      "newer",
      "empty",
      "invalid",
    ];
    const samples = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.stringMatching(/^v1\.[A-Za-z0-9_-]{1,120}$/),
        fc.stringMatching(/^[a-z]{1,8}[:=.][!-~]{0,60}$/),
      ),
      { numRuns: 300, seed: 17 },
    );
    samples.forEach((payload, i) => {
      // The page ignores an empty fragment and in-page anchors (#main); those are not links.
      if (payload.trim() === "" || /^[A-Za-z][\w-]*$/.test(payload)) return;
      links.push({ kind: "foreign", name: `random text ${i}`, payload, expect: anything });
    });
  }
  return links;
}

// ── surrogates ──────────────────────────────────────────────────────────────

/** Lone halves in the places an attacker would put them. */
const SURROGATE_FORMS: ReadonlyArray<[string, (text: string) => string]> = [
  ["a lone high surrogate inside", (text) => `${text.slice(0, 1)}\ud800${text.slice(1)}`],
  ["a lone low surrogate at the start", (text) => `\udc00${text}`],
  ["a reversed pair at the end", (text) => `${text}\udd84\ud83e`],
  ["a high surrogate at the very end", (text) => `${text}\udbff`],
];

function surrogateLinks(size: CorpusSize): HostileLink[] {
  const fields = stringFields().filter((f) => f.kind !== "choice");
  const links: HostileLink[] = [];
  // The zone-aware base only where a zone field needs it: the page redraws a
  // default-sized scenario faster, which keeps the bounded browser test short.
  const zoned = base();
  const plain = structuredClone(PRESETS[0]!.scenario);
  // The small corpus: every other field, the zone host keys and the attack run's field.
  const chosen =
    size === "large"
      ? fields
      : fields.filter(
          (f, i) => i % 2 === 0 || f.kind === "key" || dotted(f.path) === "auth.oauthJwksUrl",
        );
  chosen.forEach((field: StringField, i) => {
    const forms =
      size === "large" ? SURROGATE_FORMS : [SURROGATE_FORMS[i % SURROGATE_FORMS.length]!];
    // access: its lists are empty in the default scenario (issue 16); base() fills them.
    const doc = field.path[0] === "zones" || field.path[0] === "access" ? zoned : plain;
    for (const [form, make] of forms) {
      const current = withText(doc, field, "x").issuePath;
      const value =
        field.kind === "key" ? current[current.length - 1]! : String(valueAt(doc, current));
      const text = make(value === "" ? "https://xa" : value);
      const { doc: hostile, issuePath } = withText(doc, field, text);
      links.push({
        kind: "surrogate",
        name: `${form} of ${field.kind === "key" ? "a key of " : ""}${dotted(field.path)}`,
        payload: encode(hostile),
        expect: ["invalid"],
        field: dotted(issuePath),
      });
    }
  });
  // The bytes a broken encoder writes for a surrogate (CESU-8), which no decoder may accept.
  const cesu = new Uint8Array([
    ...new TextEncoder().encode('{"cluster":"a'),
    0xed,
    0xa0,
    0x80,
    ...new TextEncoder().encode('"}'),
  ]);
  links.push({
    kind: "surrogate",
    name: "a surrogate written as CESU-8 bytes",
    payload: `v1.${encodeBase64Url(deflateBytes(cesu))}`,
    expect: ["damaged"],
  });
  links.push({
    kind: "surrogate",
    name: "a lone surrogate in every string field",
    payload: encode(everyFieldDocument("https://xa\ud800b")),
    expect: ["invalid"],
  });
  links.push({
    kind: "surrogate",
    name: "a lone surrogate in an unknown field's name",
    payload: encode({ ...base(), "x\ud800": 1 }),
    expect: ["ok"],
  });
  return links;
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let at = doc;
  for (const key of path) at = (at as Record<string, unknown>)[key];
  return at;
}

const BUILDERS: Record<HostileKind, (size: CorpusSize) => HostileLink[]> = {
  injection: injectionLinks,
  oversized: oversizedLinks,
  truncated: truncatedLinks,
  foreign: foreignLinks,
  surrogate: surrogateLinks,
};

/** The hostile links of one kind. */
export function hostileLinks(kind: HostileKind, size: CorpusSize): HostileLink[] {
  const seen = new Set<string>();
  // Builders overlap at the edges (a cap's neighbour is also a named case): each payload once.
  return BUILDERS[kind](size).filter((link) => !seen.has(link.payload) && seen.add(link.payload));
}

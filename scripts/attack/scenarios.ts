// The attack run's hostile scenarios (issue 17): hostile text in every string
// field (read off the schema) of a set of base scenarios chosen so that every
// field is written somewhere: every preset, plus variants that turn on what the
// presets leave off (secrets, TLS, SASL, OTLP, every identity method). Only
// the scenarios the schema accepts are kept: those are what reach files.
import { PRESETS, findPreset } from "../../lib/scenario/presets";
import { ScenarioSchema, type Scenario } from "../../lib/scenario/schema";
import { HOSTILE_STRINGS } from "../../lib/share/testing/arbitrary-scenario";
import { SCRIPT_PAYLOADS } from "../../lib/share/testing/hostile-links";
import { stringFields, withText } from "../../lib/share/testing/string-fields";

/** Text that YAML reads as something else when written bare. */
export const YAML_STRINGS: readonly string[] = [
  "yes",
  "no",
  "on",
  "off",
  "null",
  "~",
  "true",
  "1e3",
  "0x1F",
  "0o17",
  "08",
  ".inf",
  "- item",
  "? key",
  ": value",
  "key: value",
  "&anchor",
  "*alias",
  "!!python/object:os.system",
  "!include x",
  "'single'",
  '"double"',
  "# not a comment",
  "{a: 1}",
  "[1, 2]",
  "|",
  ">-",
  "%YAML 1.1",
  "---",
  "...",
  " leading space",
  "trailing space ",
  "@at",
  "`back`",
  "a\u2028b",
  "a\u0085b",
  "\ufeffbom",
  "non\u00a0breaking",
  "🦄 unicorn",
  "\u202eright-to-left",
];

/**
 * Text for shell: each runs the `pwned` canary command if a word is ever
 * evaluated instead of passed, plus values that fit a strict format yet hold
 * shell-special characters (`(`, `)`, `=`, `@`, `+`, `,`, leading `-`).
 */
export const SHELL_STRINGS: readonly string[] = [
  "$(pwned)",
  "`pwned`",
  "; pwned",
  "| pwned",
  "&& pwned",
  "' ; pwned ; '",
  '" ; pwned ; "',
  "'$(pwned)'",
  '"$(pwned)"',
  "${IFS}pwned",
  "<(pwned)",
  "$((1+1))",
  "{a,b}",
  "*",
  "~root",
  "$HOME",
  "--help",
  "-rf",
  "a b",
  "https://x.example/$(pwned)",
  "arn:aws:iam::123456789012:role/$(pwned)",
  "arn:aws:iam::123456789012:role/a+b=c,d.e@f-g",
  "arn:aws:iam::123456789012:role/-rf",
  "(pwned)",
  "rg-(pwned)",
  "a()b",
  "x.y_(z)",
  "my_cluster-1",
  "-cluster",
  "my-project-12@my-project-12.iam.gserviceaccount.com",
  "1.2.3-rc.1+build.5",
  "00000000-0000-0000-0000-000000000000",
];

const parse = (doc: unknown): Scenario | null => {
  const result = ScenarioSchema.safeParse(doc);
  return result.success ? result.data : null;
};

/** Base scenarios: every preset, and variants that write the fields presets leave out. */
export function baseScenarios(): Array<{ id: string; scenario: Scenario }> {
  const bases = PRESETS.map((preset) => ({ id: preset.id, scenario: preset.scenario }));
  const eks = findPreset("eks-s3-postgres")?.scenario;
  const gke = findPreset("gke-gcs-spanner")?.scenario;
  const aks = findPreset("aks-blob-postgres")?.scenario;
  if (!eks || !gke || !aks) throw new Error("a platform preset is missing");
  const variants: Array<[string, unknown]> = [
    [
      "eks-irsa-secret-keys",
      {
        ...eks,
        identity: { ...eks.identity, method: "irsa" },
        storage: {
          ...eks.storage,
          credentials: "secret",
          accessKeyId: "AKIAEXAMPLE",
          endpoint: "https://s3.example.com",
          prefix: "kafka/",
        },
      },
    ],
    [
      "eks-tls-sasl-otlp",
      {
        ...eks,
        tls: {
          enabled: true,
          certificateSecret: "bufstream-tls",
          clientAuth: "REQUIRE_AND_VERIFY_CERT",
          clientCasSecret: "client-ca",
        },
        auth: {
          ...eks.auth,
          sasl: "oauthbearer",
          oauthIssuer: "https://idp.example.com",
          oauthAudience: "kafka",
          oauthJwksUrl: "https://idp.example.com/jwks.json",
          mtlsPrincipal: "SUBJECT_COMMON_NAME",
        },
        observability: {
          ...eks.observability,
          metrics: "OTLP_GRPC",
          otlpAddress: "otel-collector:4317",
          logLevel: "DEBUG",
        },
      },
    ],
    [
      "gke-cloudsql",
      {
        ...gke,
        metadata: {
          ...gke.metadata,
          use: "postgres",
          postgres: {
            ...gke.metadata.postgres,
            cloudsqlInstance: "my-project:us-central1:bufstream",
            cloudsqlIam: true,
          },
        },
      },
    ],
    [
      "aks-secret-scram",
      {
        ...aks,
        storage: { ...aks.storage, credentials: "secret", accessKeyId: "bufstreamstorage" },
        auth: { ...aks.auth, sasl: "scram", scramSecret: "bufstream-scram" },
      },
    ],
    [
      "networking-plain-sasl",
      { ...eks, valuesScope: "networking", auth: { ...eks.auth, sasl: "plain" } },
    ],
  ];
  for (const [id, doc] of variants) {
    const scenario = parse(doc);
    if (scenario === null)
      throw new Error(
        `base ${id} is not a valid scenario: ${JSON.stringify(ScenarioSchema.safeParse(doc).error?.issues)}`,
      );
    bases.push({ id, scenario });
  }
  return bases;
}

export interface HostileScenario {
  name: string;
  scenario: Scenario;
  /** The hostile text and where it went. */
  text: string;
  field: string;
}

/**
 * Every (base, text field, string) the schema accepts. `strings` defaults to
 * every hostile list: markup, YAML, shell and the fuzz tests' strings.
 */
export function hostileScenarios(
  strings: readonly string[] = [
    ...new Set([
      ...HOSTILE_STRINGS,
      ...Object.values(SCRIPT_PAYLOADS),
      ...YAML_STRINGS,
      ...SHELL_STRINGS,
    ]),
  ],
): { tried: number; accepted: HostileScenario[] } {
  const fields = stringFields().filter((field) => field.kind !== "choice");
  const accepted: HostileScenario[] = [];
  let tried = 0;
  for (const { id, scenario: baseScenario } of baseScenarios()) {
    for (const field of fields) {
      for (const text of strings) {
        let doc: unknown;
        try {
          doc = withText(baseScenario, field, text).doc;
        } catch {
          continue; // this base has no zone hosts or zone names to write into
        }
        tried++;
        const scenario = parse(doc);
        const path = field.path.join(".");
        if (scenario !== null) {
          accepted.push({
            name: `${id}: ${path} = ${JSON.stringify(text)}`,
            scenario,
            text,
            field: path,
          });
        }
      }
    }
  }
  return { tried, accepted };
}

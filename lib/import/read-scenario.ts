// Values files -> a scenario (issue 15, "Read them into a scenario"). The
// facts the values cannot hold (where clients run, the release's name and
// namespace, the chart version, ...) become questions, each pre-filled with
// the best guess and saying why; answers, from the page's form or the CLI's
// --answer, replace the guesses.
import { DEFAULT_CHART, DEFAULT_CHART_VERSION, DEFAULT_SCENARIO } from "../scenario/defaults";
import { SEMVER, isDnsName } from "../scenario/names";
import {
  CLIENT_LOCATIONS,
  LB_PROVIDERS,
  ScenarioSchema,
  type ClientLocation,
  type LbProvider,
  type Scenario,
} from "../scenario/schema";
import type { ValuesLayout } from "./layout";
import { getString, type KeyPath } from "./paths";
import { ReadContext, type FieldSource } from "./read-context";
import { readNetworking } from "./read-networking";
import { readPlatform } from "./read-platform";
import type { ValuesFinding } from "./types";

export const QUESTION_IDS = [
  "clients",
  "release.name",
  "release.namespace",
  "release.chartVersion",
  "loadBalancer.provider",
  "zones.bootstrapHost",
  "dns-record",
  "identity.azureIdentityName",
  "identity.azureResourceGroup",
  "auth.oauthJwksUrl",
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface QuestionOption {
  value: string;
  label: string;
}

/** A fact the check needs that the values leave open. */
export interface Question {
  id: QuestionId;
  /** The scenario field the answer sets (dot path, as the form names it), or null. */
  field: string | null;
  text: string;
  /** The best guess from the values, pre-filled until answered. */
  guess: string;
  /** Why this is the guess. */
  why: string;
  /** The choices, or null for free text. */
  options: QuestionOption[] | null;
  /** True when an answer was given (the form's value, or --answer). */
  answered: boolean;
  /** The answer, or the guess while unanswered. */
  value: string;
}

export type Answers = Readonly<Partial<Record<QuestionId, string>>>;

/** A field the schema rejects, with the values key it was read from. */
export interface ReadProblem {
  field: string;
  message: string;
  from: FieldSource | null;
}

export interface ReadResult {
  /** The scenario the values describe (valid unless `problems` is non-empty). */
  scenario: Scenario;
  problems: ReadProblem[];
  questions: Question[];
  notes: ValuesFinding[];
  /** Values paths the scenario cannot hold: the corrected file keeps the user's value. */
  preserved: KeyPath[];
  sources: ReadonlyMap<string, FieldSource>;
}

const CLIENT_LABELS: Record<ClientLocation, string> = {
  "in-cluster": "Inside the Kubernetes cluster",
  "outside-cluster": "Outside the cluster",
  both: "Both inside and outside",
};
const PROVIDER_LABELS: Record<LbProvider, string> = {
  aws: "AWS (EKS)",
  gcp: "Google Cloud (GKE)",
  azure: "Azure (AKS)",
  other: "Other",
};
/** Names clouds give load balancers: they resolve by themselves, no DNS record of the user's is involved. */
const CLOUD_ASSIGNED =
  /\.(elb\.amazonaws\.com|elb\.[a-z0-9-]+\.amazonaws\.com\.cn|cloudapp\.azure\.com|sslip\.io|nip\.io)\.?$/i;

const PLATFORM_FIELDS = ["storage", "identity", "metadata", "observability", "resources"];

function question(
  id: QuestionId,
  text: string,
  guess: string,
  why: string,
  answers: Answers,
  options: QuestionOption[] | null = null,
): Question {
  const answer = answers[id];
  const valid =
    answer !== undefined && (options === null || options.some((o) => o.value === answer));
  return {
    id,
    field: id === "dns-record" ? null : id,
    text,
    guess,
    why,
    options,
    answered: valid,
    value: valid ? answer : guess,
  };
}

function setField(s: Scenario, field: string, value: string): Scenario {
  const [head, tail] = field.split(".") as [keyof Scenario, string | undefined];
  if (tail === undefined) return { ...s, [head]: value } as Scenario;
  const parent = s[head] as Record<string, unknown>;
  return { ...s, [head]: { ...parent, [tail]: value } } as Scenario;
}

function imageTagVersion(values: unknown): string | undefined {
  const tag = getString(values, ["bufstream", "image", "tag"])?.replace(/^v/, "");
  return tag !== undefined && SEMVER.test(tag) ? tag : undefined;
}

export function readScenario(layout: ValuesLayout, answers: Answers = {}): ReadResult {
  const ctx = new ReadContext(layout);
  const providerAnswer = LB_PROVIDERS.find((p) => p === answers["loadBalancer.provider"]);
  const net = readNetworking(ctx, providerAnswer);
  const first = layout.releases[0]?.values ?? {};
  const plat = readPlatform(first, ctx, layout.zoneAware ? layout.releases.length : 0);
  const tagVersion = imageTagVersion(first);

  const lb = net.core.exposure === "load-balancer";
  const questions: Question[] = [];
  questions.push(
    question(
      "clients",
      "Where do your Kafka clients run?",
      net.clients.value,
      net.clients.why,
      answers,
      CLIENT_LOCATIONS.map((value) => ({ value, label: CLIENT_LABELS[value] })),
    ),
    question(
      "release.name",
      "What is the Helm release called?",
      net.release.value,
      net.release.why,
      answers,
    ),
    question(
      "release.namespace",
      "Which namespace is it in?",
      net.namespace.value,
      net.namespace.why,
      answers,
    ),
    question(
      "release.chartVersion",
      "Which chart version does it run? (helm list shows it)",
      tagVersion ?? DEFAULT_CHART_VERSION,
      tagVersion !== undefined
        ? `from bufstream.image.tag: the image tag defaults to the chart version`
        : "values do not hold the chart version; this is the newest the wizard knows",
      answers,
    ),
  );
  if (net.provider !== null) {
    questions.push(
      question(
        "loadBalancer.provider",
        lb ? "Which cloud's load balancer is it?" : "Which cloud does the cluster run on?",
        net.provider.value,
        net.provider.why,
        answers,
        LB_PROVIDERS.map((value) => ({ value, label: PROVIDER_LABELS[value] })),
      ),
    );
  }
  const clients = questions[0]?.value as ClientLocation;
  if (layout.zoneAware && lb && clients !== "in-cluster") {
    questions.push(
      question(
        "zones.bootstrapHost",
        "Which address do clients outside the cluster bootstrap from? (a DNS name over every zone's load balancer)",
        "",
        "values do not hold it; left empty, clients bootstrap from the first zone's load balancer",
        answers,
      ),
    );
  }
  const hosts = layout.zoneAware
    ? Object.values(net.core.zones.hosts)
    : [net.core.loadBalancer.host].filter((h) => h !== "");
  const ownNames = hosts.filter((host) => isDnsName(host) && !CLOUD_ASSIGNED.test(host));
  if (lb && ownNames.length > 0) {
    questions.push(
      question(
        "dns-record",
        `Does ${ownNames.join(", ")} resolve to ${ownNames.length === 1 ? "the load balancer's address" : "each zone's load balancer"}, from where the clients run?`,
        "yes",
        "a name of your own needs a DNS record (or external-dns) pointing at the load balancer; values cannot show it",
        answers,
        [
          { value: "yes", label: "Yes, the record exists" },
          { value: "no", label: "No, or not yet" },
        ],
      ),
    );
  }
  const identity = plat.platform.identity;
  if (plat.complete && identity.method === "azure-workload-identity") {
    const why =
      "install.sh federates the managed identity with each ServiceAccount; values name only its client id";
    questions.push(
      question(
        "identity.azureIdentityName",
        "What is the managed identity's name?",
        "",
        why,
        answers,
      ),
      question("identity.azureResourceGroup", "Which resource group holds it?", "", why, answers),
    );
  }
  if (plat.platform.auth.sasl === "oauthbearer") {
    questions.push(
      question(
        "auth.oauthJwksUrl",
        "What is the identity provider's JWKS URL?",
        plat.jwksGuess ?? "",
        plat.jwksGuess
          ? "the usual place under the issuer; the values name only the ConfigMap that holds the URL"
          : "the values name only the ConfigMap that holds the URL",
        answers,
      ),
    );
  }

  let scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    ...net.core,
    release: { ...DEFAULT_SCENARIO.release, chart: DEFAULT_CHART },
    valuesScope: plat.complete ? "complete" : "networking",
    // Values a user brings are those of a release that runs: install.sh then layers
    // the bundle on the release's own values instead of replacing them.
    install: "existing",
    ...plat.platform,
  };
  for (const q of questions) if (q.field !== null) scenario = setField(scenario, q.field, q.value);

  let parsed = ScenarioSchema.safeParse(scenario);
  if (!parsed.success && scenario.valuesScope === "complete") {
    const platformIssues = parsed.error.issues.filter((issue) =>
      PLATFORM_FIELDS.includes(String(issue.path[0])),
    );
    if (platformIssues.length > 0) {
      // The wizard cannot take these parts over as they stand: it writes the
      // networking part only and keeps the user's storage, metadata, ... keys.
      scenario = { ...scenario, valuesScope: "networking" };
      const details = platformIssues.map((issue) => {
        const field = issue.path.map(String).join(".");
        const from = ctx.sources.get(field);
        return `${from?.key ?? field}: ${issue.message}`;
      });
      ctx.note(null, {
        id: "values-platform-kept",
        severity: "info",
        message: `The wizard leaves storage, metadata, identity, observability and resources as you wrote them, because ${details.length === 1 ? "one answer is" : "some answers are"} missing or not valid: ${details.join("; ")}`,
        fix: "Fill them in under Values to generate and choose a complete install, if you want the wizard to write those parts too.",
      });
      parsed = ScenarioSchema.safeParse(scenario);
    }
  }
  const problems: ReadProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join(".");
        const from =
          ctx.sources.get(field) ??
          ctx.sources.get(issue.path.slice(0, -1).map(String).join(".")) ??
          null;
        return { field, message: issue.message, from };
      });
  return {
    scenario: parsed.success ? parsed.data : scenario,
    problems,
    questions,
    notes: ctx.notes,
    preserved: ctx.preserved,
    sources: ctx.sources,
  };
}

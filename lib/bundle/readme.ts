// README.md of the bundle (DESIGN.md section 3): what the bundle is, the share
// link, the steps, how to verify, and the client settings. Markdown from
// validated scenario values (names and hosts are DNS-safe) and generator text.
import { buildClientKit, renderClientKitMarkdown } from "../clients/client-kit";
import type { CommandSections } from "../commands/build-commands";
import { KEYFILE_ENV, LEGACY_REGISTRY } from "../commands/build-commands";
import { BASE_VALUES_ENV, zoneBaseValuesEnv } from "../commands/layering";
import { HELM_DIFF_INSTALL, PREVIEW_ENV } from "../commands/preview";
import { lbAddressHelpers } from "../commands/lb-address";
import type { ScriptStep } from "../commands/types";
import type { Finding } from "../check/types";
import { topologyPictureNote } from "../diagram/picture-note";
import { describeTopology } from "../diagram/describe";
import { headlessServiceFileName, regionalServiceFileName } from "../manifests/files";
import { etcdReleaseName, etcdValuesFileName, installsEtcd } from "../platform/metadata";
import { platformSecretInputs } from "../platform";
import { CHART_KEYS_DOCUMENTED_UP_TO, LEGACY_CHART } from "../scenario/defaults";
import type { Scenario } from "../scenario/schema";
import { accessSection, monitoringSection } from "./readme-access";
import type { BundleFile } from "./types";
import { buildValuesLayering, type ValuesLayering } from "./values-layering";

export interface ReadmeInputs {
  s: Scenario;
  provenance: string[];
  shareLink: string | null;
  /** The other files of the bundle, for the file table. */
  files: BundleFile[];
  fileRoles: Map<string, string>;
  /** The bundle's Mermaid file name. */
  diagramFile: string;
  findings: Finding[];
  commands: CommandSections;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

function filesSection(
  files: BundleFile[],
  roles: Map<string, string>,
  layering: ValuesLayering,
): string[] {
  return [
    "## Files",
    "",
    "| File | What it is |",
    "| --- | --- |",
    ...files.map((file) => `| \`${file.name}\` | ${cell(roles.get(file.name) ?? "")} |`),
    "| `README.md` | This page |",
    "",
    ...(layering.written.length === 0
      ? []
      : [
          `install.sh also writes ${listCode(layering.written)} next to itself: the values ${layering.written.length === 1 ? "the release runs" : "each zonal release runs"} with now, read before any change (see below). This is expected; re-runs overwrite ${layering.written.length === 1 ? "it" : "them"}. ${layering.written.length === 1 ? "It is" : "They are"} readable by you only and may hold credentials your values carry: do not commit ${layering.written.length === 1 ? "it" : "them"}.`,
          "",
        ]),
  ];
}

const listCode = (items: string[]) => items.map((item) => `\`${item}\``).join(", ");

function layeringSection(layering: ValuesLayering): string[] {
  return [
    "## How the values files layer",
    "",
    layering.rule,
    "",
    "`helm upgrade` gets these, first to last:",
    "",
    ...layering.order.map((entry, i) => `${i + 1}. \`${entry.file}\`: ${entry.what}`),
    "",
    layering.meaning,
    "",
    ...(layering.layered ? ownedKeysList(layering) : []),
  ];
}

function ownedKeysList(layering: ValuesLayering): string[] {
  return [
    "Keys this bundle sets (they replace the release's; a list replaces the whole list):",
    "",
    ...layering.ownedKeys.map(
      (key) =>
        `- \`${key.replace(/ \(a list\)$/, "")}\`${key.endsWith(" (a list)") ? " (a list)" : ""}`,
    ),
    "",
  ];
}

/**
 * The diagram itself is topology.mmd (next to this README): paste it into any
 * Mermaid viewer. Here, the same facts as a table (describeTopology), which
 * reads fine in any Markdown viewer and in a terminal.
 */
function topologySection(s: Scenario, diagramFile: string): string[] {
  const { rows } = describeTopology(s);
  const zoned = rows.some((r) => r.zone !== "");
  return [
    "## Topology",
    "",
    `The diagram is in \`${diagramFile}\` (Mermaid source). ${topologyPictureNote(diagramFile)}`,
    "",
    "The Services clients use:",
    "",
    zoned ? "| Kind | Name | Address | Zone |" : "| Kind | Name | Address |",
    zoned ? "| --- | --- | --- | --- |" : "| --- | --- | --- |",
    ...rows.map((r) =>
      [r.kind, r.name, `\`${r.address}\``, ...(zoned ? [r.zone] : [])]
        .map(cell)
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
    "",
  ];
}

function findingsSection(findings: Finding[]): string[] {
  const body =
    findings.length === 0
      ? ["The wizard's topology check found nothing to report."]
      : findings.map((f) => `- **${f.severity}**: ${f.message} ${f.fix}`);
  return ["## Topology check", "", ...body, ""];
}

function prerequisites(s: Scenario): string[] {
  const lines = [
    "- `kubectl` pointed at the cluster, Helm 3.12 or newer, Kubernetes 1.27 or newer.",
    `- Recommended: the helm-diff plugin (\`${HELM_DIFF_INSTALL}\`), so install.sh shows the change before making it; \`${PREVIEW_ENV}=only bash install.sh\` shows it and stops.`,
  ];
  if (s.install === "existing") {
    lines.push(
      `- The release${s.zones.enabled ? "s" : ""} this bundle updates, in namespace \`${s.release.namespace}\`; or \`${BASE_VALUES_ENV}\`${s.zones.enabled ? ` (or \`${BASE_VALUES_ENV}_<ZONE>\` per zone, e.g. \`${zoneBaseValuesEnv(s.zones.names[0] ?? "us-east-1a")}\`)` : ""}: a values file of yours to layer on instead (a path; relative paths are taken from where you run install.sh). Without either, install.sh stops before changing anything.`,
    );
  } else if (s.valuesScope === "networking") {
    lines.push(
      `- \`${BASE_VALUES_ENV}\`: a values file of yours with object storage and a metadata store; install.sh stops without it (a new install needs them).`,
    );
  }
  if (s.exposure === "load-balancer" && s.loadBalancer.provider === "aws") {
    lines.push("- The AWS Load Balancer Controller in the cluster (it creates the NLBs).");
  }
  if (s.release.chart === LEGACY_CHART) {
    lines.push(
      `- A login to \`${LEGACY_REGISTRY}\` (the legacy chart registry is private): set \`${KEYFILE_ENV}\` to the path of the key file Buf gave you and install.sh logs in; without it, install.sh assumes you are logged in already.`,
    );
  }
  for (const input of platformSecretInputs(s)) {
    lines.push(`- \`${input.env}\`: ${input.description}.`);
  }
  return lines;
}

/** Which of the guide's two load-balancer flows this bundle follows (domain 3 S3). */
function lbFlow(s: Scenario): string[] {
  if (s.exposure !== "load-balancer") return [];
  return s.loadBalancer.hostSource === "known"
    ? [
        "The load balancer's address was given up front, so the values file carries `kafka.publicAddress` and one pass installs everything.",
        "",
      ]
    : [
        "The load balancer's address is read after install: install.sh installs, waits for the address, then upgrades with `--set-string kafka.publicAddress.host=<address>`.",
        "",
      ];
}

function stepsSection(s: Scenario, install: ScriptStep[], verify: ScriptStep[]): string[] {
  return [
    "## Install",
    "",
    "You need:",
    "",
    ...prerequisites(s),
    "",
    "Then run `bash install.sh` from this folder. Every step is safe to re-run (`helm upgrade --install`):",
    "",
    ...lbFlow(s),
    ...[...install, ...verify].map((step, i) => `${i + 1}. ${step.title}`),
    "",
  ];
}

/** Names of the install.sh shell functions the verify steps call (lib/commands/lb-address.ts). */
const LB_HELPER_CALL = /\b(wait_for_lb_address|lb_address)\b/;

function verifySection(s: Scenario, verify: ScriptStep[]): string[] {
  // Pasted on their own, the snippets need install.sh's helper functions too.
  const needsHelpers = verify.some((step) => step.commands.some((c) => LB_HELPER_CALL.test(c)));
  const helpers = lbAddressHelpers(s);
  return [
    "## How to verify",
    "",
    "The last steps of install.sh check the install; run them again any time:",
    "",
    ...(needsHelpers
      ? [
          "Paste this first in the shell you run the snippets from: they call these helpers, which install.sh defines.",
          "",
          "```sh",
          ...helpers.commands,
          "```",
          "",
        ]
      : []),
    ...verify.flatMap((step) => [
      `### ${step.title}`,
      "",
      ...(step.detail ?? []).map((line) => line),
      ...((step.detail ?? []).length > 0 ? [""] : []),
      "```sh",
      ...step.commands,
      "```",
      "",
    ]),
  ];
}

/** What this layout decided where Bufstream's docs are silent (domain reference section 7). */
function decisionsSection(s: Scenario): string[] {
  const items: string[] = [];
  if (s.release.name !== "bufstream" || s.zones.enabled) {
    items.push(
      "`nameOverride` is set to the release name so the chart's Service and StatefulSet are named after it, and `kafka.publicAddress` is set explicitly: the chart's docs do not say whether its default advertised address follows `nameOverride`.",
    );
  }
  if (s.exposure === "headless") {
    items.push(
      s.install === "new"
        ? "The chart has no Kafka headless Service, so it is added through `extraObjects` and ships with the release; `bufstream.deployment.serviceName` is left alone, since the docs do not say which Service it should name."
        : `The chart has no Kafka headless Service, so it is a manifest of its own (\`${headlessServiceFileName(s.release.name)}\`) that install.sh applies: on an existing release, \`extraObjects\` would replace the release's own list (Helm replaces lists whole). \`bufstream.deployment.serviceName\` is left alone, since the docs do not say which Service it should name.`,
    );
  }
  if (installsEtcd(s)) {
    items.push(
      `etcd is installed with Bitnami's chart as release \`${etcdReleaseName(s)}\` before Bufstream, as Buf's Terraform does, with its settings (\`${etcdValuesFileName(s)}\`); it is installed once and never upgraded by re-runs. Bufstream's chart installs no metadata store.`,
    );
  }
  if (s.zones.enabled && s.exposure === "load-balancer") {
    items.push(
      "Per-zone load balancers: each zonal release gets its own, advertising only its zone's address.",
    );
    if (s.clients !== "outside-cluster") {
      items.push(
        `Clients in the cluster bootstrap from the regional Service \`${regionalServiceFileName(s.release.name)}\`: a ClusterIP Service over every zone's brokers (\`${s.release.name}.${s.release.namespace}.svc.cluster.local:9092\`), which install.sh applies; they are then handed their own zone's load-balancer address.`,
      );
    }
    if (s.clients !== "in-cluster") {
      items.push(
        s.zones.bootstrapHost === ""
          ? "Clients outside the cluster bootstrap through the first zone's load balancer. A cross-zone bootstrap address for them (e.g. one DNS name over every zone's load balancer) is yours to create: neither the chart nor this bundle creates it, and [Bufstream's network guide](https://buf.build/docs/bufstream/architecture/bufstream-network-deployment-guide/) does not say how."
          : `Clients outside the cluster bootstrap from \`${s.zones.bootstrapHost}\`, the address you entered: you create it (e.g. one DNS name over every zone's load balancer); neither the chart nor this bundle does, and [Bufstream's network guide](https://buf.build/docs/bufstream/architecture/bufstream-network-deployment-guide/) does not say how.`,
      );
    }
    if (s.loadBalancer.provider === "aws") {
      items.push(
        "Each NLB has cross-zone load balancing off; pin it to its zone's subnet with `service.beta.kubernetes.io/aws-load-balancer-subnets` (the wizard does not know your subnet ids).",
      );
    }
  }
  items.push(
    `The values use the chart keys documented up to v${CHART_KEYS_DOCUMENTED_UP_TO}; check them with \`helm show values <chart> --version <version>\` for your chart version (Bufstream 0.4 changed the broker's own configuration format; the docs do not yet say whether the Helm values changed with it).`,
  );
  return [
    "## Check before you install: what the Bufstream docs leave open",
    "",
    ...items.map((i) => `- ${i}`),
    "",
  ];
}

export function renderReadme(input: ReadmeInputs): string {
  const { s } = input;
  const { title, description } = describeTopology(s);
  const layering = buildValuesLayering(s);
  const header = input.provenance.map((line) => line.replace(/-->/g, "-- >")).join("\n");
  return [
    `<!-- ${header} -->`,
    "",
    `# Bufstream install bundle: \`${s.release.name}\` in namespace \`${s.release.namespace}\``,
    "",
    `**${title}.** ${description}`,
    "",
    ...(input.shareLink === null
      ? []
      : [`Open this scenario in the wizard: <${input.shareLink}>`, ""]),
    ...filesSection(input.files, input.fileRoles, layering),
    ...layeringSection(layering),
    ...topologySection(s, input.diagramFile),
    ...findingsSection(input.findings),
    ...stepsSection(s, input.commands.install, input.commands.verify),
    ...accessSection(s),
    ...verifySection(s, input.commands.verify),
    ...monitoringSection(s),
    ...decisionsSection(s),
    renderClientKitMarkdown(buildClientKit(s)).trimEnd(),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}

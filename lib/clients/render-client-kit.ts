// The client kit as Markdown, for the bundle's README.md. Per place clients
// run: a table of each zone's bootstrap.servers and client.id, the full
// snippets once (zones differ only in client.id), and each zone's metadata check.
import type { ClientKitEntry, ClientKitSnippet } from "./client-kit";

const FENCE: Record<ClientKitSnippet["language"], string> = {
  properties: "properties",
  shell: "sh",
  go: "go",
  javascript: "js",
};

const code = (value: string) => (value === "" ? "(not set)" : `\`${value}\``);

function fenced(snippet: ClientKitSnippet): string[] {
  return ["```" + FENCE[snippet.language], snippet.code.trimEnd(), "```", ""];
}

function renderLocation(entries: ClientKitEntry[]): string[] {
  const [first] = entries;
  if (first === undefined) return [];
  const zonal = first.zone !== null;
  const heading = zonal ? first.title.slice(0, first.title.lastIndexOf(", zone ")) : first.title;
  const notes = [...new Set(entries.flatMap((e) => e.notes))];
  const others = entries.slice(1);
  return [
    `### ${heading}`,
    "",
    ...(zonal
      ? ["| Zone | `bootstrap.servers` | `client.id` |", "| --- | --- | --- |"]
      : ["| `bootstrap.servers` | `client.id` |", "| --- | --- |"]),
    ...entries.map((e) =>
      zonal
        ? `| ${e.zone} | ${code(e.bootstrapServers)} | ${code(e.clientId)} |`
        : `| ${code(e.bootstrapServers)} | ${code(e.clientId)} |`,
    ),
    "",
    ...notes.map((note) => `- ${note}`),
    ...(notes.length > 0 ? [""] : []),
    ...(zonal
      ? [
          `The settings below are for zone ${first.zone}; other zones change only \`zone=\` in \`client.id\`.`,
          "",
        ]
      : []),
    ...first.snippets.flatMap((snippet) => [
      `#### ${snippet.title} (\`${snippet.fileName}\`)`,
      "",
      ...fenced(snippet),
    ]),
    ...(others.length > 0
      ? [
          "#### What the other zones' clients are told",
          "",
          ...others.flatMap((e) => e.snippets.filter((x) => x.id === "kcat").flatMap(fenced)),
        ]
      : []),
  ];
}

export function renderClientKitMarkdown(entries: ClientKitEntry[]): string {
  if (entries.length === 0) return "";
  const env = entries[0]?.env ?? [];
  const locations = [...new Set(entries.map((e) => e.location))];
  return [
    "## Client settings",
    "",
    "Each place clients run gets its own `bootstrap.servers` and `client.id`. Bufstream reads",
    "`key=value` options from `client.id`, separated by `,` or `;` (one kind per ID, no",
    "whitespace; `zone=<zone>` routes a client to its zone's brokers). Keep the name part",
    "unique per instance.",
    "",
    "Recommended settings (Bufstream docs): producers `linger.ms=200` and a `batch.size` of",
    "about 4 MiB; consumers `fetch.max.wait.ms=1000`; Java clients from Kafka 3.8",
    "`metadata.recovery.strategy=rebootstrap`.",
    "",
    ...(env.length > 0
      ? [
          "The snippets read secrets and file paths from these environment variables; no secret is written here:",
          "",
          ...env.map((v) => `- \`${v.name}\`: ${v.description}`),
          "",
        ]
      : []),
    ...locations.flatMap((location) =>
      renderLocation(entries.filter((e) => e.location === location)),
    ),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}

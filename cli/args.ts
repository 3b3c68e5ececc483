// Command-line parsing for `bufstream-wizard render` (node:util parseArgs).
import { parseArgs } from "node:util";

import { QUESTION_IDS, type Answers, type QuestionId } from "../lib/import/read-scenario";

/** Where share links point when neither --base-url nor a --link's own address says: `npm start`'s address. */
export const DEFAULT_BASE_URL = "http://localhost:3000/";
/** Environment variable naming the hosted wizard, e.g. in CI. */
export const BASE_URL_ENV = "BUFSTREAM_WIZARD_URL";

export const USAGE = `Usage: bufstream-wizard render (--scenario <file> | --link <url> | --values <file>...)
                              [--out <dir>] [--print-link] [--check] [--diff]

Reads one scenario and writes or prints what the wizard page would give for it.

Input (exactly one kind):
  --scenario <file>   a scenario JSON document ("-" reads standard input);
                      schema: public/scenario.schema.json
  --link <url>        a share link copied from the page (the whole URL, or the part after #)
  --values <file>     Helm values a release runs with ("-" reads standard input), e.g.
                        helm get values <release> -n <namespace> -o yaml | ... --values -
                      Repeat it in Helm's layering order: the shared file first, then each
                      zone's file (files that set zone: are zones; each zone's release layers
                      the shared files, then its own). The wizard reads the scenario they
                      describe; keys it does not model are kept and listed.
  --answer <id>=<value>
                      with --values: answer a question the values leave open (repeatable);
                      unanswered, the wizard uses its guess and says so. Questions:
                      ${QUESTION_IDS.join(", ")}

Actions (one or more):
  --out <dir>         write the bundle: the same files and bytes as the page's "Download all".
                      With --values: the corrected bundle, the wizard's files plus a
                      corrected-<file> for each values file: your values, corrected, with your
                      own keys (secret-looking values are left out and listed).
                      <dir> must not exist or be empty (see --force). Nothing is written when
                      the input is invalid.
  --print-link        print the share link of the scenario
  --check             print the topology check's findings, one JSON object per line
                      ({"id","severity","message","fix","fields"}); exit 1 if any is an error.
                      With --values, findings about the values come first and also carry
                      "file", "line", "key" and "resolved" (the corrected files fix it)
  --diff              with --values: print the difference between the values given and the
                      corrected values, key by key with the reason (not with --check)

Options:
  --base-url <url>    the wizard's address, used for share links (in --print-link and in the
                      bundle's README). Default: the --link's own address, else $${BASE_URL_ENV},
                      else ${DEFAULT_BASE_URL} (where \`npm start\` serves the wizard)
  --force             with --out: replace a non-empty directory
  -h, --help          show this help

Exit status: 0 done; 1 the clients would fail (--check found an error, or --out wrote files that
             will not work as configured); 2 invalid input or usage (nothing written); 3 internal error.
`;

export interface RenderOptions {
  scenario: string | undefined;
  link: string | undefined;
  /** Values files in Helm's layering order, or undefined. */
  values: string[] | undefined;
  answers: Answers;
  diff: boolean;
  out: string | undefined;
  printLink: boolean;
  check: boolean;
  baseUrl: string | undefined;
  force: boolean;
}

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "render"; options: RenderOptions }
  | { kind: "usage-error"; messages: string[] };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        scenario: { type: "string" },
        link: { type: "string" },
        values: { type: "string", multiple: true },
        answer: { type: "string", multiple: true },
        diff: { type: "boolean", default: false },
        out: { type: "string" },
        "print-link": { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        "base-url": { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return {
      kind: "usage-error",
      messages: [error instanceof Error ? error.message : String(error)],
    };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  const messages: string[] = [];
  const [command, ...extra] = positionals;
  if (command !== "render") {
    messages.push(
      command === undefined
        ? "Missing the command: render."
        : `Unknown command "${command}"; the command is render.`,
    );
  }
  if (extra.length > 0) messages.push(`Unexpected argument(s): ${extra.join(" ")}.`);
  const inputs = [values.scenario, values.link, values.values].filter((v) => v !== undefined);
  if (inputs.length !== 1) {
    messages.push(
      "Give exactly one of --scenario <file> or --link <url>, or one or more --values <file>.",
    );
  }
  if ((values.values ?? []).filter((file) => file === "-").length > 1) {
    messages.push("Standard input (-) can be read only once.");
  }
  const answers = parseAnswers(values.answer ?? [], messages);
  if (values.answer !== undefined && values.values === undefined) {
    messages.push("--answer only applies to --values.");
  }
  if (values.diff && values.values === undefined) messages.push("--diff only applies to --values.");
  if (values.diff && values.check) {
    messages.push("--check and --diff both print to standard output; run them one at a time.");
  }
  if (values.out === undefined && !values["print-link"] && !values.check && !values.diff) {
    messages.push("Say what to do: --out <dir>, --print-link, --check and/or --diff.");
  }
  if (values.out === "") messages.push("--out needs a directory.");
  if (values.force && values.out === undefined) messages.push("--force only applies to --out.");
  if (values["base-url"] !== undefined && !isHttpUrl(values["base-url"])) {
    messages.push(`--base-url must be an http(s) URL, such as ${DEFAULT_BASE_URL}.`);
  }
  if (messages.length > 0) return { kind: "usage-error", messages };
  return {
    kind: "render",
    options: {
      scenario: values.scenario,
      link: values.link,
      values: values.values,
      answers,
      diff: values.diff,
      out: values.out,
      printLink: values["print-link"],
      check: values.check,
      baseUrl: values["base-url"],
      force: values.force,
    },
  };
}

/** `--answer id=value`, each id a question the import asks. */
function parseAnswers(raw: readonly string[], messages: string[]): Answers {
  const answers: Partial<Record<QuestionId, string>> = {};
  for (const entry of raw) {
    const at = entry.indexOf("=");
    const id = at === -1 ? entry : entry.slice(0, at);
    const known = QUESTION_IDS.find((q) => q === id);
    if (at === -1 || known === undefined) {
      messages.push(
        `--answer takes <id>=<value>, with an id among ${QUESTION_IDS.join(", ")}; got "${entry}".`,
      );
      continue;
    }
    answers[known] = entry.slice(at + 1);
  }
  return answers;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// Command-line parsing for `bufstream-wizard render` (node:util parseArgs).
import { parseArgs } from "node:util";

/** Where share links point when neither --base-url nor a --link's own address says: `npm start`'s address. */
export const DEFAULT_BASE_URL = "http://localhost:3000/";
/** Environment variable naming the hosted wizard, e.g. in CI. */
export const BASE_URL_ENV = "BUFSTREAM_WIZARD_URL";

export const USAGE = `Usage: bufstream-wizard render (--scenario <file> | --link <url>) [--out <dir>] [--print-link] [--check]

Reads one scenario and writes or prints what the wizard page would give for it.

Input (exactly one):
  --scenario <file>   a scenario JSON document ("-" reads standard input);
                      schema: public/scenario.schema.json
  --link <url>        a share link copied from the page (the whole URL, or the part after #)

Actions (one or more):
  --out <dir>         write the bundle: the same files and bytes as the page's "Download all".
                      <dir> must not exist or be empty (see --force). Nothing is written when
                      the input is invalid.
  --print-link        print the share link of the scenario
  --check             print the topology check's findings, one JSON object per line
                      ({"id","severity","message","fix","fields"}); exit 1 if any is an error

Options:
  --base-url <url>    the wizard's address, used for share links (in --print-link and in the
                      bundle's README). Default: the --link's own address, else $${BASE_URL_ENV},
                      else ${DEFAULT_BASE_URL} (where \`npm start\` serves the wizard)
  --force             with --out: replace a non-empty directory
  -h, --help          show this help

Exit status: 0 done; 1 --check found an error; 2 invalid input or usage (nothing written); 3 internal error.
`;

export interface RenderOptions {
  scenario: string | undefined;
  link: string | undefined;
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
  if ((values.scenario === undefined) === (values.link === undefined)) {
    messages.push("Give exactly one of --scenario <file> or --link <url>.");
  }
  if (values.out === undefined && !values["print-link"] && !values.check) {
    messages.push("Say what to do: --out <dir>, --print-link and/or --check.");
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
      out: values.out,
      printLink: values["print-link"],
      check: values.check,
      baseUrl: values["base-url"],
      force: values.force,
    },
  };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

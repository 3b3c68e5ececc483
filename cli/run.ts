// `bufstream-wizard render`: argument handling and file writing only. Every
// output comes from lib/ (the same functions the page calls), so the CLI's
// bundle and the page's zip hold the same bytes.
import { buildBundle } from "../lib/bundle/build-bundle";
import { checkTopology } from "../lib/check/check-topology";
import { buildCorrectedBundle } from "../lib/import/corrected-bundle";
import type { ImportedValues } from "../lib/import/import-values";
import { buildShareLink } from "../lib/share/codec";
import { GENERATOR_VERSION } from "../lib/version";
import {
  BASE_URL_ENV,
  DEFAULT_BASE_URL,
  USAGE,
  isHttpUrl,
  parseCliArgs,
  type RenderOptions,
} from "./args";
import { readScenarioFile, readShareLink, type InputResult } from "./read-input";
import {
  diffText,
  readValuesInput,
  valuesFindingJson,
  valuesFindingLine,
  valuesFindings,
} from "./values-input";
import { writeBundle } from "./write-bundle";

export const EXIT_OK = 0;
export const EXIT_CHECK_ERRORS = 1;
export const EXIT_INVALID = 2;
export const EXIT_INTERNAL = 3;

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Bytes are read as strict UTF-8 (cli/read-input.ts). */
  readStdin: () => string | Uint8Array;
}

type Input =
  | (Extract<InputResult, { ok: true }> & { imported: ImportedValues | null })
  | Extract<InputResult, { ok: false }>;

function readInput(options: RenderOptions, io: CliIo): Input {
  if (options.values !== undefined) {
    const read = readValuesInput(options.values, options.answers, io.cwd, io.readStdin);
    if (!read.ok) return read;
    // The notes are worded for stderr already (note:, question:).
    return {
      ok: true,
      scenario: read.scenario,
      linkBase: null,
      notes: read.notes,
      imported: read.imported,
    };
  }
  const read =
    options.link !== undefined
      ? readShareLink(options.link)
      : readScenarioFile(options.scenario ?? "", io.cwd, io.readStdin);
  return read.ok
    ? { ...read, notes: read.notes.map((note) => `note: ${note}`), imported: null }
    : read;
}

/** --base-url, else the link's own address, else $BUFSTREAM_WIZARD_URL, else the default. */
function shareBaseUrl(
  options: RenderOptions,
  linkBase: string | null,
  io: CliIo,
): string | { error: string } {
  if (options.baseUrl !== undefined) return wizardDirectoryUrl(options.baseUrl);
  if (linkBase !== null) return wizardDirectoryUrl(linkBase);
  const fromEnv = io.env[BASE_URL_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    return isHttpUrl(fromEnv)
      ? wizardDirectoryUrl(fromEnv)
      : { error: `$${BASE_URL_ENV} must be an http(s) URL.` };
  }
  return DEFAULT_BASE_URL;
}

/**
 * The wizard's address as a directory: `https://acme.dev/wizard` is where the
 * static export serves `wizard/index.html` (every page is a directory, STACK.md
 * trap 4), so links go through its kind page, `…/wizard/s/<kind>/`, which only a
 * directory address gets (buildShareLink). An address naming a file
 * (`…/index.html`) or carrying a query is left as written.
 */
export function wizardDirectoryUrl(address: string): string {
  const url = new URL(address);
  const last = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
  if (url.search !== "" || last.includes(".")) return address;
  if (last !== "") url.pathname = `${url.pathname}/`;
  return url.href;
}

function render(options: RenderOptions, io: CliIo): number {
  const input = readInput(options, io);
  if (!input.ok) {
    for (const message of input.errors) io.stderr(`error: ${message}\n`);
    return EXIT_INVALID;
  }
  for (const note of input.notes) io.stderr(`${note}\n`);
  const baseUrl = shareBaseUrl(options, input.linkBase, io);
  if (typeof baseUrl !== "string") {
    io.stderr(`error: ${baseUrl.error}\n`);
    return EXIT_INVALID;
  }
  const shareLink = buildShareLink(baseUrl, input.scenario);

  const { imported, scenario } = input;
  let exitStatus = EXIT_OK;
  const findings = checkTopology(scenario);
  const found = imported === null ? [] : valuesFindings(imported, scenario, options.answers);
  if (!options.check) {
    for (const finding of found) {
      const line = valuesFindingLine(finding);
      if (line !== null) io.stderr(`${line}\n`);
    }
  }
  if (options.out !== undefined) {
    const ctx = { generatorVersion: GENERATOR_VERSION, shareLink };
    // From values: the corrected bundle, whose values files keep the user's own keys.
    const files =
      imported === null
        ? buildBundle(scenario, ctx)
        : buildCorrectedBundle(imported, scenario, ctx);
    const written = writeBundle(options.out, files, io.cwd, options.force);
    if (!written.ok) {
      io.stderr(`error: ${written.error}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`wrote ${files.length} files to ${written.dir}\n`);
    // Written is not working: say so, and exit 1, when the clients would still
    // fail with these files (with --check the findings below say it instead).
    const failing = findings.filter((f) => f.severity === "error");
    if (!options.check && failing.length > 0) {
      for (const f of failing) io.stderr(`error: ${f.message} Fix: ${f.fix}\n`);
      io.stderr(
        `These files will not work as configured: fix what the errors above name (on the page, or in a scenario file) and write them again.\n`,
      );
      exitStatus = EXIT_CHECK_ERRORS;
    }
  }
  if (options.printLink) io.stdout(`${shareLink}\n`);
  if (options.diff && imported !== null) io.stdout(diffText(imported, scenario));
  if (options.check) {
    // The values as they stand count, fixed in the corrected files or not: the release runs them.
    for (const finding of found) io.stdout(`${valuesFindingJson(finding)}\n`);
    for (const { id, severity, message, fix, fields } of findings) {
      io.stdout(`${JSON.stringify({ id, severity, message, fix, fields })}\n`);
    }
    const errors = [...found, ...findings].some((finding) => finding.severity === "error");
    if (errors) return EXIT_CHECK_ERRORS;
  }
  return exitStatus;
}

/** Runs the CLI; returns the exit status. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.kind === "help") {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (parsed.kind === "usage-error") {
      for (const message of parsed.messages) io.stderr(`error: ${message}\n`);
      io.stderr("Run with --help for usage.\n");
      return EXIT_INVALID;
    }
    return render(parsed.options, io);
  } catch (error) {
    io.stderr(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_INTERNAL;
  }
}

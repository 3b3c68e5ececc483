// `bufstream-wizard render`: argument handling and file writing only. Every
// output comes from lib/ (the same functions the page calls), so the CLI's
// bundle and the page's zip hold the same bytes.
import { buildBundle } from "../lib/bundle/build-bundle";
import { checkTopology } from "../lib/check/check-topology";
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

function readInput(options: RenderOptions, io: CliIo): InputResult {
  if (options.link !== undefined) return readShareLink(options.link);
  return readScenarioFile(options.scenario ?? "", io.cwd, io.readStdin);
}

/** --base-url, else the link's own address, else $BUFSTREAM_WIZARD_URL, else the default. */
function shareBaseUrl(
  options: RenderOptions,
  linkBase: string | null,
  io: CliIo,
): string | { error: string } {
  if (options.baseUrl !== undefined) return options.baseUrl;
  if (linkBase !== null) return linkBase;
  const fromEnv = io.env[BASE_URL_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    return isHttpUrl(fromEnv) ? fromEnv : { error: `$${BASE_URL_ENV} must be an http(s) URL.` };
  }
  return DEFAULT_BASE_URL;
}

function render(options: RenderOptions, io: CliIo): number {
  const input = readInput(options, io);
  if (!input.ok) {
    for (const message of input.errors) io.stderr(`error: ${message}\n`);
    return EXIT_INVALID;
  }
  for (const note of input.notes) io.stderr(`note: ${note}\n`);
  const baseUrl = shareBaseUrl(options, input.linkBase, io);
  if (typeof baseUrl !== "string") {
    io.stderr(`error: ${baseUrl.error}\n`);
    return EXIT_INVALID;
  }
  const shareLink = buildShareLink(baseUrl, input.scenario);

  if (options.out !== undefined) {
    const files = buildBundle(input.scenario, { generatorVersion: GENERATOR_VERSION, shareLink });
    const written = writeBundle(options.out, files, io.cwd, options.force);
    if (!written.ok) {
      io.stderr(`error: ${written.error}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`wrote ${files.length} files to ${written.dir}\n`);
  }
  if (options.printLink) io.stdout(`${shareLink}\n`);
  if (options.check) {
    const findings = checkTopology(input.scenario);
    for (const { id, severity, message, fix, fields } of findings) {
      io.stdout(`${JSON.stringify({ id, severity, message, fix, fields })}\n`);
    }
    if (findings.some((finding) => finding.severity === "error")) return EXIT_CHECK_ERRORS;
  }
  return EXIT_OK;
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

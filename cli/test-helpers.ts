// Test helpers for the CLI: a temporary working directory, an in-memory io,
// and a reader that returns a directory's files with their bytes and modes.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect } from "vitest";

import type { BundleFile } from "../lib/bundle/types";
import { EXIT_INVALID, runCli } from "./run";
import { fileMode } from "./write-bundle";
import type { CliIo } from "./run";

export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bufstream-cli-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface MemoryIo extends CliIo {
  out: string;
  err: string;
}

export function memoryIo(cwd: string, env: Record<string, string> = {}, stdin = ""): MemoryIo {
  const io: MemoryIo = {
    cwd,
    env,
    out: "",
    err: "",
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    readStdin: () => stdin,
  };
  return io;
}

export interface WrittenFile {
  name: string;
  bytes: Buffer;
  mode: number;
}

export function readWritten(dir: string): WrittenFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      bytes: readFileSync(path.join(dir, name)),
      mode: statSync(path.join(dir, name)).mode & 0o777,
    }));
}

/** What a directory must hold for `files`: the same names, UTF-8 bytes and the zip's modes. */
export function expectedFiles(files: readonly BundleFile[]): WrittenFile[] {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((file) => ({
      name: file.name,
      bytes: Buffer.from(file.content, "utf8"),
      mode: fileMode(file),
    }));
}

/**
 * Runs the CLI in `dir` and asserts it refused the input: exit 2, exactly one
 * `error:` line per expected message, in order, nothing on stdout, and nothing
 * written (no output directory, no temporary one beside it).
 */
export function expectRefused(dir: string, argv: string[], messages: readonly RegExp[]): void {
  const io = memoryIo(dir);
  const listing = readdirSync(dir).sort();
  expect(runCli(argv, io)).toBe(EXIT_INVALID);
  const lines = io.err.trimEnd().split("\n");
  expect(lines).toHaveLength(messages.length);
  messages.forEach((message, i) => expect(lines[i]).toMatch(message));
  expect(io.out).toBe("");
  expect(readdirSync(dir).sort()).toEqual(listing);
}

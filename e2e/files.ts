import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { parse } from "yaml";

export const run = promisify(execFile);

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `bufstream-wizard-e2e-${prefix}-`));
}

/** A zip's entries by name. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const entries = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data)]));
}

/**
 * A bundle zip's files by name: every entry must sit in the one folder the zip
 * unpacks into (`<release>-bundle/`), which is stripped.
 */
export function unzipBundle(bytes: Buffer, folder: string): Map<string, Buffer> {
  const entries = unzip(bytes);
  const outside = [...entries.keys()].filter((name) => !name.startsWith(`${folder}/`));
  if (outside.length > 0) throw new Error(`zip entries outside ${folder}/: ${outside.join(", ")}`);
  return new Map([...entries].map(([name, data]) => [name.slice(folder.length + 1), data]));
}

/** Every file of a directory tree by relative path (POSIX separators). */
export async function readTree(dir: string, prefix = ""): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      for (const [inner, data] of await readTree(full, name)) files.set(inner, data);
    } else {
      files.set(name, await readFile(full));
    }
  }
  return files;
}

/** Values YAML as a plain object tree. */
export function parseValues(text: string): Record<string, unknown> {
  const value: unknown = parse(text);
  if (value === null || typeof value !== "object") throw new Error("values file is not a map");
  return value as Record<string, unknown>;
}

/** `obj.a.b.c` by path, for YAML trees whose keys contain dots (annotations). */
export function at(tree: unknown, ...keys: string[]): unknown {
  let node = tree;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Writes a script to a temp dir and checks it with `bash -n` and shellcheck; rejects on failure. */
export async function checkShellScript(text: string): Promise<void> {
  const dir = await tempDir("sh");
  const file = path.join(dir, "install.sh");
  await writeFile(file, text);
  await run("bash", ["-n", file]);
  await run("shellcheck", [file]);
}

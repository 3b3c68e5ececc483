// Writes a bundle into a directory all at once: every file goes into a fresh
// temporary directory beside the target, which is then renamed into place. A
// failure leaves no half-written directory behind (issue 4).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

import type { BundleFile } from "../lib/bundle/types";

export type WriteResult = { ok: true; dir: string } | { ok: false; error: string };

/** Unix modes matching the zip's (lib/bundle/zip.ts): the script executable, the rest read/write. */
export function fileMode(file: BundleFile): number {
  return file.kind === "script" ? 0o755 : 0o644;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Why `target` must not be written (or replaced), or null. */
function refuseTarget(target: string, cwd: string, force: boolean): string | null {
  if (!existsSync(target)) return null;
  if (!statSync(target).isDirectory()) return `${target} exists and is not a directory.`;
  if (readdirSync(target).length === 0) return null;
  if (!force)
    return `${target} is not empty; choose a new directory, or add --force to replace it.`;
  // --force replaces the whole directory: never one holding the working directory or home.
  if (isInside(cwd, target) || target === os.homedir() || target === path.parse(target).root) {
    return `${target} holds the working directory, home or root; --force will not replace it.`;
  }
  return null;
}

export function writeBundle(
  outDir: string,
  files: readonly BundleFile[],
  cwd: string,
  force: boolean,
): WriteResult {
  const target = path.resolve(cwd, outDir);
  const badName = files.find(
    (file) => file.name !== path.basename(file.name) || file.name.startsWith("."),
  );
  if (badName !== undefined)
    return { ok: false, error: `refusing to write a file named ${JSON.stringify(badName.name)}.` };
  const refusal = refuseTarget(target, cwd, force);
  if (refusal !== null) return { ok: false, error: refusal };

  const parent = path.dirname(target);
  let temp: string | null = null;
  let backup: string | null = null;
  try {
    mkdirSync(parent, { recursive: true });
    temp = mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`));
    for (const file of files) {
      const where = path.join(temp, file.name);
      writeFileSync(where, file.content, { encoding: "utf8", flag: "wx" });
      chmodSync(where, fileMode(file));
    }
    chmodSync(temp, 0o755);
    if (existsSync(target) && readdirSync(target).length > 0) {
      backup = mkdtempSync(path.join(parent, `.${path.basename(target)}.old-`));
      renameSync(target, path.join(backup, "previous"));
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      if (backup !== null) renameSync(path.join(backup, "previous"), target);
      throw error;
    }
    temp = null;
    return { ok: true, dir: target };
  } catch (error) {
    return {
      ok: false,
      error: `cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    if (temp !== null) rmSync(temp, { recursive: true, force: true });
    if (backup !== null) rmSync(backup, { recursive: true, force: true });
  }
}

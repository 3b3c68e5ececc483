// The only importer of fflate's zip (DESIGN.md section 5). Deterministic: the
// same files give byte-identical archives (fixed timestamps, given order).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { BundleFile } from "./types";

/**
 * fflate writes DOS timestamps from the Date's *local* fields, so a fixed
 * instant would give different bytes in different time zones. A Date built
 * from local fields has the same local fields everywhere: 1980-01-01 00:00,
 * the earliest DOS time, as reproducible-build tools use.
 */
function fixedModificationTime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Unix mode in the zip's external attributes: install.sh executable, the rest read-only. */
function attrs(file: BundleFile): number {
  const mode = file.kind === "script" ? 0o100755 : 0o100644;
  return mode << 16;
}

/**
 * The bundle as a zip whose entries all sit in one folder (`<folder>/<file>`), so
 * unpacking it makes that folder instead of scattering files (bundleFolderName).
 */
export function zipBundle(files: readonly BundleFile[], folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    entries[`${folder}/${file.name}`] = [
      strToU8(file.content),
      { mtime: fixedModificationTime(), attrs: attrs(file), os: 3, level: 6 },
    ];
  }
  return zipSync(entries);
}

/** Entry path -> text, in archive order: reads a bundle zip back (tests, CLI checks). */
export function unzipBundle(bytes: Uint8Array): Array<{ name: string; content: string }> {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({
    name,
    content: strFromU8(data),
  }));
}

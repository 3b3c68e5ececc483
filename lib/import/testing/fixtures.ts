// Test support: the values fixtures under lib/import/__fixtures__ as sources.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ValuesSource } from "../parse-values";

export const FIXTURES_DIR = path.join(__dirname, "..", "__fixtures__");

/** A fixture: one file, or a folder of a shared file and zone files (shared first, as Helm layers them). */
export function fixtureSources(name: string): ValuesSource[] {
  const full = path.join(FIXTURES_DIR, name);
  const files = name.endsWith(".yaml")
    ? [full]
    : readdirSync(full)
        .sort((a, b) =>
          a === "bufstream-values.yaml"
            ? -1
            : b === "bufstream-values.yaml"
              ? 1
              : a.localeCompare(b),
        )
        .map((file) => path.join(full, file));
  return files.map((file) => ({ name: path.basename(file), text: readFileSync(file, "utf8") }));
}

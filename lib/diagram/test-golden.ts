// Golden files for the diagram tests (STYLE.md habit 8): real `.mmd` files a
// reviewer can read and render. `UPDATE_GOLDEN=1 npx vitest run lib/diagram`
// rewrites them; otherwise a test compares with toBe.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "__golden__");

/** The golden text for `name`, written first when UPDATE_GOLDEN=1; null when missing. */
export function readGolden(name: string, actual: string): string | null {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function cssModules(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".module.css"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("wizard-loader", () => {
  // Without this the static HTML would be unstyled until the lazy wizard loads.
  it("imports every CSS module of components/ so the page's stylesheet has their rules", () => {
    const loader = readFileSync(path.join(root, "components/wizard/wizard-loader.tsx"), "utf8");
    const imported = [...loader.matchAll(/^import (?:\w+ from )?"@\/(.+\.module\.css)";$/gm)].map(
      (m) => m[1],
    );
    const found = cssModules("components");
    expect(found.length).toBeGreaterThan(0);
    expect(imported.sort()).toEqual(found.sort());
  });
});

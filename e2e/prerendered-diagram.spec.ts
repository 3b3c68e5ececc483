// Issue 12: the build-time drawing of the default diagram is reproducible. With
// the shipped fonts embedded and awaited, the same Chromium redraws it (and the
// font metrics and symbol font it depends on) byte for byte; a change to the
// diagram, the fonts or Mermaid's options that was not redrawn fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { drawDefaultDiagram, launchDrawingBrowser } from "../scripts/prerender-diagram";
import { expect, test } from "./fixtures";

test("the build-time diagram redraws byte for byte (else: npm run draw-default-diagram)", async () => {
  test.setTimeout(120_000);
  const browser = await launchDrawingBrowser();
  try {
    const { files } = await drawDefaultDiagram(browser);
    expect([...files.keys()].sort()).toEqual([
      "components/diagram/prerendered-topology.ts",
      "components/ui/fonts/wizard-symbols.woff2",
      "lib/diagram/text-metrics.ts",
      "public/prerendered/default-topology-dark.svg",
      "public/prerendered/default-topology-light.svg",
    ]);
    for (const [file, content] of files) {
      const committed = readFileSync(path.join(process.cwd(), file));
      expect(committed.equals(Buffer.from(content)), `${file} differs from a fresh drawing`).toBe(
        true,
      );
    }
  } finally {
    await browser.close();
  }
});

// Users have never seen our research notes: no page text, label or tooltip may
// cite "domain 2.3", "gotcha 13", "open question 5" or "[inferred]" (code comments
// may). The generated files, findings and client views are held to the same rule
// for every preset and random scenarios by lib/bundle/user-text.test.ts; this
// checks what the page itself renders around them, for every preset.
import { PRESETS } from "../lib/scenario/presets";
import { expect, test } from "./fixtures";

const INTERNAL_REFERENCE =
  /\bdomain( reference)? (section )?\d|\bgotchas? \d|\bopen questions? \d|\[inferred\]/i;

test("no page text cites internal research references, for any preset", async ({
  page,
  wizard,
}) => {
  await wizard.open();
  const pageText = () =>
    page.evaluate(() => {
      const attributes = [...document.querySelectorAll("[title], [aria-label], [alt]")].flatMap(
        (el) => ["title", "aria-label", "alt"].map((name) => el.getAttribute(name) ?? ""),
      );
      return [document.title, document.body.innerText, ...attributes].join("\n");
    });
  const leaks: string[] = [];
  for (const preset of PRESETS) {
    await wizard.loadPreset(preset.title);
    for (const line of (await pageText()).split("\n")) {
      if (INTERNAL_REFERENCE.test(line)) leaks.push(`${preset.id}: ${line.trim()}`);
    }
  }
  expect(leaks).toEqual([]);
});

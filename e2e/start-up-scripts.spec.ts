// Issue 14: the scripts the wizard runs as it starts carry V8's eager-compilation
// hint (scripts/compile-hints.ts), and the chunks loaded later, mermaid's, do not.
import { startUpScriptUrls } from "../scripts/start-up-html";
import { expect, test } from "./fixtures";

const HINT = "//# allFunctionsCalledOnLoad\n";

test("the start-up scripts are marked for eager compilation, and the chunks loaded later are not", async ({
  wizard,
  guard,
  request,
  origin,
}) => {
  const html = await (await request.get("./")).text();
  const startUp = new Set(startUpScriptUrls(html).map((src) => new URL(src, "http://x").pathname));
  expect(startUp.size).toBeGreaterThan(8);

  // Answers that differ from the defaults: the page draws with mermaid, loaded now.
  await wizard.open();
  await wizard.chooseClients("Outside the cluster");
  await wizard.diagramSvg();
  const chunks = [
    ...new Set(
      guard.requests
        .map((url) => new URL(url).pathname)
        .filter((pathname) => /\/_next\/static\/chunks\/[^/]+\.js$/.test(pathname)),
    ),
  ];
  const later = chunks.filter((pathname) => !startUp.has(pathname));
  expect(later.length).toBeGreaterThan(0);
  for (const pathname of startUp) {
    const code = await (await request.get(`${origin}${pathname}`)).text();
    expect(code.startsWith(HINT), `${pathname} begins with the hint`).toBe(true);
  }
  for (const pathname of later) {
    const code = await (await request.get(`${origin}${pathname}`)).text();
    expect(code.includes("allFunctionsCalledOnLoad"), `${pathname} has no hint`).toBe(false);
  }
});

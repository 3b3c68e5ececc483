// Parses and renders every golden Mermaid file in Chromium, with the options
// the page uses (securityLevel "strict"). Mermaid cannot parse in Node
// (STACK.md trap 1), so unit tests pin the text and this script proves that
// the text is a diagram mermaid accepts and draws.
//
//   npx tsx scripts/check-mermaid.ts [file.mmd …]
//
// Without arguments it checks lib/**/__golden__/*.mmd. Prints one line per
// file and exits 1 if any fails. Needs Debian's Chromium at /usr/bin/chromium
// (or CHROMIUM_PATH).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function goldenFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...goldenFiles(full));
    else if (entry.endsWith(".mmd") && full.includes(`${path.sep}__golden__${path.sep}`)) {
      found.push(full);
    }
  }
  return found.sort();
}

interface Result {
  ok: boolean;
  message: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files =
    args.length > 0 ? args.map((f) => path.resolve(f)) : goldenFiles(path.join(root, "lib"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // STACK.md trap 10: without the background-networking flags Chromium floods the closed network.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  let failures = 0;
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ path: path.join(root, "node_modules/mermaid/dist/mermaid.min.js") });
    await page.evaluate(() => {
      const w = window as unknown as { mermaid: { initialize(c: object): void } };
      w.mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        suppressErrorRendering: true,
      });
    });
    for (const [index, file] of files.entries()) {
      const text = readFileSync(file, "utf8");
      const result = await page.evaluate(
        async ({ text, id }): Promise<Result> => {
          const w = window as unknown as {
            mermaid: {
              parse(t: string): Promise<unknown>;
              render(id: string, t: string): Promise<{ svg: string }>;
            };
          };
          try {
            await w.mermaid.parse(text);
            const { svg } = await w.mermaid.render(id, text);
            const holder = document.createElement("div");
            holder.innerHTML = svg;
            const scripts = holder.querySelectorAll("script").length;
            if (scripts > 0)
              return { ok: false, message: `rendered SVG holds ${scripts} <script>` };
            return { ok: true, message: `${svg.length} bytes of SVG` };
          } catch (error) {
            return { ok: false, message: error instanceof Error ? error.message : String(error) };
          }
        },
        { text, id: `check-${index}` },
      );
      if (!result.ok) failures += 1;
      console.log(`${result.ok ? "ok  " : "FAIL"} ${path.relative(root, file)}: ${result.message}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${files.length - failures} passed, ${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();

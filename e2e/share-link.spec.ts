// Issue 4: a copied link restores the same scenario elsewhere; the CLI writes the
// same bundle for it; hostile links never execute or render markup.
import path from "node:path";
import { findPreset } from "../lib/scenario/presets";
import { buildShareLink, encodeScenario } from "../lib/share/codec";
import { buildLinkKind } from "../lib/share/link-kind";
import { LINK_KIND_TEXT } from "../lib/share/link-kind-text";
import { readTree, run, tempDir, unzip } from "./files";
import { expect, test } from "./fixtures";
import { findInjectedMarkup, hostileLinks, PAYLOADS } from "./injection";
import type { WizardPage } from "./wizard-page";

const preset = findPreset("zone-aware-per-zone-nlbs");

/** Every generated file's text as the page shows it, tab by tab. */
async function shownFiles(wizard: WizardPage): Promise<Record<string, string>> {
  // The preset's zone files exist only once its answers (the link's) are applied.
  const zoneFile = `${preset?.scenario.release.name}-${preset?.scenario.zones.names[1]}-values.yaml`;
  await wizard.page.getByRole("tab", { name: zoneFile, exact: true }).waitFor();
  const names = await wizard.fileTabs.allTextContents();
  const files: Record<string, string> = {};
  for (const name of names) {
    await wizard.selectFile(name);
    files[name] = (await wizard.fileText(name).textContent()) ?? "";
  }
  return files;
}

test("a copied link opens the same scenario in a fresh browser, and the CLI writes the same bundle", async ({
  wizard,
  page,
  origin,
  freshPage,
}) => {
  if (!preset) throw new Error("preset zone-aware-per-zone-nlbs is missing");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await wizard.open();
  await wizard.loadPreset(preset.title);
  // An edit on top of the preset, so the link carries more than a preset id.
  await page
    .getByLabel(`Load balancer host for ${preset.scenario.zones.names[1]}`)
    .fill("kafka-b.prod.acme-corp.net");
  const zoneFile = `${preset.scenario.release.name}-${preset.scenario.zones.names[1]}-values.yaml`;
  await wizard.selectFile(zoneFile);
  await expect(wizard.fileText(zoneFile)).toContainText("kafka-b.prod.acme-corp.net");
  const files = await shownFiles(wizard);
  expect(Object.values(files).join("\n")).toContain("kafka-b.prod.acme-corp.net");

  await wizard.copyLinkButton.click();
  await expect(wizard.copyLinkStatus).toHaveText("Copied");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v1\./);
  expect(link.startsWith(new URL("./", page.url()).toString())).toBe(true);

  // A teammate opens it: no storage, no history.
  const teammate = await freshPage();
  await teammate.page.goto(link);
  await teammate.wizard.waitUntilInteractive();
  expect(await shownFiles(teammate.wizard)).toEqual(files);
  // The served defaults' markup, hidden and then removed as the link's answers
  // replaced it (components/wizard/wizard.tsx), is all gone: one of each part.
  await expect(teammate.page.locator("form.wizard-form")).toHaveCount(1);
  await expect(teammate.page.locator("section.wizard-outputs")).toHaveCount(1);
  await expect(teammate.page.locator("nav.answers-results-bar")).toHaveCount(1);

  // The page's zip and the CLI's --out directory hold the same bytes.
  const zip = await teammate.wizard.download(teammate.wizard.downloadAllButton);
  // The zip unpacks into one folder named after the release.
  const folder = `${preset.scenario.release.name}-bundle/`;
  const entries = unzip(zip.bytes);
  expect([...entries.keys()].every((name) => name.startsWith(folder))).toBe(true);
  const zipped = new Map([...entries].map(([name, bytes]) => [name.slice(folder.length), bytes]));
  const out = path.join(await tempDir("cli"), "bundle");
  await run(
    path.join("node_modules", ".bin", "tsx"),
    ["cli/main.ts", "render", "--link", link, "--out", out],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const written = await readTree(out);
  expect([...written.keys()].sort()).toEqual([...zipped.keys()].sort());
  for (const [name, bytes] of zipped) {
    expect(written.get(name)?.equals(bytes), `${name} differs between the page and the CLI`).toBe(
      true,
    );
  }
});

test("a link through its scenario kind's page unfurls as that kind and opens the wizard at its root with the scenario", async ({
  wizard,
  page,
  request,
  baseURL,
}) => {
  const scenario = findPreset("aws-nlb-internal")?.scenario;
  if (!scenario || baseURL === undefined) throw new Error("preset aws-nlb-internal is missing");
  const kind = buildLinkKind(scenario);
  const link = buildShareLink(baseURL, scenario);
  expect(link).toBe(`${baseURL}s/${kind}/#${encodeScenario(scenario)}`);

  // What a chat app's unfurler fetches: the fragment is never sent, the kind's words are there.
  const stub = await request.get(link);
  expect(stub.status()).toBe(200);
  const html = await stub.text();
  const title = LINK_KIND_TEXT[kind].title;
  expect(/<meta property="og:title" content="([^"]*)"/.exec(html)?.[1]).toBe(title);
  expect(html).toContain(`<title>${title} · Bufstream networking wizard</title>`);
  expect(stub.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);

  // A browser is sent straight on to the wizard's root (the guard fails the test on
  // any CSP violation or off-origin request), the kind page left out of the history.
  await wizard.openLink(link);
  expect(page.url()).toBe(`${baseURL}#${encodeScenario(scenario)}`);
  await expect(wizard.linkSummary).toContainText("Scenario loaded from a link");
  await expect(wizard.loadBalancerHost).toHaveValue(scenario.loadBalancer.host);
  // Back leaves for where the user was (here the blank start page), not the kind page.
  await page.goBack();
  expect(page.url()).toBe("about:blank");
});

for (const [name, text] of Object.entries(PAYLOADS)) {
  test(`hostile links (${name} in every field) run nothing and render no markup`, async ({
    wizard,
    page,
  }) => {
    for (const { variant, payload, expectNotice } of hostileLinks(text)) {
      await page.goto("about:blank");
      await wizard.open(payload);
      if (expectNotice) {
        // The notice says the link was read (and what of it could not be used).
        await expect(wizard.linkNotice, variant).toBeVisible();
        await expect(wizard.linkNotice, variant).toContainText(/could not be (used|read)/);
        await wizard.diagramDrawn();
      } else {
        // The link's answers are valid and not the defaults: they are in the form
        // (the payload as a field's plain value), and mermaid has drawn them.
        await expect(page.locator("#field-storage-prefix"), variant).toHaveValue(text);
        await wizard.diagramSvg();
      }
      expect(await findInjectedMarkup(page), variant).toEqual([]);
    }
  });
}

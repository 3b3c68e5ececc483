// Issue 15: bring the values a release runs with. Paste them and see the
// drawing and the error, apply the fix and download the corrected bundle; drop
// three zone files at once; bad input changes nothing; secrets go nowhere.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { at, checkShellScript, parseValues, unzip, unzipBundle } from "./files";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import type { WizardPage } from "./wizard-page";

const FIXTURES = fileURLToPath(new URL("../lib/import/__fixtures__/", import.meta.url));
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

/** The same pattern as lib/bundle/user-text.test.ts: page text never cites internal notes. */
const INTERNAL_REFERENCE =
  /\bdomain( reference)? (section )?\d|\bgotchas? \d|\bopen questions? \d|\[inferred\]/i;

function importPanel(page: Page) {
  return {
    open: page.getByRole("button", { name: "Bring your values", exact: true }),
    paste: page.getByLabel("Paste your values (YAML)"),
    read: page.getByRole("button", { name: "Read pasted values" }),
    results: page.getByTestId("import-results"),
    errors: page.getByTestId("import-errors"),
    findings: page.getByTestId("import-findings"),
    diff: page.getByTestId("import-diff"),
    bundle: page.getByRole("button", { name: "Download corrected bundle (.zip)" }),
    question: (id: string) => page.getByTestId(`import-question-${id}`),
  };
}

async function pasteValues(
  wizard: WizardPage,
  text: string,
): Promise<ReturnType<typeof importPanel>> {
  const panel = importPanel(wizard.page);
  await panel.open.click();
  await panel.paste.fill(text);
  await panel.read.click();
  return panel;
}

/** Drops files on the "Bring your values" entry the way a browser does: one drop event carrying them all. */
async function dropFiles(
  page: Page,
  target: Locator,
  files: Array<{ name: string; text: string }>,
) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list)
      transfer.items.add(new File([file.text], file.name, { type: "application/yaml" }));
    return transfer;
  }, files);
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

test("paste values with the classic failure: the drawing and the error, then the fix and the corrected bundle", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  const panel = await pasteValues(wizard, fixture("broken-gcp-neg-cluster-ip.yaml"));

  // The form now holds the scenario: a guess that clients run outside, said to be a guess.
  await expect(panel.results).toBeVisible();
  await expect(panel.question("clients")).toContainText("Guess");
  await expect(panel.question("clients")).toContainText("network endpoint groups");
  await expect(
    wizard.group("Kafka clients run").getByRole("radio", { name: "Outside the cluster" }),
  ).toBeChecked();
  await expect(panel.paste).toHaveValue("");

  // The drawing and the error: clients are handed the in-cluster name.
  await expect(wizard.notWorkingBanner).toContainText("bufstream.bufstream.svc.cluster.local");
  const svg = await wizard.diagramSvg();
  await expect(svg).toContainText("✗");
  await expect(panel.findings).toContainText("GKE network endpoint groups");
  await expect(page.getByRole("heading", { name: /Kept as they are \(1\)/ })).toBeVisible();

  // The fix: a GKE internal load balancer on a reserved IP, which every broker advertises.
  await wizard.chooseExposure("Cloud load balancer");
  await wizard.chooseProvider("Google Cloud (GKE)");
  await wizard.chooseScheme("Internal");
  await wizard.chooseHostKnownNow();
  await wizard.loadBalancerHost.fill("10.20.0.50");
  await page.getByLabel("Reserved IP (optional)").fill("10.20.0.50");
  await expect(wizard.notWorkingBanner).toHaveCount(0);
  await expect(await wizard.diagramSvg()).not.toContainText("✗");
  await expect(panel.findings).toContainText("Fixed in the corrected files");
  await expect(panel.diff).toContainText("bufstream.service.type");
  await expect(panel.diff).toContainText("LoadBalancer");

  // The corrected bundle: the user's keys kept, the wizard's where it owns them.
  const { name, bytes } = await wizard.download(panel.bundle);
  expect(name).toBe("bufstream-corrected-bundle.zip");
  // Like every bundle zip, it unpacks into one folder named after it.
  const files = unzipBundle(bytes, "bufstream-corrected-bundle");
  // The wizard's own values, which install.sh layers on the release's, and the corrected whole set.
  expect(files.has("bufstream-values.yaml")).toBe(true);
  const values = parseValues(files.get("corrected-bufstream-values.yaml")?.toString("utf8") ?? "");
  expect(Object.keys(values).slice(0, 4)).toEqual(["storage", "bufstream", "metadata", "kafka"]);
  expect(at(values, "storage", "gcs", "bucket")).toBe("acme-bufstream-gcs");
  expect(at(values, "bufstream", "service", "type")).toBe("LoadBalancer");
  expect(at(values, "bufstream", "service", "annotations", "cloud.google.com/neg")).toContain(
    "exposed_ports",
  );
  expect(at(values, "kafka", "publicAddress", "host")).toBe("10.20.0.50");
  await checkShellScript(files.get("install.sh")?.toString("utf8") ?? "");

  const text = await page.locator("body").innerText();
  expect(text.split("\n").filter((line) => INTERNAL_REFERENCE.test(line))).toEqual([]);
});

test("drop three zone files at once: one zone-aware scenario, a release per zone", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  const zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
  const files = zones.map((zone) => {
    const name = `bufstream-${zone}-values.yaml`;
    return { name, text: fixture(path.join("docs-aws-zonal", name)) };
  });
  await dropFiles(page, page.locator(".import-entry"), files);

  const panel = importPanel(page);
  await expect(panel.results).toBeVisible();
  const order = page.getByRole("region", { name: "Files, in Helm's layering order" });
  for (const zone of zones) await expect(order).toContainText(`(zone ${zone})`);

  // The zone-aware scenario: one subgraph per zone in the drawing.
  await expect(page.getByLabel("Zone-aware routing: one Helm release per zone")).toBeChecked();
  const svg = await wizard.diagramSvg();
  for (const zone of zones) {
    await expect(
      svg.locator("g.cluster").filter({ hasText: new RegExp(`^\\s*zone ${zone}\\s*$`) }),
    ).toHaveCount(1);
  }
  // The docs' `name:` key, with file and line, fixed in the corrected files.
  await expect(panel.findings).toContainText("name is not a chart key");
  await expect(panel.findings).toContainText("bufstream-us-east-1a-values.yaml, line 4");
  for (const zone of zones) {
    await expect(
      page.locator(`[data-corrected-file="bufstream-${zone}-values.yaml"]`),
    ).toBeAttached();
  }
  await expectNoAxeViolations(page, "values imported, light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page, "values imported, dark");
});

test("bad input: a plain message naming the line, and the form keeps its answers @phone", async ({
  wizard,
}) => {
  await wizard.open();
  await wizard.chooseClients("Both inside and outside");
  const manifest =
    "# kubectl get service bufstream -o yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: bufstream\n";
  const panel = await pasteValues(wizard, manifest);
  await expect(panel.errors).toContainText(
    "pasted values:2: This is a Kubernetes manifest (kind Service), not Helm values.",
  );
  await expect(panel.paste).toHaveValue(manifest);
  await expect(
    wizard.group("Kafka clients run").getByRole("radio", { name: "Both inside and outside" }),
  ).toBeChecked();
  await expect(panel.results).toHaveCount(0);

  await panel.paste.fill("kafka:\n  publicAddress: {host: a\ncluster: b\n");
  await panel.read.click();
  await expect(panel.errors).toContainText(/pasted values:\d+: This is not valid YAML/);
});

test("values with secrets: not in the link, the storage, the downloads or the page", async ({
  wizard,
  page,
  guard,
}) => {
  const SECRETS = ["Hunter2-db-pass", "Sup3r-s3cret-admin", "tok-5b1c0ffee-77", "key-9f8e7d6c5b4a"];
  await wizard.open();
  const panel = await pasteValues(wizard, fixture("secrets.yaml"));
  await expect(panel.results).toBeVisible();
  // The local save and the link follow edits after a short delay; wait for both.
  await expect.poll(() => page.evaluate(() => window.location.hash.length)).toBeGreaterThan(1);
  await expect.poll(() => page.evaluate(() => window.localStorage.length)).toBeGreaterThan(0);
  await page.getByText("Your values as read (secrets masked)").click();
  for (const details of await page.locator(".import-file > summary").all()) await details.click();

  const downloads: string[] = [];
  const bundle = await wizard.download(panel.bundle);
  for (const [, data] of unzip(bundle.bytes)) downloads.push(data.toString("utf8"));
  for (const button of await page
    .getByRole("button", { name: /^Download corrected-.+\.yaml$/ })
    .all()) {
    downloads.push((await wizard.download(button)).bytes.toString("utf8"));
  }
  const all = await wizard.download(wizard.downloadAllButton);
  for (const [, data] of unzip(all.bytes)) downloads.push(data.toString("utf8"));
  expect(downloads.join("\n")).toContain("<secret not copied>");

  const state = await page.evaluate(() => ({
    href: window.location.href,
    local: JSON.stringify(Object.entries(window.localStorage)),
    session: JSON.stringify(Object.entries(window.sessionStorage)),
    html: document.documentElement.outerHTML,
    fields: [...document.querySelectorAll("input, textarea")]
      .map((el) => (el as HTMLInputElement).value)
      .join("\n"),
  }));
  const places: Array<[string, string]> = [
    ...Object.entries(state),
    ["downloads", downloads.join("\n")],
    ["requests", guard.requests.join("\n")],
  ];
  for (const secret of SECRETS) {
    for (const [where, text] of places) {
      expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    }
  }
  // The page does show the rest, masked where it must be.
  await expect(page.locator("[data-corrected-file]").first()).toContainText("••••••••");
  await expect(page.locator("[data-corrected-file]").first()).toContainText("LOG_FORMAT");
});

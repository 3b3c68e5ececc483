import { readFile } from "node:fs/promises";
import { expect, type Download, type Locator, type Page } from "@playwright/test";

export type ClientsChoice =
  "Inside the Kubernetes cluster" | "Outside the cluster" | "Both inside and outside";
export type ExposureChoice =
  "ClusterIP Service (the chart default)" | "Headless Service" | "Cloud load balancer";
export type ProviderChoice = "AWS (EKS)" | "Google Cloud (GKE)" | "Azure (AKS)" | "Other";

/** components/diagram/topology-diagram.tsx marks the first drawing with this name. */
export const FIRST_DIAGRAM_MARK = "bufstream-wizard:first-diagram";

/**
 * The wizard, as a user sees it: role and label locators only (STYLE.md habit 9),
 * plus the few test ids the UI exposes for outputs that have no better handle.
 */
export class WizardPage {
  constructor(readonly page: Page) {}

  /** Opens the wizard; `fragment` is a share-link payload (without `#`). */
  async open(fragment?: string): Promise<void> {
    await this.page.goto(fragment === undefined ? "./" : `./#${fragment}`);
    await this.waitUntilInteractive();
  }

  /**
   * Opens a whole share link as a user pasting it does: through its scenario
   * kind's page (`s/<slug>/#…`), which sends the browser on to the wizard's
   * root with the fragment, and waits for the wizard there.
   */
  async openLink(link: string): Promise<void> {
    const fragment = new URL(link).hash;
    await this.page.goto(link);
    await this.page.waitForURL(
      (url) => url.hash === fragment && !/\/s\/[^/]+\/$/.test(url.pathname),
    );
    await this.waitUntilInteractive();
  }

  /** "Scenario loaded from a link": what a page opened from a link shows first. */
  get linkSummary(): Locator {
    return this.page.getByTestId("link-summary");
  }

  /**
   * The page's code runs at the first sign of use (components/start-up/
   * start-up-script.ts): a pointer moving over the page is one, as for a user
   * reaching for a field. The wizard marks its form `data-hydrated` once React
   * owns the page and has applied anything done before (components/start-up/
   * use-start-up-claim.ts); from then on every edit updates the outputs at once.
   */
  async waitUntilInteractive(): Promise<void> {
    const hydrated = this.page.locator('form[data-hydrated="true"]');
    if ((await hydrated.count()) === 0) {
      // Two points, so the pointer moves even if it was already at one of them.
      await this.page.mouse.move(4, 4);
      await this.page.mouse.move(8, 8);
    }
    await hydrated.waitFor({ state: "attached" });
  }

  // ── form ──────────────────────────────────────────────────────────────────
  group(name: string): Locator {
    return this.page.getByRole("radiogroup", { name, exact: true });
  }

  /**
   * Picks an option of a radio group the way a user does: by clicking its label
   * (the styled label covers the native radio).
   */
  async pick(groupName: string, choice: string): Promise<void> {
    const group = this.group(groupName);
    const radio = group.getByRole("radio", { name: choice, exact: true });
    if (await radio.isChecked()) return;
    await group.getByText(choice, { exact: true }).click();
    await expect(radio).toBeChecked();
  }

  async chooseClients(choice: ClientsChoice): Promise<void> {
    await this.pick("Kafka clients run", choice);
  }

  async chooseExposure(choice: ExposureChoice): Promise<void> {
    await this.pick("Service type", choice);
  }

  async chooseProvider(choice: ProviderChoice): Promise<void> {
    await this.pick("Cloud provider", choice);
  }

  async chooseScheme(choice: "Internal" | "Internet-facing"): Promise<void> {
    await this.pick("Scheme", choice);
  }

  async chooseHostKnownNow(): Promise<void> {
    await this.pick("The load balancer's address", "I know the address now");
  }

  get loadBalancerHost(): Locator {
    return this.page.getByLabel("Load balancer host", { exact: true });
  }

  get exposureGroup(): Locator {
    return this.group("Service type");
  }

  /**
   * Loads a preset by its title. The presets step lists only the first few until
   * "Show all N layouts" is pressed (components/wizard/steps/presets-step.tsx).
   */
  async loadPreset(title: string): Promise<void> {
    const load = this.page.getByRole("button", { name: `Load preset: ${title}`, exact: true });
    const showAll = this.page.getByRole("button", { name: /^Show all \d+ layouts$/ });
    if ((await load.count()) === 0 && (await showAll.count()) > 0) {
      await showAll.click();
      await expect(showAll).toHaveCount(0);
    }
    await load.click();
    await expect(
      this.page.getByRole("heading", { name: `${title} (current)`, exact: true }),
    ).toBeVisible();
  }

  // ── outputs ───────────────────────────────────────────────────────────────
  get outputs(): Locator {
    return this.page.getByTestId("outputs");
  }

  get diagram(): Locator {
    return this.page.getByTestId("topology-diagram");
  }

  /**
   * The diagram of the current answers, once it is on screen: the drawing made
   * at build time (the default answers; components/diagram/mermaid-view.tsx) or
   * mermaid's own.
   */
  async diagramDrawn(): Promise<Locator> {
    const diagram = this.diagram;
    await expect(diagram, "the topology diagram is on the page").toBeAttached();
    await diagram.scrollIntoViewIfNeeded();
    await expect(diagram, "the current answers are drawn").toHaveAttribute(
      "data-diagram-state",
      /^(ready|prerendered)$/,
      { timeout: 30_000 },
    );
    return diagram.locator("svg, picture").first();
  }

  /** The topology SVG, once mermaid has drawn the current answers (not the defaults'). */
  async diagramSvg(): Promise<Locator> {
    // Bounded waits: while the answers are invalid there is no diagram at all, and
    // an unbounded wait would only end with the test's own timeout, blamed on
    // whatever happened to run next.
    const diagram = this.diagram;
    await expect(diagram, "the topology diagram is on the page").toBeAttached();
    await diagram.scrollIntoViewIfNeeded();
    await expect(diagram, "mermaid has drawn the current answers").toHaveAttribute(
      "data-diagram-state",
      "ready",
      { timeout: 30_000 },
    );
    return diagram.locator("svg").first();
  }

  /** The verdict at the top of the results (components/wizard/findings-summary.tsx). */
  get verdict(): Locator {
    return this.page.getByTestId("findings-summary");
  }

  /** The verdict, when it says the topology will not work. */
  get notWorkingBanner(): Locator {
    return this.page.locator('[data-testid="findings-summary"][data-status="fails"]');
  }

  /** The notice over the results while the answers are invalid and the outputs out of date. */
  get staleNotice(): Locator {
    return this.page.locator('[data-testid="outputs-stale"][data-shown="true"]');
  }

  get linkNotice(): Locator {
    return this.page.getByTestId("link-notice");
  }

  /** The files panel's tabs, one per generated file. */
  get fileTabs(): Locator {
    return this.page.getByRole("tablist", { name: "Generated files" }).getByRole("tab");
  }

  /** One generated file's tab in the files panel. */
  fileTab(name: string): Locator {
    return this.page
      .getByRole("tablist", { name: "Generated files" })
      .getByRole("tab", { name, exact: true });
  }

  /** Shows a generated file's tab in the files panel (only the shown file is on the page). */
  async selectFile(name: string): Promise<void> {
    await this.fileTab(name).click();
    await this.fileText(name).waitFor();
  }

  /** The text of a generated file, as the files panel shows it. */
  fileText(name: string): Locator {
    return this.page.locator(`pre[data-file="${name}"]`);
  }

  /** Findings listed on a form field (components/ui/field.tsx). */
  fieldFindings(path: string): Locator {
    return this.page.locator(`#field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}-findings`);
  }

  /** Clicks a button that downloads something and returns the file's bytes. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return readDownload(download);
  }

  async downloadFile(name: string): Promise<string> {
    const button = this.page.getByRole("button", { name: `Download ${name}`, exact: true });
    const { bytes } = await this.download(button);
    return bytes.toString("utf8");
  }

  get downloadAllButton(): Locator {
    return this.page.getByRole("button", { name: "Download all (.zip)" });
  }

  get copyLinkButton(): Locator {
    return this.page.getByRole("button", { name: "Copy link", exact: true });
  }

  get copyLinkStatus(): Locator {
    return this.page.getByTestId("copy-link-status");
  }
}

export async function readDownload(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

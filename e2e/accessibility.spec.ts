// Issue 7: axe finds nothing on any step or state, in light and dark. (The
// keyboard-only journey is in keyboard-only.spec.ts.)
import { expect, expectNoAxeViolations, test } from "./fixtures";
import type { WizardPage } from "./wizard-page";

/**
 * The wizard's states, each reached from the previous one. `diagram` says what the
 * outputs show once the state has settled: a drawn topology, or the last valid
 * answers' outputs under the "out of date" notice (invalid answers). Waiting for
 * the settled state matters: axe must audit the page as the user sees it, not a
 * redraw in progress.
 */
const STATES: {
  name: string;
  diagram: "drawn" | "stale";
  reach: (wizard: WizardPage) => Promise<void>;
}[] = [
  { name: "defaults (in-cluster, ClusterIP)", diagram: "drawn", reach: async () => {} },
  {
    name: "error finding (outside clients, ClusterIP)",
    diagram: "drawn",
    reach: async (wizard) => {
      await wizard.chooseClients("Outside the cluster");
      await expect(wizard.notWorkingBanner).toBeVisible();
    },
  },
  {
    name: "invalid answer (load balancer without host)",
    diagram: "stale",
    reach: async (wizard) => {
      await wizard.chooseExposure("Cloud load balancer");
      await wizard.chooseHostKnownNow();
      await wizard.loadBalancerHost.fill("");
    },
  },
  {
    name: "load balancer with host",
    diagram: "drawn",
    reach: async (wizard) => {
      await wizard.loadBalancerHost.fill("kafka.prod.acme-corp.net");
      await expect(wizard.notWorkingBanner).toHaveCount(0);
    },
  },
  {
    name: "zone-aware preset (all presets listed)",
    diagram: "drawn",
    reach: async (wizard) => {
      await wizard.loadPreset("Zone-aware with per-zone NLBs");
    },
  },
  {
    name: "complete install, answers missing (needed on the platform questions)",
    diagram: "stale",
    reach: async (wizard) => {
      await wizard.pick("Values to generate", "A complete install");
      await expect(wizard.page.getByRole("group", { name: "Object storage" })).toBeVisible();
    },
  },
  {
    name: "complete install, every answer given",
    diagram: "drawn",
    reach: async (wizard) => {
      const storage = wizard.page.getByRole("group", { name: "Object storage" });
      await storage.getByLabel("Bucket", { exact: true }).fill("acme-bufstream");
      await storage.getByLabel("Region", { exact: true }).fill("us-east-1");
      const identity = wizard.page.getByRole("group", { name: "Cloud identity" });
      await identity
        .getByLabel("IAM role ARN", { exact: true })
        .fill("arn:aws:iam::123456789012:role/bufstream");
      await identity.getByLabel("EKS cluster name", { exact: true }).fill("prod");
      await expect(wizard.staleNotice).toHaveCount(0);
    },
  },
  {
    // Closed <details> hide their content from axe; open them all once so the help
    // texts, the topology table and the Mermaid source are audited too. (Setting
    // `open` directly: clicking dozens of summaries would only test the clicks.)
    name: "complete install, every disclosure open",
    diagram: "drawn",
    reach: async (wizard) => {
      const opened = await wizard.page.locator("details").evaluateAll((all) => {
        for (const details of all) (details as HTMLDetailsElement).open = true;
        return all.length;
      });
      expect(opened).toBeGreaterThan(5);
    },
  },
  {
    name: "broken link notice",
    diagram: "drawn",
    reach: async (wizard) => {
      await wizard.page.goto("about:blank");
      await wizard.open("v1.AAAA");
      await expect(wizard.linkNotice).toBeVisible();
    },
  },
];

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe: every state in the ${colorScheme} theme`, async ({ wizard, page }) => {
    test.slow(); // nine states, each audited in full
    await page.emulateMedia({ colorScheme });
    await wizard.open();
    for (const state of STATES) {
      await test.step(state.name, async () => {
        await state.reach(wizard);
        if (state.diagram === "drawn") {
          await wizard.diagramDrawn();
        } else {
          await expect(wizard.staleNotice).toBeVisible();
          await wizard.diagramDrawn();
        }
        await expectNoAxeViolations(page, `${state.name}, ${colorScheme}`);
      });
    }
  });
}

// Issue 5: outside clients with a ClusterIP Service cannot connect; the wizard
// says so on the right field and in the diagram, and the fix clears it.
import { expect, test } from "./fixtures";

test("outside clients with ClusterIP: error on the Service field and a failing edge, fixed by a load balancer", async ({
  wizard,
}) => {
  await wizard.open();
  await wizard.chooseClients("Outside the cluster");
  await wizard.chooseExposure("ClusterIP Service (the chart default)");

  // The finding sits on the Service type field, as an error.
  const findings = wizard.fieldFindings("exposure");
  await expect(findings).toContainText("Will not work");
  await expect(wizard.exposureGroup).toHaveAttribute("aria-describedby", /field-exposure-findings/);
  await expect(wizard.notWorkingBanner).toBeVisible();

  // The diagram marks the failing step: a "✗" label on a red dashed edge.
  let svg = await wizard.diagramSvg();
  await expect(svg).toContainText("✗");
  await expect(svg.locator('path[style*="stroke-dasharray"]').first()).toBeAttached();

  // The fix: a load balancer with a host.
  await wizard.chooseExposure("Cloud load balancer");
  // The error the click resolved goes with its space, though the radios keep focus.
  const messageArea = wizard.exposureGroup.locator(":scope > .field-message");
  await expect(wizard.exposureGroup.locator("input:focus")).toHaveCount(1);
  await expect.poll(() => messageArea.evaluate((e) => (e as HTMLElement).offsetHeight)).toBe(0);
  await wizard.chooseHostKnownNow();
  await wizard.loadBalancerHost.fill("kafka.prod.acme-corp.net");
  await expect(wizard.notWorkingBanner).toHaveCount(0);
  await expect(wizard.fieldFindings("exposure").getByText("Will not work")).toHaveCount(0);
  svg = await wizard.diagramSvg();
  await expect(svg).toContainText("kafka.prod.acme-corp.net:9092");
  await expect(svg).not.toContainText("✗");
});

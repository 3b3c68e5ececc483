// Issue 2: clients outside the cluster through one internal AWS NLB.
import { at, checkShellScript, parseValues } from "./files";
import { expect, test } from "./fixtures";

const HOST = "kafka.internal.acme-corp.net";
const AWS = "service.beta.kubernetes.io/aws-load-balancer";

test("outside clients through an internal AWS NLB: diagram, values file and install.sh @phone", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.chooseClients("Outside the cluster");
  await wizard.chooseExposure("Cloud load balancer");
  await wizard.chooseProvider("AWS (EKS)");
  await wizard.chooseScheme("Internal");
  await wizard.chooseHostKnownNow();
  await wizard.loadBalancerHost.fill(HOST);

  // The diagram shows the load balancer and the address the brokers advertise.
  const svg = await wizard.diagramSvg();
  // (Label lines are separate: "AWS Network Load Balancer", then "(internal)".)
  await expect(svg).toContainText("AWS Network Load Balancer(internal)");
  await expect(svg).toContainText(`${HOST}:9092`);
  await expect(wizard.notWorkingBanner).toHaveCount(0);

  // The values file, downloaded, carries the address and the NLB annotations.
  await wizard.selectFile("bufstream-values.yaml");
  const valuesText = await wizard.downloadFile("bufstream-values.yaml");
  await expect(wizard.fileText("bufstream-values.yaml")).toHaveText(valuesText);
  const values = parseValues(valuesText);
  expect(at(values, "kafka", "publicAddress")).toEqual({ host: HOST, port: 9092 });
  expect(at(values, "bufstream", "service", "type")).toBe("LoadBalancer");
  expect(at(values, "bufstream", "service", "annotations")).toMatchObject({
    [`${AWS}-type`]: "external",
    [`${AWS}-nlb-target-type`]: "ip",
    [`${AWS}-scheme`]: "internal",
  });

  // install.sh parses and passes shellcheck.
  await wizard.selectFile("install.sh");
  const script = await wizard.downloadFile("install.sh");
  expect(script).toMatch(/helm upgrade --install/);
  await checkShellScript(script);

  // Phones: nothing wider than the screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

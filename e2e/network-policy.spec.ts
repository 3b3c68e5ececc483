// Issue 16: who may connect. The GKE complete install with network policies
// lets clients in two namespaces in; restricting Kafka to one namespace marks
// the other's client blocked (the check, the field and "What each client
// sees"); allowing it again fixes that, and the downloaded bundle carries the
// NetworkPolicies that admit both, with install.sh applying and checking them.
import { parse } from "yaml";
import { checkShellScript, unzipBundle } from "./files";
import { expect, test } from "./fixtures";

test("network policy: restrict clients to one namespace, see the other blocked, fix it, download the bundle", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.loadPreset("GKE complete install with network policies");
  await expect(
    page.getByRole("checkbox", { name: "Write NetworkPolicies for the brokers" }),
  ).toBeChecked();
  await expect(wizard.notWorkingBanner).toHaveCount(0);

  // Only the namespaces listed: orders.
  await wizard.pick("Allow Kafka (9092) from", "Only the namespaces and pods I list");
  const peers = page.getByRole("group", { name: "Namespaces and pods allowed to reach Kafka" });
  await peers.getByRole("button", { name: "Add allowed peer" }).click();
  await page.getByLabel("Allowed peer 1: namespace", { exact: true }).fill("orders");

  // The analytics client group is now blocked: an error on the list, the banner, the client view.
  await expect(peers).toContainText(
    "The NetworkPolicy blocks Kafka from namespace analytics, pods app=reporting",
  );
  await expect(wizard.notWorkingBanner).toContainText(
    "The NetworkPolicy blocks Kafka from namespace analytics",
  );
  const blockedView = page.getByRole("heading", {
    name: "Clients in the cluster (namespace analytics, pods app=reporting)",
  });
  await expect(blockedView).toBeVisible();
  const blockedCard = page.locator(".card").filter({ has: blockedView });
  await expect(blockedCard).toContainText("blocked: resolves, but this client is blocked");
  await expect(blockedCard).toContainText(
    "Blocked by the NetworkPolicy: Kafka (9092) is not allowed from namespace analytics",
  );
  const ordersCard = page
    .locator("div")
    .filter({
      has: page.getByRole("heading", { name: "Clients in the cluster (namespace orders)" }),
    })
    .last();
  await expect(ordersCard).not.toContainText("this client is blocked");

  // Fix: allow analytics' reporting pods too.
  await peers.getByRole("button", { name: "Add allowed peer" }).click();
  await page.getByLabel("Allowed peer 2: namespace", { exact: true }).fill("analytics");
  await page.getByLabel("Allowed peer 2: pod labels (optional)").fill("app=reporting");
  await expect(peers).not.toContainText("blocks Kafka");
  await expect(wizard.notWorkingBanner).toHaveCount(0);
  await expect(blockedCard).not.toContainText("this client is blocked");

  // The bundle: the policies admit both namespaces; install.sh applies and checks them.
  const { bytes } = await wizard.download(wizard.downloadAllButton);
  const files = unzipBundle(bytes, "bufstream-bundle");
  const policies = files.get("bufstream-network-policies.yaml")?.toString("utf8") ?? "";
  const docs = policies.split(/^---$/m).map(
    (text) =>
      parse(text) as {
        metadata: { name: string };
        spec: { ingress?: Array<{ from?: unknown[] }> };
      },
  );
  expect(docs.map((d) => d.metadata.name)).toEqual([
    "bufstream-kafka",
    "bufstream-admin",
    "bufstream-brokers",
    "bufstream-metrics",
    "bufstream-egress",
  ]);
  expect(docs[0]?.spec.ingress?.[0]?.from).toEqual([
    { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "orders" } } },
    {
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "analytics" } },
      podSelector: { matchLabels: { app: "reporting" } },
    },
    { podSelector: { matchLabels: { "bufstream.buf.build/cluster": "bufstream" } } },
  ]);
  const script = files.get("install.sh")?.toString("utf8") ?? "";
  expect(script).toContain(
    "kubectl apply --namespace bufstream -f bufstream-network-policies.yaml",
  );
  expect(script).toContain("kubectl run bufstream-kcat-check-2 --namespace analytics");
  await checkShellScript(script);
  expect(files.get("README.md")?.toString("utf8")).toContain("## Who may connect");
});

// Issue 11: whether Bufstream is already installed decides what install.sh
// does. By default the bundle updates a release that exists (its values are
// read and layered under this bundle's); a new install without storage and
// metadata is an error on the question itself; etcd asks where it runs.
import { expect, test } from "./fixtures";

test("install mode: layering explained by default, a new install needs storage and metadata, etcd asks where it runs", async ({
  wizard,
  page,
}) => {
  await wizard.open();
  const existing = "Already installed, or I keep its values in a file";
  await expect(
    wizard.group("Is Bufstream already installed?").getByRole("radio", { name: existing }),
  ).toBeChecked();
  await expect(wizard.notWorkingBanner).toHaveCount(0);

  // The install commands say which files Helm gets, first to last.
  const layering = page.getByTestId("values-layering");
  await layering.scrollIntoViewIfNeeded();
  await expect(layering.getByRole("listitem")).toHaveText([
    /^bufstream-current-values\.yaml: The values release bufstream runs with now/,
    /^bufstream-values\.yaml: This bundle's settings/,
  ]);
  await wizard.selectFile("install.sh");
  await expect(wizard.fileText("install.sh")).toContainText(
    "helm get values bufstream --namespace bufstream --output yaml",
  );

  // A new install with networking values only cannot run: the error sits on the question.
  await wizard.pick("Is Bufstream already installed?", "New install");
  await expect(wizard.fieldFindings("install")).toContainText("Will not work");
  await expect(wizard.notWorkingBanner).toContainText("A new install needs object storage");

  // A complete install: etcd (the chart's default store; on AWS the wizard
  // suggests PostgreSQL first) asks where it runs.
  await wizard.pick("Values to generate", "A complete install");
  // The storage and metadata questions now need answers, so the outputs wait
  // for them; the install question no longer says the choice just made fails.
  await expect(wizard.fieldFindings("install")).toHaveCount(0);
  await wizard.pick("Metadata store", "etcd");
  await page.getByLabel("Bucket", { exact: true }).fill("acme-bufstream");
  await page.getByLabel("Region", { exact: true }).fill("us-east-1");
  // On AWS a complete install suggests EKS Pod Identity, which needs these two.
  await page
    .getByLabel("IAM role ARN", { exact: true })
    .fill("arn:aws:iam::123456789012:role/BufstreamRole");
  await page.getByLabel("EKS cluster name", { exact: true }).fill("acme-eks");
  await expect(wizard.fieldFindings("metadata.etcd.source")).toContainText("Will not work");
  await wizard.pick("Where etcd runs", "Install etcd for me");
  await expect(wizard.notWorkingBanner).toHaveCount(0);
  await expect(layering.getByRole("listitem")).toHaveText([/^bufstream-values\.yaml: All of/]);
  await wizard.selectFile("bufstream-values.yaml");
  await expect(wizard.fileText("bufstream-values.yaml")).toContainText(
    "host: bufstream-etcd.bufstream.svc.cluster.local",
  );
  await wizard.selectFile("bufstream-etcd-values.yaml");
  await expect(wizard.fileText("bufstream-etcd-values.yaml")).toContainText(
    "autoCompactionMode: periodic",
  );
});

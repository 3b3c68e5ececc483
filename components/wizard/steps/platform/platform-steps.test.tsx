// Server-renders the platform questions with real form state, so a broken
// hook, a missing field or a wrong docs link fails here without a browser.
import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormProvider, useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { findPreset } from "@/lib/scenario/presets";
import type { Scenario } from "@/lib/scenario/schema";
import { fieldId } from "@/components/ui/field-ids";
import { ScenarioStateProvider } from "../../scenario-context";
import { ConnectionSecuritySteps, PlatformSteps } from "./index";

function Harness({ scenario, children }: { scenario: Scenario; children?: ReactNode }) {
  const form = useForm<Scenario>({ defaultValues: scenario });
  return (
    <FormProvider {...form}>
      <ScenarioStateProvider control={form.control}>{children}</ScenarioStateProvider>
    </FormProvider>
  );
}

function render(scenario: Scenario, element: ReactElement = createElement(PlatformSteps)) {
  return renderToStaticMarkup(createElement(Harness, { scenario }, element));
}

function preset(id: string): Scenario {
  const found = findPreset(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return structuredClone(found.scenario);
}

describe("PlatformSteps", () => {
  it("renders every platform area with its heading", () => {
    const html = render(preset("eks-s3-postgres"));
    for (const title of [
      "Object storage",
      "Cloud identity",
      "Metadata store",
      "Kafka TLS",
      "Authentication",
      "Observability",
      "Resources and scaling",
    ]) {
      expect(html).toContain(`>${title}</h3>`);
    }
  });

  it("shows the fields of the chosen services, bound to their schema paths", () => {
    const eks = render(preset("eks-s3-postgres"));
    for (const name of [
      "storage.bucket",
      "storage.region",
      "identity.awsRoleArn",
      "identity.awsClusterName",
      "metadata.postgres.secretName",
    ]) {
      expect(eks).toContain(`id="${fieldId(name)}"`);
    }
    expect(eks).not.toContain(`id="${fieldId("metadata.spanner.projectId")}"`);
    const gke = render(preset("gke-gcs-spanner"));
    expect(gke).toContain(`id="${fieldId("metadata.spanner.projectId")}"`);
    expect(gke).toContain(`id="${fieldId("identity.gcpServiceAccount")}"`);
    expect(gke).not.toContain(`id="${fieldId("storage.region")}"`);
  });

  it("names the environment variables install.sh reads, never a value", () => {
    const html = render(preset("aks-blob-postgres"));
    expect(html).toContain("<code>BUFSTREAM_POSTGRES_DSN</code>");
    expect(html).toContain("<code>AKS_OIDC_ISSUER</code>");
  });

  it("lists each zone's ServiceAccount for the identity binding", () => {
    const s = preset("eks-s3-postgres");
    s.zones.enabled = true;
    s.zones.names = ["us-east-1a", "us-east-1b"];
    const html = render(s);
    expect(html).toContain("<code>bufstream-service-account-us-east-1a</code>");
    expect(html).toContain("<code>bufstream-service-account-us-east-1b</code>");
  });

  it("links help to Bufstream's docs pages", () => {
    const html = render(preset("gke-gcs-spanner"));
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^https:\/\/buf\.build\/docs\/bufstream\//);
    expect(links).toContain("https://buf.build/docs/bufstream/deployment/gcp/deploy-spanner/");
  });
});

describe("ConnectionSecuritySteps", () => {
  it("lists the names the certificate must cover when TLS is on", () => {
    const s = preset("gke-gcs-spanner");
    s.tls.enabled = true;
    const html = render(s, createElement(ConnectionSecuritySteps));
    expect(html).toContain("<code>10.0.0.100</code>");
    expect(html).toContain("<code>BUFSTREAM_TLS_CERT_FILE</code>");
  });
});

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { HelpText, RadioGroupField, choicesFor } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { INSTALL_MODES, VALUES_SCOPES, type Scenario } from "@/lib/scenario/schema";
import { ConnectionSecuritySteps, PlatformSteps } from "./platform";
import { useProblems } from "../validation-context";
import { DOCS } from "./docs";

/** Answers only a complete install uses (lib/platform); TLS and auth apply in both scopes. */
const COMPLETE_ONLY = ["storage", "identity", "metadata", "observability", "resources"];

// Helm replaces a release's values with the files it is given, so whether a
// release exists decides what install.sh must do (lib/commands/layering.ts).
const INSTALL_CHOICES = choicesFor(INSTALL_MODES, {
  existing: {
    label: "Already installed, or I keep its values in a file",
    description:
      "install.sh reads the values the release has now (helm get values), or your own file named by BUFSTREAM_BASE_VALUES, and applies this bundle's values on top: only the keys the bundle sets change. It stops before any change when neither exists.",
  },
  new: {
    label: "New install",
    description:
      "No Bufstream release yet and no values of your own: this bundle's values are all Helm gets, so they must include object storage and a metadata store (a complete install).",
  },
});

const SCOPE_CHOICES = choicesFor(VALUES_SCOPES, {
  networking: {
    label: "Networking only",
    description:
      "The Service, advertised address, zone settings, TLS and authentication. Everything else (storage, metadata, identity, resources) stays as the values you layer them on have it.",
  },
  complete: {
    label: "A complete install",
    description:
      "Also object storage, metadata store, cloud identity, observability and resources: values a new install can run on, or that replace those keys of a release.",
  },
});

export function ScopeStep() {
  const { control } = useFormContext<Scenario>();
  const scope = useWatch({ control, name: "valuesScope" });
  // Invalid platform answers stay visible after switching to networking only:
  // hidden, they would block the outputs with no way to fix them.
  const platformProblem = useProblems().some((p) =>
    COMPLETE_ONLY.includes(p.path.split(".")[0] ?? ""),
  );
  return (
    <Section id="step-scope" step={5} title="Install or update, and what the values cover">
      <RadioGroupField
        name="install"
        label="Is Bufstream already installed?"
        options={INSTALL_CHOICES}
        help={
          <HelpText
            what="Helm builds a release's values from the chart's defaults and the files it is given, nothing else: applied alone, a networking-only file would reset a running release's storage and metadata to the chart's empty defaults."
            when="Already installed for a release that runs (e.g. from Buf's Terraform) or when your values live in Git; new install for a first install from this bundle alone."
            docs={DOCS.helmValues}
          />
        }
      />
      <RadioGroupField
        name="valuesScope"
        label="Values to generate"
        options={SCOPE_CHOICES}
        help={
          <HelpText
            what="Bufstream needs object storage and a metadata store to run. The wizard can write those settings too, or only the networking part."
            when="Networking only to change how clients connect to a release that runs; a complete install for a new cluster, or to manage every setting here."
            docs={DOCS.helmValues}
          />
        }
      />
      {scope === "complete" || platformProblem ? <PlatformSteps /> : <ConnectionSecuritySteps />}
    </Section>
  );
}

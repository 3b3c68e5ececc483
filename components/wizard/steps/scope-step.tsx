"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { HelpText, RadioGroupField, choicesFor } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { VALUES_SCOPES, type Scenario } from "@/lib/scenario/schema";
import { ConnectionSecuritySteps, PlatformSteps } from "./platform";
import { useProblems } from "../validation-context";
import { DOCS } from "./docs";

/** Answers only a complete install uses (lib/platform); TLS and auth apply in both scopes. */
const COMPLETE_ONLY = ["storage", "identity", "metadata", "observability", "resources"];

const SCOPE_CHOICES = choicesFor(VALUES_SCOPES, {
  networking: {
    label: "Networking only",
    description:
      "The Service, advertised address, zone settings, TLS and authentication: merge them into the values you already have.",
  },
  complete: {
    label: "A complete install",
    description:
      "Also object storage, metadata store, TLS, authentication, observability and resources: values ready to install.",
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
    <Section id="step-scope" step={5} title="What should the values cover?">
      <RadioGroupField
        name="valuesScope"
        label="Values to generate"
        options={SCOPE_CHOICES}
        help={
          <HelpText
            what="Bufstream also needs object storage and a metadata store to run. The wizard can write those settings too, or only the networking part."
            when="Networking only if you already have working values (e.g. from Buf's Terraform); a complete install for a new cluster."
            docs={DOCS.helmValues}
          />
        }
      />
      {scope === "complete" || platformProblem ? <PlatformSteps /> : <ConnectionSecuritySteps />}
    </Section>
  );
}

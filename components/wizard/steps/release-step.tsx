"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { HelpText, NumberField, TextField } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import {
  CHART_KEYS_DOCUMENTED_UP_TO,
  DEFAULT_CHART,
  DEFAULT_CHART_VERSION,
  LEGACY_CHART,
} from "@/lib/scenario/defaults";
import type { Scenario } from "@/lib/scenario/schema";
import { useHasProblem } from "../validation-context";
import { DOCS } from "./docs";

const CHART_CHOICES = [
  {
    id: "default",
    chart: DEFAULT_CHART,
    label: "Buf's public chart registry (no login)",
    description: DEFAULT_CHART,
  },
  {
    id: "legacy",
    chart: LEGACY_CHART,
    label: "The registry named in the docs (needs helm registry login)",
    description: LEGACY_CHART,
  },
  {
    id: "custom",
    chart: null,
    label: "Another chart reference",
    description: "A mirror or a repository chart.",
  },
] as const;

/** The chart: the two registries in circulation (domain 2.1) as choices, or any reference. */
function ChartField() {
  const { control, setValue } = useFormContext<Scenario>();
  const chart = useWatch({ control, name: "release.chart" });
  const selected = CHART_CHOICES.find((c) => c.chart === chart)?.id ?? "custom";
  return (
    <>
      <fieldset className="field field-choices" id="field-release-chart-choice">
        <legend className="field-label">Chart</legend>
        <div className="choices">
          {CHART_CHOICES.map((choice) => {
            const id = `field-release-chart-choice-${choice.id}`;
            return (
              <div className="choice" key={choice.id}>
                <input
                  id={id}
                  type="radio"
                  name="release-chart-choice"
                  value={choice.id}
                  checked={selected === choice.id}
                  aria-describedby={`${id}-desc`}
                  onChange={() =>
                    setValue("release.chart", choice.chart ?? "", {
                      shouldDirty: true,
                      shouldValidate: true,
                    })
                  }
                />
                <div className="choice-text">
                  <label htmlFor={id} className="choice-label">
                    {choice.label}
                  </label>
                  <p className="choice-description" id={`${id}-desc`}>
                    {choice.chart === null ? choice.description : <code>{choice.description}</code>}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        <div className="field-help">
          <HelpText
            what="Where Helm downloads the Bufstream chart. Two registries are in circulation."
            when="Buf's own install scripts moved to the public registry in June 2025; the docs still show the older one, which needs a key file from Buf and a helm registry login (the install script then includes that step)."
            docs={DOCS.deployAws}
          />
        </div>
      </fieldset>
      {selected === "custom" && (
        <TextField
          name="release.chart"
          label="Chart reference"
          placeholder="oci://registry.example.com/charts/bufstream"
          help={
            <HelpText what="An OCI reference (oci://registry/path/chart) or a repository chart (repo/chart)." />
          }
        />
      )}
    </>
  );
}

export function ReleaseStep() {
  const { control } = useFormContext<Scenario>();
  const zonesEnabled = useWatch({ control, name: "zones.enabled" });
  const showReplicas = useHasProblem("replicas") || !zonesEnabled;
  return (
    <Section
      id="step-release"
      step={4}
      title="Release"
      lead="Names used in every command and file."
    >
      <TextField
        name="release.name"
        label="Helm release name"
        size="medium"
        help={
          <HelpText
            what="The Helm release, and the name of the Service and StatefulSet the chart creates. Zone-aware, each zone's release is <name>-<zone>."
            when="Keep “bufstream” unless you run several Bufstream clusters in one namespace. Lowercase letters, digits and '-', at most 53 characters."
            docs={DOCS.helmValues}
          />
        }
      />
      <TextField
        name="release.namespace"
        label="Namespace"
        size="medium"
        help={
          <HelpText
            what="The Kubernetes namespace for Bufstream. The install script creates it if it is missing."
            when="The Bufstream guides use “bufstream”."
          />
        }
      />
      <ChartField />
      <TextField
        name="release.chartVersion"
        label="Chart version"
        size="short"
        help={
          <HelpText
            what="The chart version equals the Bufstream version; every command pins it, so installs are repeatable."
            when="Use the newest release you have tested."
            docs={DOCS.releases}
          >
            <p>
              {DEFAULT_CHART_VERSION}, the default, is the newest release the wizard knows. The
              values use the chart keys Bufstream&apos;s docs describe, which they do up to{" "}
              {CHART_KEYS_DOCUMENTED_UP_TO}: Bufstream 0.4 changed the broker&apos;s own
              configuration format, and the docs do not yet say whether the Helm values changed too.
              For 0.4 or later, compare the values with <code>helm show values</code> for your
              version before you install.
            </p>
          </HelpText>
        }
      />
      <TextField
        name="cluster"
        label="Cluster name"
        size="medium"
        help={
          <HelpText
            what="The Bufstream cluster name (values key cluster). Every zonal release shares it, and the regional Service selects pods by it."
            when="Keep “bufstream” unless you run more than one Bufstream cluster."
            docs={DOCS.helmValues}
          />
        }
      />
      {showReplicas && (
        <NumberField
          name="replicas"
          label="Brokers"
          min={1}
          max={100}
          help={
            <HelpText
              what="How many broker pods the release runs (bufstream.deployment.replicaCount)."
              when="Three or more for production, so a broker can restart without downtime."
              cost="Each broker is a pod with its own CPU and memory requests."
              docs={DOCS.helmValues}
            />
          }
        />
      )}
    </Section>
  );
}

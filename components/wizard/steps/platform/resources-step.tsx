"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { CheckboxField, HelpText, NumberField, TextField } from "@/components/ui/field";
import { resourceRatioAdvice } from "@/lib/platform";
import type { Scenario } from "@/lib/scenario/schema";
import { PLATFORM_DOCS } from "./docs";
import { PlatformSection } from "./parts";

export function ResourcesStep() {
  const { control } = useFormContext<Scenario>();
  const [cpu, memory, autoscaling, zonesEnabled] = useWatch({
    control,
    name: ["resources.cpu", "resources.memory", "resources.autoscaling.enabled", "zones.enabled"],
  });
  const advice = resourceRatioAdvice(cpu ?? "", memory ?? "");
  return (
    <PlatformSection
      id="platform-resources"
      title="Resources and scaling"
      lead="Bufstream recommends 1 CPU for every 4 GiB of memory."
    >
      <TextField
        name="resources.cpu"
        label="CPU request per broker"
        placeholder="2"
        size="short"
        help={
          <HelpText
            what="bufstream.deployment.resources.requests.cpu. No CPU limit is set, so brokers are not throttled."
            docs={[PLATFORM_DOCS.helmValues, PLATFORM_DOCS.cost]}
          />
        }
      />
      <TextField
        name="resources.memory"
        label="Memory per broker"
        placeholder="8Gi"
        size="short"
        help={<HelpText what="Both the memory request and the memory limit." />}
      />
      {advice !== null && (
        <p className="help" role="status">
          {advice}
        </p>
      )}
      <CheckboxField
        name="resources.autoscaling.enabled"
        label="Scale brokers with CPU (HorizontalPodAutoscaler)"
        help={
          <HelpText
            what="bufstream.deployment.autoscaling: the chart's HPA."
            when="The docs recommend at least 6 brokers across 3 zones, scaling at 50% CPU."
            docs={PLATFORM_DOCS.helmValues}
          />
        }
      />
      {autoscaling && (
        <>
          {zonesEnabled && (
            <p className="help">
              Zone-aware: each zone&apos;s release has its own autoscaler, so these numbers are per
              zone (2 per zone for the docs&apos; 6 across 3 zones).
            </p>
          )}
          <NumberField
            name="resources.autoscaling.minReplicas"
            label="Minimum brokers"
            min={1}
            max={500}
          />
          <NumberField
            name="resources.autoscaling.maxReplicas"
            label="Maximum brokers"
            min={1}
            max={500}
          />
          <NumberField
            name="resources.autoscaling.targetCPU"
            label="Target CPU utilisation (%)"
            min={1}
            max={100}
          />
        </>
      )}
    </PlatformSection>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import {
  CheckboxField,
  HelpText,
  RadioGroupField,
  SelectField,
  TextField,
  choicesFor,
} from "@/components/ui/field";
import { LOG_LEVELS, METRICS_EXPORTERS, type Scenario } from "@/lib/scenario/schema";
import { PLATFORM_DOCS } from "./docs";
import { PlatformSection } from "./parts";

const METRICS_CHOICES = choicesFor(METRICS_EXPORTERS, {
  NONE: { label: "None" },
  PROMETHEUS: {
    label: "Prometheus",
    description: "Serves /metrics on port 9090; pods get the prometheus.io scrape annotations.",
  },
  OTLP_GRPC: { label: "OpenTelemetry (OTLP over gRPC)", description: "Pushes to a collector." },
  OTLP_HTTP: { label: "OpenTelemetry (OTLP over HTTP)", description: "Pushes to a collector." },
});

const LOG_LEVEL_CHOICES = choicesFor(LOG_LEVELS, {
  DEBUG: { label: "Debug" },
  INFO: { label: "Info (default)" },
  WARN: { label: "Warning" },
  ERROR: { label: "Error" },
});

export function ObservabilityStep() {
  const { control } = useFormContext<Scenario>();
  const metrics = useWatch({ control, name: "observability.metrics" });
  const otlp = metrics === "OTLP_GRPC" || metrics === "OTLP_HTTP";
  return (
    <PlatformSection id="platform-observability" title="Observability">
      <RadioGroupField
        name="observability.metrics"
        label="Metrics"
        options={METRICS_CHOICES}
        help={
          <HelpText
            what="observability.metrics.exporterType (the wizard never writes the deprecated metrics.exporter)."
            when="Prometheus when it scrapes pods by annotation; OTLP when you run an OpenTelemetry collector."
            docs={[PLATFORM_DOCS.helmValues, PLATFORM_DOCS.statusEndpoint]}
          />
        }
      />
      {otlp && (
        <TextField
          name="observability.otlpAddress"
          label="Collector address"
          placeholder="otel-collector.observability:4317"
          help={
            <HelpText
              what="observability.exporter.address: where metrics are pushed, as host:port (no http:// or path)."
              docs={PLATFORM_DOCS.helmValues}
            />
          }
        />
      )}
      {otlp && (
        <CheckboxField
          name="observability.otlpInsecure"
          label="The collector speaks plaintext (no TLS)"
          help={
            <HelpText
              what="observability.exporter.insecure. Unticked, Bufstream connects with TLS (the chart's default), and a plaintext collector refuses it; ticked, it connects without TLS."
              when="Tick it for a collector in the cluster listening without TLS (the OpenTelemetry Collector's default OTLP receivers on 4317 and 4318)."
            />
          }
        />
      )}
      <SelectField name="observability.logLevel" label="Log level" options={LOG_LEVEL_CHOICES} />
    </PlatformSection>
  );
}

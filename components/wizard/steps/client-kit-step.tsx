"use client";

import { HelpText, TextField } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { DOCS } from "./docs";

export function ClientKitStep() {
  return (
    <Section
      id="step-client-kit"
      step={6}
      title="Client settings"
      lead="The outputs include bootstrap.servers and client.id for each place your clients run."
    >
      <TextField
        name="clientKit.appName"
        label="Application name (client.id)"
        size="medium"
        help={
          <HelpText
            what="The first part of client.id. Zone-aware, the kit appends ,zone=<zone> so Bufstream hands the client its own zone's brokers."
            when="Name the app; make it unique per instance in production (e.g. add the pod name)."
            docs={[DOCS.clientId, DOCS.configureClients]}
          />
        }
      />
    </Section>
  );
}

"use client";

import { useLayoutEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, HelpText, NumberField, TextField, fieldId } from "@/components/ui/field";
import type { DocsLink } from "@/components/ui/help-text";
import { Section } from "@/components/ui/section";
import { MAX_ZONES, type LbProvider, type Scenario } from "@/lib/scenario/schema";
import { ListFieldset, RemoveRowButton, useFocusAddedRow } from "../list-fieldset";
import { useHasProblem, useValidation } from "../validation-context";
import { DOCS } from "./docs";
import { deployGuides } from "./platform/docs";

/** Each provider's real zone format (domain 5): the value must match the broker's zone string exactly. */
const ZONE_PICKS: Record<Exclude<LbProvider, "other">, { cloud: string; zones: string[] }> = {
  aws: { cloud: "AWS", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
  gcp: { cloud: "GKE", zones: ["us-central1-a", "us-central1-b", "us-central1-c"] },
  azure: { cloud: "AKS", zones: ["eastus2-1", "eastus2-2", "eastus2-3"] },
};

const SET_OPTIONS = { shouldDirty: true, shouldValidate: true } as const;

/** The chosen cloud's deploy guide (its zone-aware section); the network guide for any other. */
function zoneGuides(provider: LbProvider): DocsLink[] {
  return provider === "other" ? [DOCS.network] : deployGuides(provider);
}

/**
 * Keeps `zones.hosts` keyed by the current zone names: a renamed zone keeps its
 * host, a removed zone's host goes (so links and files carry no stale zones).
 */
function useZoneHostsFollowNames(names: readonly string[]) {
  const { getValues, setValue } = useFormContext<Scenario>();
  const previous = useRef<readonly string[]>(names);
  // Before paint: a renamed zone's host field must not show empty for a frame
  // (and move what follows it) while its host moves to the new name (issue 13).
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = names;
    const hosts = getValues("zones.hosts");
    const next: Record<string, string> = {};
    names.forEach((zone, i) => {
      const kept = hosts[zone];
      const renamedFrom = before[i];
      const carried = renamedFrom !== undefined ? hosts[renamedFrom] : undefined;
      const value = kept ?? carried;
      if (zone !== "" && value !== undefined) next[zone] = value;
    });
    const same =
      Object.keys(next).length === Object.keys(hosts).length &&
      Object.entries(next).every(([zone, host]) => hosts[zone] === host);
    if (!same) setValue("zones.hosts", next, SET_OPTIONS);
  }, [names, getValues, setValue]);
}

export function ZonesStep() {
  const { control, setValue } = useFormContext<Scenario>();
  const [enabled, names = [], exposure, provider, hostSource, clients] = useWatch({
    control,
    name: [
      "zones.enabled",
      "zones.names",
      "exposure",
      "loadBalancer.provider",
      "loadBalancer.hostSource",
      "clients",
    ],
  });
  useZoneHostsFollowNames(names);
  const focusAdded = useFocusAddedRow(names.length, (i) => fieldId(`zones.names.${i}`));

  const perZoneHosts = exposure === "load-balancer" && hostSource === "known";
  // Invalid answers stay visible even when another answer hides them (useHasProblem).
  const namesProblem = useHasProblem("zones.names");
  const hostsProblem = useHasProblem("zones.hosts");
  const bootstrapProblem = useHasProblem("zones.bootstrapHost");
  const showZones = namesProblem || hostsProblem || enabled;
  const showBootstrap = bootstrapProblem || clients !== "in-cluster";
  const { byField } = useValidation();
  // The cluster's cloud (step 1) says which zone names to offer; "Other" gets all three.
  const picks = provider !== "other" ? [ZONE_PICKS[provider]] : Object.values(ZONE_PICKS);

  const addZone = () => {
    focusAdded(names.length);
    setValue("zones.names", [...names, ""], SET_OPTIONS);
  };
  const removeZone = (index: number) => {
    setValue(
      "zones.names",
      names.filter((_, i) => i !== index),
      SET_OPTIONS,
    );
  };

  return (
    <Section
      id="step-zones"
      step={3}
      title="Zones"
      lead="Keep traffic inside each availability zone to avoid cross-zone charges and latency."
    >
      <CheckboxField
        name="zones.enabled"
        label="Zone-aware routing: one Helm release per zone"
        help={
          <HelpText
            what="Each zone runs its own release (<release>-<zone>) with its own brokers and Service. Clients that put zone=<zone> in their client.id are handed only that zone's brokers."
            when="Use it in a multi-zone cluster when cross-zone traffic costs money or latency matters. Leave it off for a single release that spreads brokers by itself."
            cost="More releases to run and upgrade, a regional bootstrap Service, and with load balancers one load balancer per zone. Clients must know their zone."
            docs={[...zoneGuides(provider), DOCS.clientId]}
          />
        }
      />

      {showZones && (
        <>
          <ListFieldset name="zones.names" legend={`Zones (${names.length} of up to ${MAX_ZONES})`}>
            <div className="quick-picks">
              <p className="help">
                Zone names must match your nodes&apos; <code>topology.kubernetes.io/zone</code>{" "}
                label exactly. Quick picks:
              </p>
              <div className="button-row">
                {picks.map((pick) => (
                  <Button
                    key={pick.cloud}
                    size="small"
                    onClick={() => setValue("zones.names", [...pick.zones], SET_OPTIONS)}
                  >
                    Use {pick.cloud} {pick.zones.join(", ")}
                  </Button>
                ))}
              </div>
            </div>
            {names.length > 0 && (
              <ol className="zone-list">
                {names.map((zone, i) => (
                  // Inputs are bound to their index path, so the index is the identity.
                  <li className="zone-item" key={i}>
                    <div className="zone-item-head">
                      <TextField
                        name={`zones.names.${i}`}
                        label={`Zone ${i + 1} name`}
                        placeholder={picks[0]?.zones[i] ?? "zone-name"}
                        size="medium"
                      />
                      <RemoveRowButton row={`zone ${i + 1}`} onClick={() => removeZone(i)} />
                    </div>
                    {zone !== "" && (perZoneHosts || byField.has(`zones.hosts.${zone}`)) && (
                      <TextField
                        className="zone-item-host"
                        name={`zones.hosts.${zone}`}
                        label={`Load balancer host for ${zone}`}
                        placeholder={`kafka-${zone}.example.com`}
                        help={
                          <HelpText what="The address of this zone's own load balancer. This zone's brokers advertise it, so clients in this zone stay in this zone." />
                        }
                      />
                    )}
                  </li>
                ))}
              </ol>
            )}
            <Button onClick={addZone} disabled={names.length >= MAX_ZONES}>
              Add a zone
            </Button>
          </ListFieldset>

          <NumberField
            name="zones.replicasPerZone"
            label="Brokers per zone"
            min={1}
            max={50}
            help={
              <HelpText
                what="How many brokers each zonal release runs (bufstream.deployment.replicaCount)."
                when="The Bufstream guides use 2 per zone, so one can restart while the other serves."
                cost="Each broker is a pod with its own CPU and memory requests."
                docs={DOCS.helmValues}
              />
            }
          />

          {showBootstrap && (
            <TextField
              name="zones.bootstrapHost"
              label="Bootstrap address across zones (optional)"
              placeholder="kafka.example.com"
              help={
                <HelpText
                  what="The one address outside clients start from: a DNS name or load balancer that reaches every zone. After bootstrapping, each client is handed its own zone's load balancer."
                  when="The Bufstream docs leave this open. Use a DNS name with a record per zone, or a regional load balancer. Left empty, clients bootstrap from their own zone's load balancer."
                  docs={DOCS.network}
                />
              }
            />
          )}
        </>
      )}
    </Section>
  );
}

// Broker resources and scaling (domain 1.1 `bufstream.deployment.resources`,
// `bufstream.deployment.autoscaling.*`).
import type { Scenario } from "../scenario/schema";
import type { Values } from "./merge";

/** The docs' sizing guidance: 1 vCPU per 4 GiB of memory. */
export const GIB_PER_CPU = 4;

const MEMORY_UNITS: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A Kubernetes quantity in base units (cores or bytes), or null when empty or not understood. */
export function parseQuantity(quantity: string): number | null {
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2] ?? "";
  if (unit === "m") return amount / 1000;
  const factor = MEMORY_UNITS[unit];
  return factor === undefined ? null : amount * factor;
}

/**
 * Plain-language advice when the requests stray far from 1 CPU : 4 GiB, or
 * null when they are close (within a factor of 1.5) or not both set.
 */
export function resourceRatioAdvice(cpu: string, memory: string): string | null {
  const cores = parseQuantity(cpu);
  const bytes = parseQuantity(memory);
  if (cores === null || bytes === null || cores === 0) return null;
  const gibPerCore = bytes / 1024 ** 3 / cores;
  if (gibPerCore >= GIB_PER_CPU / 1.5 && gibPerCore <= GIB_PER_CPU * 1.5) return null;
  const suggested = `${Math.max(1, Math.round(cores * GIB_PER_CPU))}Gi`;
  return `Bufstream recommends 1 CPU : ${GIB_PER_CPU} GiB; ${cpu} CPU suggests about ${suggested} of memory.`;
}

/** True when the HPA reaches the values: autoscaling on, in the complete values file (issue 6). */
export function autoscalingApplies(s: Scenario): boolean {
  return s.valuesScope === "complete" && s.resources.autoscaling.enabled;
}

export interface ZoneAutoscaling {
  zones: number;
  /** `minReplicas`/`maxReplicas` of each zonal release's own HPA. */
  perZone: { min: number; max: number };
  /** What the zonal HPAs add up to across every zone. */
  total: { min: number; max: number };
}

/**
 * Zone-aware layouts install one release per zone, and each release gets its
 * own HPA. The scenario's min/max are totals across the cluster (the docs'
 * "min 6 across 3 AZs", domain 1.1 autoscaling row), so each zone gets
 * ceil(total / zones): never fewer brokers in total than asked for. Null
 * when autoscaling does not apply or zones are off.
 */
export function zoneAutoscaling(s: Scenario): ZoneAutoscaling | null {
  const zones = s.zones.enabled ? s.zones.names.length : 0;
  if (!autoscalingApplies(s) || zones === 0) return null;
  const { minReplicas, maxReplicas } = s.resources.autoscaling;
  const perZone = { min: Math.ceil(minReplicas / zones), max: Math.ceil(maxReplicas / zones) };
  return { zones, perZone, total: { min: perZone.min * zones, max: perZone.max * zones } };
}

export function buildResourcesValues(s: Scenario): Values {
  const r = s.resources;
  const requests = Object.fromEntries(
    Object.entries({ cpu: r.cpu, memory: r.memory }).filter(([, v]) => v !== ""),
  );
  return {
    bufstream: {
      deployment: {
        ...(Object.keys(requests).length > 0
          ? {
              resources: {
                requests,
                // Memory limit = request (as the chart's default does), and no CPU
                // limit so brokers are not throttled (the chart default `cpu: ""`).
                ...(r.memory !== "" ? { limits: { memory: r.memory } } : {}),
              },
            }
          : {}),
        ...(r.autoscaling.enabled
          ? {
              autoscaling: {
                enabled: true,
                // Zone-aware: the shared file holds no replica totals; each
                // zone's values file carries its own min/max (zoneAutoscaling).
                ...(s.zones.enabled
                  ? {}
                  : {
                      minReplicas: r.autoscaling.minReplicas,
                      maxReplicas: r.autoscaling.maxReplicas,
                    }),
                // The chart types targetCPU as a string ("50", domain 1.1).
                targetCPU: String(r.autoscaling.targetCPU),
              },
            }
          : {}),
      },
    },
  };
}

"use client";

import { useMemo } from "react";
import { useForm, useWatch, type Control } from "react-hook-form";
import { checkTopology } from "@/lib/check/check-topology";
import type { Finding } from "@/lib/check/types";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { ScenarioSchema, type Scenario } from "@/lib/scenario/schema";
import { problemsFromZod, type Problem } from "./validation-context";

/**
 * The wizard's form; the answers start from DEFAULT_SCENARIO, or from the link
 * the page was opened with. The zod schema is the only validator, run once per
 * edit by useScenarioState below, whose problems the fields show
 * (validation-context.tsx). No react-hook-form resolver: its errors were never
 * shown, and it parsed the whole scenario a second time at every edit (issue 14).
 */
export function useScenarioForm(initial: Scenario = DEFAULT_SCENARIO) {
  return useForm<Scenario>({ defaultValues: initial });
}

/** What the current answers amount to. */
export interface ScenarioState {
  /** The answers as typed, serialized: equal keys mean equal answers (the memo key). */
  key: string;
  /** The answers, parsed; null while any answer is invalid. */
  scenario: Scenario | null;
  /** The schema's problems, by field (empty when `scenario` is set). */
  problems: readonly Problem[];
  /** The topology check's findings for a valid scenario. */
  findings: readonly Finding[];
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * Derives the scenario from the answers. The work is memoized by the serialized
 * answers, so a re-render that changes nothing costs one JSON.stringify, and an
 * edit costs one zod parse plus the topology check (well under a frame). The
 * returned `scenario` keeps its identity until an answer changes, so outputs
 * can memoize on it.
 */
export function useScenarioState(control: Control<Scenario>): ScenarioState {
  const values = useWatch({ control });
  const key = JSON.stringify(values);
  return useMemo(() => deriveScenarioState(key), [key]);
}

export function deriveScenarioState(key: string): ScenarioState {
  // Parse from the key (not the live object) so the memo cannot see a newer
  // mutation of RHF's values than the key it was computed for. JSON turns an
  // empty number box (NaN) into null, which the schema rejects the same way.
  const parsed = ScenarioSchema.safeParse(JSON.parse(key) as unknown);
  if (!parsed.success) {
    return {
      key,
      scenario: null,
      problems: problemsFromZod(parsed.error.issues),
      findings: NO_FINDINGS,
    };
  }
  return { key, scenario: parsed.data, problems: [], findings: checkTopology(parsed.data) };
}

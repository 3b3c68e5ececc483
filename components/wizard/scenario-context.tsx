"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Control } from "react-hook-form";
import type { Scenario } from "@/lib/scenario/schema";
import { FindingsContext, indexFindings } from "./findings-context";
import { useScenarioState, type ScenarioState } from "./use-scenario-form";
import { ValidationContext, indexProblems } from "./validation-context";

const ScenarioStateContext = createContext<ScenarioState | null>(null);

/**
 * Derives the scenario once per edit and hands it down: the parsed scenario,
 * the schema's problems (fields show them) and the topology findings (fields
 * and the summary show them). `children` is passed through untouched, so an
 * edit re-renders only the components that read these contexts.
 */
export function ScenarioStateProvider({
  control,
  children,
}: {
  control: Control<Scenario>;
  children: ReactNode;
}) {
  const state = useScenarioState(control);
  // Keyed by content, not identity: most keystrokes leave problems and findings
  // unchanged, and then no field re-renders for them.
  const problemsKey = JSON.stringify(state.problems);
  const findingsKey = JSON.stringify(state.findings);
  const validation = useMemo(
    () => indexProblems(JSON.parse(problemsKey) as ScenarioState["problems"]),
    [problemsKey],
  );
  const findings = useMemo(
    () => indexFindings(JSON.parse(findingsKey) as ScenarioState["findings"]),
    [findingsKey],
  );
  return (
    <ScenarioStateContext value={state}>
      <ValidationContext value={validation}>
        <FindingsContext value={findings}>{children}</FindingsContext>
      </ValidationContext>
    </ScenarioStateContext>
  );
}

export function useScenarioStateContext(): ScenarioState {
  const state = useContext(ScenarioStateContext);
  if (state === null) throw new Error("useScenarioStateContext outside ScenarioStateProvider");
  return state;
}

"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { useFormContext, useWatch, type Control, type FieldPath } from "react-hook-form";
import { checkTopology } from "@/lib/check/check-topology";
import type { Finding } from "@/lib/check/types";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import type { Scenario } from "@/lib/scenario/schema";
import { FindingsProvider } from "./findings-context";
import { useTextFocus, type TextFocus } from "./text-editing";
import { useScenarioState, type ScenarioState } from "./use-scenario-form";
import { ValidationContext, indexProblems } from "./validation-context";

/** The derived answers, plus what the outputs show while they are invalid. */
export interface WizardScenarioState extends ScenarioState {
  /**
   * The last valid scenario: `scenario` itself while the answers are valid, else
   * the one before the edit that broke them. The outputs keep showing it, marked
   * out of date, so a half-typed value never blanks the page (issue 13).
   */
  shown: Scenario;
  /** The topology check's findings for `shown` (while typing, see useFindingsWhileTyping). */
  shownFindings: readonly Finding[];
}

interface ValidState {
  key: string;
  scenario: Scenario;
  findings: readonly Finding[];
}

function validPart(state: ScenarioState): ValidState | null {
  const { key, scenario, findings } = state;
  return scenario === null ? null : { key, scenario, findings };
}

/** Only used if the form ever started invalid; it starts at the defaults. */
const DEFAULTS_STATE: ValidState = {
  key: "",
  scenario: DEFAULT_SCENARIO,
  findings: checkTopology(DEFAULT_SCENARIO),
};

const ScenarioStateContext = createContext<WizardScenarioState | null>(null);
/**
 * `shown` while the answers are invalid, else null: what fields compare their
 * value with (useFindingsStillTrue). Apart from ScenarioStateContext, which
 * changes at every edit and would re-render every field of the form with it.
 */
const ShownWhileInvalidContext = createContext<Scenario | null>(null);

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
  // The last valid state, adjusted during render (React's pattern for state that
  // follows a value) rather than in an effect, so outputs never render one frame
  // with a stale scenario after the answers turn valid. The form starts valid
  // (the defaults), so the first state is always a valid one.
  const [lastValid, setLastValid] = useState<ValidState>(() => validPart(state) ?? DEFAULTS_STATE);
  const current = validPart(state);
  if (current !== null && current.key !== lastValid.key) setLastValid(current);
  const shown = current?.scenario ?? lastValid.scenario;

  // Keyed by content, not identity: most keystrokes leave problems and findings
  // unchanged, and then no field re-renders for them.
  const problemsKey = JSON.stringify(state.problems);
  const findingsKey = JSON.stringify(
    useFindingsWhileTyping(current?.findings ?? lastValid.findings),
  );
  const validation = useMemo(
    () => indexProblems(JSON.parse(problemsKey) as ScenarioState["problems"]),
    [problemsKey],
  );
  const shownFindings = useMemo(() => JSON.parse(findingsKey) as Finding[], [findingsKey]);
  const value = useMemo<WizardScenarioState>(
    () => ({ ...state, shown, shownFindings }),
    [state, shown, shownFindings],
  );
  return (
    <ScenarioStateContext value={value}>
      <ShownWhileInvalidContext value={state.scenario === null ? shown : null}>
        <ValidationContext value={validation}>
          <FindingsProvider findings={shownFindings}>{children}</FindingsProvider>
        </ValidationContext>
      </ShownWhileInvalidContext>
    </ScenarioStateContext>
  );
}

/**
 * The findings to show: while a text box is typed in, findings about it that
 * were not there when it was focused wait until it is left ("punish late", as
 * for its schema errors in components/ui/field.tsx). Typing `9092` into the
 * port passes through 9, 90 and 909, each a port that cannot work: the verdict,
 * the diagram's marks and the field's own finding would otherwise flip at every
 * key and move the page. Findings it resolves go at once; clicks apply at once.
 */
function useFindingsWhileTyping(findings: readonly Finding[]): readonly Finding[] {
  const focus = useTextFocus();
  const [atFocus, setAtFocus] = useState<{
    focus: TextFocus;
    byId: ReadonlyMap<string, Finding>;
  } | null>(null);
  // Every focus is a new object, so moving from one box to the next starts afresh.
  if (focus !== (atFocus?.focus ?? null)) {
    setAtFocus(focus === null ? null : { focus, byId: new Map(findings.map((f) => [f.id, f])) });
  }
  return useMemo(() => {
    if (atFocus === null) return findings;
    const { path } = atFocus.focus;
    // About the box: only those it had when focused, in their words then ("3
    // brokers" must not turn into "4 brokers" at the first key and rewrap).
    return findings.flatMap((f) => {
      if (!f.fields.includes(path)) return [f];
      const before = atFocus.byId.get(f.id);
      return before === undefined ? [] : [before];
    });
  }, [findings, atFocus]);
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * The findings a field may show. While the answers are invalid, the findings on
 * screen are those of the shown (last valid) answers, and a finding must go once
 * any field it is about has changed since: choosing "Cloud load balancer" must
 * not keep saying the ClusterIP Service will not work, and after the values
 * scope changed, the install question must not keep "networking-only values
 * have neither" (a finding names every field it is about). A field whose own
 * value changed shows none. Subscribed to the field's own value, so it renders
 * again when that changes; other fields' values are read at render, which comes
 * when the answers turn invalid.
 */
export function useFindingsStillTrue(
  name: string,
  findings: readonly Finding[],
): readonly Finding[] {
  const shownWhileInvalid = useContext(ShownWhileInvalidContext);
  const { control, getValues } = useFormContext<Scenario>();
  const own: unknown = useWatch({ control, name: name as FieldPath<Scenario> });
  if (shownWhileInvalid === null) return findings;
  const unchanged = (path: string) =>
    JSON.stringify(path === name ? own : getValues(path as FieldPath<Scenario>)) ===
    JSON.stringify(valueAt(shownWhileInvalid, path));
  if (!unchanged(name)) return NO_FINDINGS;
  const still = findings.filter((finding) => finding.fields.every(unchanged));
  return still.length === findings.length ? findings : still;
}

function valueAt(document: unknown, path: string): unknown {
  let at = document;
  for (const key of path.split(".")) {
    at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
}

export function useScenarioStateContext(): WizardScenarioState {
  const state = useContext(ScenarioStateContext);
  if (state === null) throw new Error("useScenarioStateContext outside ScenarioStateProvider");
  return state;
}

"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { PRESETS } from "@/lib/scenario/presets";
import { jsonEqual } from "@/lib/share/json";
import { useScenarioStateContext } from "../scenario-context";
import { useSession } from "../session";

/** Presets shown before "Show all": enough to see the range without burying the questions on a phone. */
const FIRST_SHOWN = 4;

/** One-click topologies (lib/scenario/presets.ts). Loading one is a new history entry: Back undoes it. */
export function PresetsStep() {
  // The shown (last valid) answers: a half-typed value does not unmark the preset.
  const { shown } = useScenarioStateContext();
  const { pushScenario } = useSession();
  const [showAll, setShowAll] = useState(false);
  const activeId = useMemo(
    () => PRESETS.find((p) => jsonEqual(p.scenario, shown))?.id ?? null,
    [shown],
  );
  // A preset beyond the first few stays listed once it was the current one, so
  // editing its answers does not pull its card out from above the field being
  // typed in (issue 13: nothing moves while typing).
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  if (activeId !== null && activeId !== pinnedId) setPinnedId(activeId);
  return (
    <Section
      id="step-presets"
      title="Start from a common layout"
      lead="Load a preset in one click, then adjust the answers below. Loading replaces all answers; the browser's Back button returns to the previous ones."
    >
      <ul className="presets" id="preset-list">
        {PRESETS.map((preset, index) => {
          const active = preset.id === activeId;
          if (!showAll && !active && preset.id !== pinnedId && index >= FIRST_SHOWN) return null;
          const headingId = `preset-${preset.id}-title`;
          return (
            <li key={preset.id}>
              <article
                className={active ? "preset preset-active" : "preset"}
                aria-labelledby={headingId}
                data-testid={`preset-${preset.id}`}
              >
                <h3 id={headingId}>
                  {preset.title}
                  {active && <span className="preset-current"> (current)</span>}
                </h3>
                <p>{preset.summary}</p>
                <details>
                  <summary>When to use it</summary>
                  <p>{preset.whenToUse}</p>
                </details>
                <Button
                  size="small"
                  variant={active ? "secondary" : "primary"}
                  onClick={() => pushScenario(structuredClone(preset.scenario))}
                >
                  Load<span className="visually-hidden"> preset: {preset.title}</span>
                </Button>
              </article>
            </li>
          );
        })}
      </ul>
      {PRESETS.length > FIRST_SHOWN && (
        <p className="presets-more">
          <Button
            size="small"
            variant="ghost"
            aria-expanded={showAll}
            aria-controls="preset-list"
            onClick={() => setShowAll((shown) => !shown)}
          >
            {showAll ? "Show fewer layouts" : `Show all ${PRESETS.length} layouts`}
          </Button>
        </p>
      )}
    </Section>
  );
}

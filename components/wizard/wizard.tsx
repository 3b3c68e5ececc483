"use client";

import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { FormProvider } from "react-hook-form";
import { loadMermaid } from "@/components/diagram/mermaid-adapter";
import { OutputsPanel } from "@/components/outputs/outputs-panel";
import { describeField } from "./field-labels";
import { FindingsSummary } from "./findings-summary";
import { ScenarioStateProvider, useScenarioStateContext } from "./scenario-context";
import { SessionProvider } from "./session";
import { SessionNotices } from "./session-notices";
import { SessionToolbar } from "./session-toolbar";
import { AccessStep } from "./steps/access-step";
import { ClientKitStep } from "./steps/client-kit-step";
import { ClientsStep } from "./steps/clients-step";
import { ExposureStep } from "./steps/exposure-step";
import { PresetsStep } from "./steps/presets-step";
import { ReleaseStep } from "./steps/release-step";
import { ScopeStep } from "./steps/scope-step";
import { ZonesStep } from "./steps/zones-step";
import { useScenarioForm } from "./use-scenario-form";

/**
 * The page shows a build-time drawing while the answers are the defaults, so
 * mermaid is not loaded at start (issue 7: it is most of the JavaScript and of
 * the main thread's work); it loads when the answers differ, when a client's
 * sequence diagram scrolls into view, or here: touching the form is the sign an
 * edit is coming, so start loading it then and the first redraw does not wait
 * for the download. A failed load shows as the diagram's own error when drawn.
 */
function warmUpDiagram(): void {
  loadMermaid().catch(() => undefined);
}

/**
 * The wizard: questions on the left, everything generated on the right (stacked
 * on narrow screens). The form and the outputs share one derived scenario
 * (ScenarioStateProvider); steps and outputs are passed through as children so
 * an edit re-renders only what reads the changed answers.
 */
export function Wizard() {
  // Set once React owns the form (after hydration), through the DOM rather than
  // state: a state change here would re-render every step and output once more.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.setAttribute("data-hydrated", "true");
  }, []);
  return (
    <WizardState>
      <div className="wizard-layout">
        <form
          className="wizard-form"
          aria-label="Scenario questions"
          // Tests and the benchmark wait for data-hydrated (set above) before
          // typing: before hydration, input is lost.
          ref={formRef}
          noValidate
          onFocus={warmUpDiagram}
          onPointerDown={warmUpDiagram}
          onSubmit={(event) => event.preventDefault()}
        >
          <p className="wizard-intro">
            Answer where your Kafka clients run and how they reach Bufstream. The topology, Helm
            values, install commands and client settings on the right follow every answer, and the
            topology check says which clients would fail to connect.
          </p>
          <SessionToolbar />
          <SessionNotices />
          <PresetsStep />
          <ClientsStep />
          <ExposureStep />
          <ZonesStep />
          <ReleaseStep />
          <ScopeStep />
          <ClientKitStep />
          <AccessStep />
        </form>
        <section className="wizard-outputs" aria-label="Generated outputs">
          <FindingsSummary />
          <WizardOutputs />
        </section>
      </div>
    </WizardState>
  );
}

/**
 * The form's state and what derives from it, around children made once by
 * Wizard: react-hook-form re-renders the component holding useForm right after
 * mount (it sets `formState.isReady`). That re-render still reaches whatever
 * reads the form's context (the fields: RHF's context value follows formState),
 * but no longer the outputs, which would otherwise all render a second time
 * during page load.
 */
function WizardState({ children }: { children: ReactNode }) {
  const form = useScenarioForm();
  return (
    <FormProvider {...form}>
      <ScenarioStateProvider control={form.control}>
        <SessionProvider>{children}</SessionProvider>
      </ScenarioStateProvider>
    </FormProvider>
  );
}

function WizardOutputs() {
  const { scenario, problems, findings } = useScenarioStateContext();
  const problemLines = useMemo(
    () => problems.map((p) => `${describeField(p.path)}: ${p.message}`),
    [problems],
  );
  return <OutputsPanel scenario={scenario} problems={problemLines} findings={findings} />;
}

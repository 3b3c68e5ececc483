"use client";

import {
  startTransition,
  useEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import { FormProvider } from "react-hook-form";
import { loadMermaid } from "@/components/diagram/mermaid-adapter";
import { ImportEntry } from "@/components/import/import-entry";
import { OutputsPanel } from "@/components/outputs/outputs-panel";
import { START_UP_ROOT_ATTRIBUTE } from "@/components/start-up/start-up-protocol";
import { useStartUpClaim } from "@/components/start-up/use-start-up-claim";
import { AnswersResultsBar } from "./answers-results-bar";
import { FieldReachProvider } from "./field-reach";
import { FindingsSummary } from "./findings-summary";
import { LinkSummary } from "./link-summary";
import { PageTitle } from "./page-title";
import { RESULTS_ID } from "./results-nav";
import { ScenarioStateProvider, useScenarioStateContext } from "./scenario-context";
import { SessionProvider } from "./session";
import { SessionNotices } from "./session-notices";
import { SessionToolbar } from "./session-toolbar";
import { StaleNotice } from "./stale-notice";
import { TextEditingProvider, useTextEditing, useTextEditingHandlers } from "./text-editing";
import { AccessStep } from "./steps/access-step";
import { ClientKitStep } from "./steps/client-kit-step";
import { ClientsStep } from "./steps/clients-step";
import { ExposureStep } from "./steps/exposure-step";
import { PresetsStep } from "./steps/presets-step";
import { ReleaseStep } from "./steps/release-step";
import { ScopeStep } from "./steps/scope-step";
import { ZonesStep } from "./steps/zones-step";
import { useScenarioForm } from "./use-scenario-form";
import type { OpenedLink } from "./use-share-sync";
import { useSettled } from "./use-settled";

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

/** The element the start-up script watches (components/start-up/start-up-protocol.ts). */
const START_UP_ROOT = { [START_UP_ROOT_ATTRIBUTE]: "" };

/** Whether a Wizard has committed on this page (only the page's first render hydrates). */
let committedBefore = false;

export interface WizardProps {
  /** The link the page was opened with, decoded before this first render. */
  opened?: OpenedLink;
}

/**
 * How much of the wizard is rendered by React: opened from a link, the static
 * HTML shows the default answers, and hydrating them only to replace them at
 * once would do all of the work twice (issue 14). So the first client render
 * keeps the server's markup of both columns as it is (React does not look
 * inside an element set by dangerouslySetInnerHTML; the start-up script has
 * made them inert), then the questions are rendered with the link's answers,
 * then the outputs, each in a transition of its own so that neither the
 * rendering nor the commit of the whole page is one long task.
 *
 * The served markup each step replaces is hidden in that step's commit and
 * removed in the next one, a frame later. Removing a large laid-out subtree makes the browser
 * invalidate the style of every node in it, inside React's commit; hidden
 * (display: none) for a frame first, it has no style left to invalidate.
 * Measured with the style-invalidation tracing Lighthouse records: removed at
 * once, the questions' and the outputs' markup took tasks of 281 and 189 ms;
 * hidden first, neither step makes a long task.
 */
type Phase = "server-markup" | "questions" | "all" | "settled";

const NEXT_PHASE: Record<Phase, Phase> = {
  "server-markup": "questions",
  questions: "all",
  all: "settled",
  settled: "settled",
};

/**
 * An element whose server-rendered children React keeps, untouched, through
 * hydration; hidden by app/globals.css once `hidden` is set, whatever its class's
 * display.
 */
const KEEP_SERVER_MARKUP = {
  suppressHydrationWarning: true,
  dangerouslySetInnerHTML: { __html: "" },
};

/**
 * The wizard: questions on the left, everything generated on the right (stacked
 * on narrow screens). The form and the outputs share one derived scenario
 * (ScenarioStateProvider); steps and outputs are made here, as children of the
 * state, so an edit re-renders only what reads the changed answers.
 */
export function Wizard({ opened }: WizardProps) {
  const [phase, setPhase] = useState<Phase>(() =>
    opened === undefined || committedBefore ? "settled" : "server-markup",
  );
  useEffect(() => {
    committedBefore = true;
    if (phase === "settled") return;
    // After a frame: the markup this commit hid has had its style dropped by
    // then, so the next step's removal of it costs nothing (see Phase).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPhase(NEXT_PHASE[phase])), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [phase]);
  const questionsShown = phase !== "server-markup";
  const outputsShown = phase === "all" || phase === "settled";
  const formRef = useRef<HTMLFormElement>(null);
  // Applies what was typed or clicked before this code ran, then marks the form
  // data-hydrated (through the DOM: state here would re-render every step).
  useStartUpClaim(formRef, phase === "settled");
  return (
    <WizardState opened={opened}>
      <div className="wizard-layout" {...START_UP_ROOT}>
        {questionsShown && (
          <WizardForm key="questions" formRef={formRef}>
            <LinkSummary />
            <p className="wizard-intro">
              Answer where your Kafka clients run and how they reach Bufstream. The topology check,
              the diagram, Helm values, install commands and client settings follow every answer.
            </p>
            <SessionToolbar />
            <SessionNotices />
            {/* Bring your values (issue 15): the panel behind it loads on first use. */}
            <ImportEntry />
            <PresetsStep />
            <ClientsStep />
            <ExposureStep />
            <ZonesStep />
            <ReleaseStep />
            <ScopeStep />
            <ClientKitStep />
            <AccessStep />
          </WizardForm>
        )}
        {(phase === "server-markup" || phase === "questions") && (
          <form
            key="questions-from-server"
            className="wizard-form"
            hidden={questionsShown}
            {...KEEP_SERVER_MARKUP}
          />
        )}
        {outputsShown && <WizardResults key="outputs" />}
        {phase !== "settled" && (
          <section
            key="outputs-from-server"
            className="wizard-outputs"
            id={outputsShown ? undefined : RESULTS_ID}
            hidden={outputsShown}
            {...KEEP_SERVER_MARKUP}
          />
        )}
      </div>
      {/* Its verdict is the link's, not the served defaults': rendered with the outputs. */}
      {outputsShown && <AnswersResultsBar key="bar" />}
      {phase !== "settled" && (
        <nav
          key="bar-from-server"
          className="answers-results-bar"
          hidden={outputsShown}
          {...KEEP_SERVER_MARKUP}
        />
      )}
      <PageTitle />
    </WizardState>
  );
}

/** The questions' <form>: it also tells the page when a text box is being typed in. */
function WizardForm({
  formRef,
  children,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  children: ReactNode;
}) {
  const editing = useTextEditingHandlers();
  return (
    <form
      className="wizard-form"
      aria-label="Scenario questions"
      // Tests and the benchmark wait for data-hydrated (set by useStartUpClaim)
      // before relying on the outputs following an edit.
      ref={formRef}
      noValidate
      onFocus={(event) => {
        warmUpDiagram();
        editing.onFocus(event);
      }}
      onBlur={editing.onBlur}
      onPointerDown={warmUpDiagram}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
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
function WizardState({ opened, children }: WizardProps & { children: ReactNode }) {
  const form = useScenarioForm(opened?.result.scenario);
  return (
    <FormProvider {...form}>
      <TextEditingProvider>
        <ScenarioStateProvider control={form.control}>
          <FieldReachProvider>
            <SessionProvider opened={opened}>{children}</SessionProvider>
          </FieldReachProvider>
        </ScenarioStateProvider>
      </TextEditingProvider>
    </FormProvider>
  );
}

/** Invalid this long before the outputs are marked out of date (use-settled.ts). */
const STALE_AFTER_MS = 600;

/**
 * The results column: the verdict, then every output. While the answers are
 * invalid it keeps showing the last valid ones (issue 13), marked out of date
 * once they have stayed invalid a moment.
 */
function WizardResults() {
  const { scenario, problems } = useScenarioStateContext();
  const stale = scenario === null;
  const staleShown = useSettled(stale, JSON.stringify(problems), STALE_AFTER_MS);
  return (
    <section
      className="wizard-outputs"
      id={RESULTS_ID}
      aria-label="Generated outputs"
      data-stale={staleShown}
    >
      <StaleNotice shown={staleShown} />
      <FindingsSummary />
      <WizardOutputs stale={stale} />
    </section>
  );
}

function WizardOutputs({ stale }: { stale: boolean }) {
  const { shown, shownFindings } = useScenarioStateContext();
  const editing = useTextEditing();
  return (
    <OutputsPanel scenario={shown} findings={shownFindings} stale={stale} holdHeights={editing} />
  );
}

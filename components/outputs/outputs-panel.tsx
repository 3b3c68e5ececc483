"use client";

import { useDeferredValue, useMemo } from "react";
import type { ReactNode } from "react";
import { TopologyDiagram } from "@/components/diagram/topology-diagram";
import { Section } from "@/components/ui/section";
import { useHeldHeight } from "@/components/ui/use-held-height";
import { buildBundle } from "@/lib/bundle/build-bundle";
import type { BundleFile } from "@/lib/bundle/types";
import type { Finding } from "@/lib/check/types";
import { buildClientKit } from "@/lib/clients/client-kit";
import { buildClientViews } from "@/lib/clients/client-views";
import { buildValuesLayering } from "@/lib/bundle/values-layering";
import { buildCommands } from "@/lib/commands/build-commands";
import { scriptPreamble } from "@/lib/commands/render-script";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import type { Scenario } from "@/lib/scenario/schema";
import { GENERATOR_VERSION } from "@/lib/version";
import { ClientKitPanel } from "./client-kit-panel";
import { ClientViewsPanel } from "./client-views-panel";
import { CommandsPanel } from "./commands-panel";
import { FilesPanel } from "./files-panel";
import styles from "./outputs.module.css";
import { OutputsFreshnessProvider } from "./freshness";
import { useShareLink } from "./use-share-link";
import { ValuesLayeringNote } from "./values-layering";

export interface OutputsPanelProps {
  /** The scenario to show: the answers, or the last valid ones while the form has errors. */
  scenario: Scenario;
  /** The topology check's findings for `scenario` (computed once, by the form). */
  findings: readonly Finding[];
  /** True while the answers are invalid, so `scenario` is the last valid one. */
  stale: boolean;
  /** True while the user types in the form: sections then do not shrink (use-held-height.ts). */
  holdHeights: boolean;
}

const SECTIONS = [
  { id: "outputs-topology", title: "Topology" },
  { id: "outputs-files", title: "Files" },
  { id: "outputs-commands", title: "Install commands" },
  { id: "outputs-clients", title: "What each client sees" },
  { id: "outputs-client-kit", title: "Client kit" },
] as const;

type SectionId = (typeof SECTIONS)[number]["id"];

function title(id: SectionId): string {
  return SECTIONS.find((section) => section.id === id)?.title ?? id;
}

/** Scrolls to an output section and moves focus to its heading. */
function goToSection(id: SectionId): void {
  const heading = document.getElementById(`${id}-heading`);
  if (heading === null) return;
  heading.tabIndex = -1;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  heading.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
  heading.focus({ preventScroll: true });
}

/**
 * Everything the wizard generates for the current answers, computed from the
 * same lib/ functions the zip and the CLI use. While the answers are invalid the
 * panels keep the last valid outputs (issue 13: a half-typed value must not
 * blank five sections and move the page), dimmed, and the out-of-date notice
 * above them (components/wizard/stale-notice.tsx) says what to fix; copy and
 * download refuse until the answers are valid again. A topology with errors is
 * still rendered, marked as not working; the verdict above says why.
 */
export function OutputsPanel(props: OutputsPanelProps) {
  const { stale, holdHeights } = props;
  // While a text box is typed in, the whole panel follows each key in a render
  // of its own (issue 14): the key's own render and paint are only the form's,
  // and React drops a follow-up render the next key overtakes, so fast typing
  // at a 4x CPU slowdown no longer queues every key behind the outputs. A click
  // or a choice still updates the outputs in the edit's own render.
  const followingScenario = useDeferredValue(props.scenario);
  const followingFindings = useDeferredValue(props.findings);
  const scenario = holdHeights ? followingScenario : props.scenario;
  const findings = holdHeights ? followingFindings : props.findings;
  const following = scenario !== props.scenario || findings !== props.findings;
  const broken = useMemo(() => findings.some((f) => f.severity === "error"), [findings]);

  const sections = useMemo(() => {
    const section = (id: SectionId, body: ReactNode) => (
      <HeldSection id={id} hold={holdHeights}>
        {broken && id !== "outputs-client-kit" && (
          <p className={styles.notWorking}>
            <span aria-hidden="true">✗ </span>Will not work as configured
          </p>
        )}
        {body}
      </HeldSection>
    );
    return (
      <>
        {section("outputs-topology", <TopologyDiagram scenario={scenario} findings={findings} />)}
        {section("outputs-files", <BundleFiles scenario={scenario} />)}
        {section("outputs-commands", <InstallCommands scenario={scenario} />)}
        {section("outputs-clients", <ClientViews scenario={scenario} findings={findings} />)}
        {section("outputs-client-kit", <ClientKit scenario={scenario} />)}
      </>
    );
  }, [scenario, findings, broken, holdHeights]);

  return (
    <OutputsFreshnessProvider stale={stale} following={following}>
      <div className={styles.panel} data-testid="outputs" data-valid={!stale}>
        <nav aria-label="Outputs">
          <ul className={styles.jump}>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                {/* A button, never a `#` link: the URL fragment carries the scenario. */}
                <button type="button" className="link-button" onClick={() => goToSection(s.id)}>
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {sections}
      </div>
    </OutputsFreshnessProvider>
  );
}

function HeldSection({
  id,
  hold,
  children,
}: {
  id: SectionId;
  hold: boolean;
  children: ReactNode;
}) {
  const held = useHeldHeight<HTMLDivElement>(hold);
  return (
    <Section id={id} title={title(id)} className={styles.section}>
      <div ref={held}>{children}</div>
    </Section>
  );
}

// Each section generates its own output in its own component, so that React can
// render (and hydrate) them one at a time, yielding to the browser in between,
// rather than computing everything in one long render of the panel (issue 7).

/** The default answers' files, built only when "Compare with the defaults" is first ticked. */
let defaultBundle: BundleFile[] | null = null;
function defaultFiles(): BundleFile[] {
  defaultBundle ??= buildBundle(DEFAULT_SCENARIO, {
    generatorVersion: GENERATOR_VERSION,
    shareLink: null,
  });
  return defaultBundle;
}

function BundleFiles({ scenario }: { scenario: Scenario }) {
  const shareLink = useShareLink(scenario);
  const files = useMemo(
    () => buildBundle(scenario, { generatorVersion: GENERATOR_VERSION, shareLink }),
    [scenario, shareLink],
  );
  return (
    <FilesPanel
      releaseName={scenario.release.name}
      files={files}
      defaultFiles={defaultFiles}
      defaultReleaseName={DEFAULT_SCENARIO.release.name}
      editKey={scenario}
    />
  );
}

// The sections below the files follow an edit in a render of their own, which
// React runs after the edit's text outputs are on screen and interrupts for the
// next key (issue 14: at a 4x CPU slowdown the edit's whole render was 55-65 ms,
// over the 50 ms edit → text goal, and every key typed waited for it). Until it
// has run, their copy and download buttons hold back (freshness.tsx): what they
// would hand out is the answers before the edit.

function InstallCommands({ scenario: current }: { scenario: Scenario }) {
  const scenario = useDeferredValue(current);
  const steps = useMemo(() => buildCommands(scenario), [scenario]);
  const layering = useMemo(() => buildValuesLayering(scenario), [scenario]);
  return (
    <OutputsFreshnessProvider following={scenario !== current}>
      <ValuesLayeringNote layering={layering} />
      <CommandsPanel steps={steps} preamble={scriptPreamble(steps)} />
    </OutputsFreshnessProvider>
  );
}

function ClientViews(props: { scenario: Scenario; findings: readonly Finding[] }) {
  const scenario = useDeferredValue(props.scenario);
  const findings = useDeferredValue(props.findings);
  const views = useMemo(() => buildClientViews(scenario, [...findings]), [scenario, findings]);
  return (
    <OutputsFreshnessProvider
      following={scenario !== props.scenario || findings !== props.findings}
    >
      <ClientViewsPanel views={views} findings={findings} />
    </OutputsFreshnessProvider>
  );
}

function ClientKit({ scenario: current }: { scenario: Scenario }) {
  const scenario = useDeferredValue(current);
  const kit = useMemo(() => buildClientKit(scenario), [scenario]);
  return (
    <OutputsFreshnessProvider following={scenario !== current}>
      <ClientKitPanel entries={kit} />
    </OutputsFreshnessProvider>
  );
}

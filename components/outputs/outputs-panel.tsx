"use client";

import { useMemo } from "react";
import type { ReactNode } from "react";
import { TopologyDiagram } from "@/components/diagram/topology-diagram";
import { Section } from "@/components/ui/section";
import { buildBundle } from "@/lib/bundle/build-bundle";
import type { Finding } from "@/lib/check/types";
import { buildClientKit } from "@/lib/clients/client-kit";
import { buildClientViews } from "@/lib/clients/client-views";
import { buildValuesLayering } from "@/lib/bundle/values-layering";
import { buildCommands } from "@/lib/commands/build-commands";
import { scriptPreamble } from "@/lib/commands/render-script";
import type { Scenario } from "@/lib/scenario/schema";
import { GENERATOR_VERSION } from "@/lib/version";
import { ClientKitPanel } from "./client-kit-panel";
import { ClientViewsPanel } from "./client-views-panel";
import { CommandsPanel } from "./commands-panel";
import { FilesPanel } from "./files-panel";
import styles from "./outputs.module.css";
import { useShareLink } from "./use-share-link";
import { ValuesLayeringNote } from "./values-layering";
import { WaitingNotice } from "./waiting-notice";

export interface OutputsPanelProps {
  /** The valid scenario, or null while the form has errors. */
  scenario: Scenario | null;
  /** The form's problems, listed while `scenario` is null. */
  problems?: string[];
  /** The topology check's findings for `scenario` (computed once, by the form). */
  findings: readonly Finding[];
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
 * same lib/ functions the zip and the CLI use. While the answers are invalid
 * every panel says so and lists the problems instead of showing stale text; a
 * topology with errors is still rendered, under a banner saying it will not work.
 */
export function OutputsPanel({ scenario, problems = [], findings }: OutputsPanelProps) {
  const errors = useMemo(() => findings.filter((f) => f.severity === "error"), [findings]);
  const broken = errors.length > 0;

  const section = (id: SectionId, what: string, body: ReactNode) => (
    <Section id={id} title={title(id)} className={styles.section}>
      {scenario === null ? (
        <WaitingNotice problems={problems} what={what} />
      ) : (
        <>
          {broken && id !== "outputs-client-kit" && (
            <p className={styles.notWorking}>
              <span aria-hidden="true">✗ </span>Will not work as configured
            </p>
          )}
          {body}
        </>
      )}
    </Section>
  );

  return (
    <div className={styles.panel} data-testid="outputs" data-valid={scenario !== null}>
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
      {scenario !== null && broken && (
        <div className={styles.banner} data-testid="not-working-banner">
          <h2>This topology will not work as configured</h2>
          <ul>
            {errors.map((finding) => (
              <li key={finding.id}>{finding.message}</li>
            ))}
          </ul>
          <p>
            The outputs below are still generated, so you can see what would be installed; the
            topology check above says how to fix each problem.
          </p>
        </div>
      )}
      {section(
        "outputs-topology",
        "topology diagram",
        scenario && <TopologyDiagram scenario={scenario} findings={findings} />,
      )}
      {section("outputs-files", "files", scenario && <BundleFiles scenario={scenario} />)}
      {section(
        "outputs-commands",
        "install commands",
        scenario && <InstallCommands scenario={scenario} />,
      )}
      {section(
        "outputs-clients",
        "client check",
        scenario && <ClientViews scenario={scenario} findings={findings} />,
      )}
      {section(
        "outputs-client-kit",
        "client settings",
        scenario && <ClientKit scenario={scenario} />,
      )}
    </div>
  );
}

// Each section generates its own output in its own component, so that React can
// render (and hydrate) them one at a time, yielding to the browser in between,
// rather than computing everything in one long render of the panel (issue 7).

function BundleFiles({ scenario }: { scenario: Scenario }) {
  const shareLink = useShareLink(scenario);
  const files = useMemo(
    () => buildBundle(scenario, { generatorVersion: GENERATOR_VERSION, shareLink }),
    [scenario, shareLink],
  );
  return <FilesPanel releaseName={scenario.release.name} files={files} />;
}

function InstallCommands({ scenario }: { scenario: Scenario }) {
  const steps = useMemo(() => buildCommands(scenario), [scenario]);
  const layering = useMemo(() => buildValuesLayering(scenario), [scenario]);
  return (
    <>
      <ValuesLayeringNote layering={layering} />
      <CommandsPanel steps={steps} preamble={scriptPreamble(steps)} />
    </>
  );
}

function ClientViews({ scenario, findings }: { scenario: Scenario; findings: readonly Finding[] }) {
  const views = useMemo(() => buildClientViews(scenario, [...findings]), [scenario, findings]);
  return <ClientViewsPanel views={views} findings={findings} />;
}

function ClientKit({ scenario }: { scenario: Scenario }) {
  const kit = useMemo(() => buildClientKit(scenario), [scenario]);
  return <ClientKitPanel entries={kit} />;
}

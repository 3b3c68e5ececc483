"use client";

import { useMemo } from "react";
import { MermaidView } from "@/components/diagram/mermaid-view";
import { Card } from "@/components/ui/section";
import type { Finding } from "@/lib/check/types";
import type { AddressVerdict, ClientView } from "@/lib/clients/types";
import { buildClientSequence } from "@/lib/diagram/build-sequence";
import styles from "./outputs.module.css";

/** Brokers listed before the rest fold away (a 100-broker list would bury everything else). */
const BROKERS_SHOWN = 6;

function verdictWords(verdict: AddressVerdict): string {
  if (verdict.resolves && verdict.reachable) return "resolves and is reachable";
  // Issue 16: the address works, but this client group is stopped on its way (policy or source ranges).
  if (verdict.blocked === true) return "resolves, but this client is blocked";
  if (!verdict.resolves) return "does not resolve";
  return "resolves but is not reachable";
}

/** True when the advertised names are spelt differently but are equal ignoring case. */
function varyOnlyInCase(brokers: readonly AddressVerdict[]): boolean {
  const spellings = new Set(brokers.map((b) => b.address));
  const names = new Set(brokers.map((b) => b.address.toLowerCase()));
  return spellings.size > 1 && names.size < spellings.size;
}

/** Where each finding is first mentioned in a card: it is explained there, and only referred to after. */
type FirstMention = ReadonlyMap<string, string>;

function firstMentions(view: ClientView): FirstMention {
  const first = new Map<string, string>();
  const note = (verdict: AddressVerdict, key: string) => {
    if (verdict.findingId !== null && !first.has(verdict.findingId)) {
      first.set(verdict.findingId, key);
    }
  };
  note(view.bootstrapVerdict, "bootstrap");
  view.brokers.forEach((verdict, index) => note(verdict, `broker-${index}`));
  return first;
}

function Verdict({
  verdict,
  mentionKey,
  findings,
  firstMention,
}: {
  verdict: AddressVerdict;
  /** "bootstrap" or "broker-<index>". */
  mentionKey: string;
  findings: ReadonlyMap<string, Finding>;
  firstMention: FirstMention;
}) {
  const works = verdict.resolves && verdict.reachable;
  const finding = verdict.findingId === null ? undefined : findings.get(verdict.findingId);
  const explainHere = finding !== undefined && firstMention.get(finding.id) === mentionKey;
  return (
    <div className={styles.verdict} data-works={works} data-blocked={verdict.blocked === true}>
      <span className={styles.mark} aria-hidden="true">
        {works ? "✓" : verdict.blocked === true ? "⊘" : "✗"}
      </span>
      <div>
        <code className={styles.address}>{verdict.address}</code>{" "}
        <span className={styles.verdictWords}>
          {works ? "works" : verdict.blocked === true ? "blocked" : "fails"}:{" "}
          {verdictWords(verdict)}
        </span>
        {verdict.note !== "" && <p className={styles.note}>{verdict.note}</p>}
        {finding !== undefined &&
          (explainHere ? (
            <p className={styles.findingNote}>
              <strong>{finding.message}</strong> Fix: {finding.fix}
            </p>
          ) : (
            <p className={styles.note}>Same problem as above.</p>
          ))}
      </div>
    </div>
  );
}

function BrokerList({
  brokers,
  findings,
  firstMention,
}: {
  brokers: readonly AddressVerdict[];
  findings: ReadonlyMap<string, Finding>;
  firstMention: FirstMention;
}) {
  const item = (verdict: AddressVerdict, index: number) => (
    <li key={index}>
      <Verdict
        verdict={verdict}
        mentionKey={`broker-${index}`}
        findings={findings}
        firstMention={firstMention}
      />
    </li>
  );
  const shown = brokers.slice(0, BROKERS_SHOWN);
  const rest = brokers.slice(BROKERS_SHOWN);
  return (
    <>
      <ol className={styles.brokers}>{shown.map(item)}</ol>
      {rest.length > 0 && (
        <details className={styles.more}>
          <summary>Show the other {rest.length} advertised brokers</summary>
          <ol className={styles.brokers} start={BROKERS_SHOWN + 1}>
            {rest.map((verdict, index) => item(verdict, index + BROKERS_SHOWN))}
          </ol>
        </details>
      )}
    </>
  );
}

function ClientViewCard({
  view,
  findings,
}: {
  view: ClientView;
  findings: ReadonlyMap<string, Finding>;
}) {
  const sequence = useMemo(() => buildClientSequence(view), [view]);
  const firstMention = useMemo(() => firstMentions(view), [view]);
  const headingId = `client-view-${view.id}`;
  return (
    <Card className={styles.viewCard}>
      <div className={styles.viewHead}>
        <h3 id={headingId} className={styles.cardTitle}>
          {view.title}
        </h3>
        <p className={styles.badge} data-works={view.connects}>
          <span aria-hidden="true">{view.connects ? "✓ " : "✗ "}</span>
          {view.connects ? "Connects" : "Will not connect"}
        </p>
      </div>
      <div className={styles.viewBody}>
        <div className={styles.viewFacts}>
          <dl className={styles.facts}>
            <dt>Bootstraps from</dt>
            <dd>
              <Verdict
                verdict={view.bootstrapVerdict}
                mentionKey="bootstrap"
                findings={findings}
                firstMention={firstMention}
              />
            </dd>
            <dt>client.id</dt>
            <dd>
              <code>{view.clientId}</code>
            </dd>
            <dt>Lands in</dt>
            <dd>{view.landsIn}</dd>
          </dl>
          <h4 className={styles.subTitle}>
            Metadata response: {view.brokers.length} advertised{" "}
            {view.brokers.length === 1 ? "broker" : "brokers"}
          </h4>
          {varyOnlyInCase(view.brokers) && (
            <p className={styles.note} data-testid="case-varied-note">
              The names differ only in letter case, on purpose: every broker advertises the same
              address, so Bufstream varies its case per entry to make clients open one connection
              per broker. DNS ignores case, so every spelling resolves the same way.
            </p>
          )}
          <BrokerList brokers={view.brokers} findings={findings} firstMention={firstMention} />
        </div>
        <MermaidView
          text={sequence}
          label={`Sequence diagram: ${view.title} bootstraps, asks for metadata, then produces and fetches`}
          name={`sequence diagram, ${view.title}`}
          lazy
          testId={`client-sequence-${view.id}`}
        />
      </div>
    </Card>
  );
}

/** What each client sees (issue 5): per place clients run, the addresses and whether they work. */
export function ClientViewsPanel({
  views,
  findings,
}: {
  views: readonly ClientView[];
  findings: readonly Finding[];
}) {
  const byId = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  return (
    <div className={styles.views}>
      {views.map((view) => (
        <ClientViewCard key={view.id} view={view} findings={byId} />
      ))}
    </div>
  );
}

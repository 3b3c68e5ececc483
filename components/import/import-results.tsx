"use client";

import { useMemo, useState, type RefObject } from "react";
import { bundleZipName, downloadBundleZip, downloadText } from "@/components/outputs/download";
import { useShareLink } from "@/components/outputs/use-share-link";
import { Button } from "@/components/ui/button";
import { useScenarioStateContext } from "@/components/wizard/scenario-context";
import { checkImportedValues } from "@/lib/import/check-values";
import {
  buildCorrectedBundle,
  correctedFileName,
  renderCorrectedFile,
} from "@/lib/import/corrected-bundle";
import { buildCorrectedValues, type CorrectedFile } from "@/lib/import/corrected-values";
import { buildValuesDiff, keptKeys, type DiffEntry } from "@/lib/import/diff-values";
import type { ImportedValues } from "@/lib/import/import-values";
import { maskSecrets } from "@/lib/import/secrets";
import type { ValuesFinding } from "@/lib/import/types";
import type { Scenario } from "@/lib/scenario/schema";
import { renderYaml } from "@/lib/values/render-yaml";
import { GENERATOR_VERSION } from "@/lib/version";
import { ImportQuestions } from "./import-questions";

const SEVERITY_LABEL: Record<ValuesFinding["severity"], string> = {
  error: "Will not work",
  warning: "Warning",
  info: "Note",
};
const CHANGE_LABEL: Record<DiffEntry["change"], string> = {
  added: "added",
  changed: "changed",
  removed: "removed",
  renamed: "renamed",
};

const where = (source: string | null, line: number | null) =>
  [source, line === null ? null : `line ${line}`].filter(Boolean).join(", ");

export interface ImportResultsProps {
  imported: ImportedValues;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onForget: () => void;
}

/**
 * What the values amount to, for the scenario in the form: the questions they
 * leave open, what is wrong in them, the keys kept as they are, the difference
 * to what the wizard writes, and the corrected files. Recomputed on every edit,
 * so applying a fix in the form shows at once what it changes in the values.
 */
export function ImportResults({ imported, headingRef, onForget }: ImportResultsProps) {
  const { scenario } = useScenarioStateContext();
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const [dnsRecord, setDnsRecord] = useState(
    () => imported.read.questions.find((q) => q.id === "dns-record")?.value ?? "yes",
  );
  const answer = (id: string) => setAnswered((previous) => new Set([...previous, id]));
  const summary = imported.documents.map((doc) => doc.source).join(", ");

  return (
    <section
      className="import-results"
      aria-labelledby="import-results-heading"
      data-testid="import-results"
    >
      <div className="import-results-bar">
        <h3 id="import-results-heading" ref={headingRef} tabIndex={-1}>
          Your values: {summary}
        </h3>
        <Button size="small" variant="ghost" onClick={onForget}>
          Forget these values
        </Button>
      </div>
      <p className="import-muted">
        The form below now holds the scenario these values describe; the topology, the check and the
        files on the page follow it. Change an answer and the difference here follows too.
      </p>
      <ImportQuestions
        questions={imported.read.questions}
        answered={answered}
        onAnswer={answer}
        dnsRecord={dnsRecord}
        onDnsRecord={setDnsRecord}
      />
      {scenario === null ? (
        <p className="notice notice-warning">
          Fix the answers marked in the form: the difference and the corrected files follow a valid
          scenario.
        </p>
      ) : (
        <ScenarioResults imported={imported} scenario={scenario} dnsRecord={dnsRecord} />
      )}
      <details className="import-block">
        <summary>Your values as read (secrets masked)</summary>
        {imported.documents.map((doc) => (
          <div key={doc.source}>
            <p>
              <code>{doc.source}</code>
            </p>
            <pre className="import-code" tabIndex={0}>
              <code>{renderYaml(maskSecrets(doc.values).masked, "")}</code>
            </pre>
          </div>
        ))}
      </details>
    </section>
  );
}

function ScenarioResults({
  imported,
  scenario,
  dnsRecord,
}: {
  imported: ImportedValues;
  scenario: Scenario;
  dnsRecord: string;
}) {
  const shareLink = useShareLink(scenario);
  const findings = useMemo(
    () => checkImportedValues(imported, scenario, { "dns-record": dnsRecord }),
    [imported, scenario, dnsRecord],
  );
  const corrected = useMemo(() => buildCorrectedValues(imported, scenario), [imported, scenario]);
  const diff = useMemo(
    () => buildValuesDiff(imported, scenario, corrected),
    [imported, scenario, corrected],
  );
  const kept = useMemo(() => keptKeys(imported, scenario), [imported, scenario]);
  const ctx = { generatorVersion: GENERATOR_VERSION, shareLink };

  const downloadBundle = () =>
    void downloadBundleZip(
      `${scenario.release.name}-corrected`,
      buildCorrectedBundle(imported, scenario, ctx, corrected),
    );

  return (
    <>
      <section className="import-block" aria-labelledby="import-findings-heading">
        <h3 id="import-findings-heading">What the values do now</h3>
        {findings.length === 0 ? (
          <p className="import-muted">
            Nothing wrong in the keys themselves. The topology check judges the scenario.
          </p>
        ) : (
          <ul className="import-findings" data-testid="import-findings">
            {findings.map((f, i) => (
              <li key={`${f.id}-${i}`} className={`finding finding-${f.severity}`}>
                <p>
                  <strong>{SEVERITY_LABEL[f.severity]}:</strong> {f.message}
                </p>
                <p>
                  <strong>Fix:</strong> {f.fix}
                </p>
                <p className="import-where">
                  {where(f.source, f.line)}
                  {f.key !== null && (
                    <>
                      {where(f.source, f.line) === "" ? "" : ": "}
                      <code>{f.key}</code>
                    </>
                  )}
                  {f.resolved && (
                    <span className="import-fixed"> Fixed in the corrected files.</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="import-block" aria-labelledby="import-kept-heading">
        <h3 id="import-kept-heading">Kept as they are ({kept.length})</h3>
        {kept.length === 0 ? (
          <p className="import-muted">Every key in the values is one the wizard writes.</p>
        ) : (
          <ul className="import-kept">
            {kept.map((k) => (
              <li key={k.key}>
                <code>{k.key}</code> <span className="import-muted">({k.why})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="import-block" aria-labelledby="import-diff-heading">
        <h3 id="import-diff-heading">What the wizard changes ({diff.length})</h3>
        {diff.length === 0 ? (
          <p className="import-muted">Nothing: the corrected values are your values.</p>
        ) : (
          <ul className="import-diff" data-testid="import-diff">
            {diff.map((d, i) => (
              <li key={`${d.file}-${d.key}-${i}`}>
                <p className="import-diff-key">
                  <span className={`import-change import-change-${d.change}`}>
                    {CHANGE_LABEL[d.change]}
                  </span>{" "}
                  <code>{d.key}</code> <span className="import-muted">in {d.file}</span>
                </p>
                <p className="import-diff-values">
                  {d.before !== null && <code className="import-before">{d.before}</code>}
                  {d.before !== null && d.after !== null && <span aria-hidden="true"> → </span>}
                  {d.before !== null && d.after !== null && (
                    <span className="visually-hidden"> becomes </span>
                  )}
                  {d.after !== null && <code className="import-after">{d.after}</code>}
                </p>
                <p className="import-muted">{d.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="import-block" aria-labelledby="import-corrected-heading">
        <h3 id="import-corrected-heading">Corrected values</h3>
        <p className="import-muted">
          Your values as they should be: your keys first and as they are, the wizard&apos;s where it
          owns the key. The bundle holds the wizard&apos;s files for this scenario (its install.sh
          layers them on the values the release runs with, which keeps your keys) and these
          corrected files, to keep in your repository.
        </p>
        <div className="button-row">
          <Button variant="primary" onClick={downloadBundle}>
            Download corrected bundle (.zip)
          </Button>
          <span className="import-muted">
            {bundleZipName(`${scenario.release.name}-corrected`)}
          </span>
        </div>
        {corrected.map((file) => (
          <CorrectedFileView
            key={file.name}
            file={file}
            scenario={scenario}
            shareLink={shareLink}
          />
        ))}
      </section>
    </>
  );
}

function CorrectedFileView({
  file,
  scenario,
  shareLink,
}: {
  file: CorrectedFile;
  scenario: Scenario;
  shareLink: string | null;
}) {
  const shown = renderYaml(file.forDisplay, file.notes.join("\n"));
  return (
    <details className="import-file" open={false}>
      <summary>
        <code>{correctedFileName(file.name)}</code>
        {file.secretPaths.length > 0 && (
          <span className="import-muted">
            {" "}
            ({file.secretPaths.length} secret-looking{" "}
            {file.secretPaths.length === 1 ? "value" : "values"} left out)
          </span>
        )}
      </summary>
      <div className="button-row">
        <Button
          size="small"
          onClick={() =>
            downloadText(
              correctedFileName(file.name),
              renderCorrectedFile(file, scenario, {
                generatorVersion: GENERATOR_VERSION,
                shareLink,
              }),
            )
          }
        >
          Download<span className="visually-hidden"> {correctedFileName(file.name)}</span>
        </Button>
      </div>
      <pre className="import-code" tabIndex={0} data-corrected-file={file.name}>
        <code>{shown}</code>
      </pre>
    </details>
  );
}

"use client";

import "./import-panel.css";
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { useSession } from "@/components/wizard/session";
import { importValues, type ImportedValues } from "@/lib/import/import-values";
import {
  formatInputError,
  type ValuesInputError,
  type ValuesSource,
} from "@/lib/import/parse-values";
import type { DropSubscription } from "./import-entry";
import { ImportResults } from "./import-results";
import { readValuesFiles } from "./read-files";

const PASTED = "pasted values";

/**
 * Bring your values (issue 15): paste, open or drop values files; the form then
 * holds the scenario they describe, so every output follows it.
 *
 * Privacy: the values live only in this component's state. They are never
 * written to storage, never put in the link (pushScenario carries the derived
 * scenario, which never holds a secret-looking value: lib/import/read-context.ts),
 * and every view of them is masked. The pasted text is cleared once read.
 */
export function ImportPanel({ subscribe }: { subscribe: DropSubscription }) {
  const { pushScenario } = useSession();
  const [pasted, setPasted] = useState("");
  const [files, setFiles] = useState<ValuesSource[]>([]);
  const [errors, setErrors] = useState<ValuesInputError[]>([]);
  const [imported, setImported] = useState<ImportedValues | null>(null);
  const [status, setStatus] = useState("");
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const pasteId = useId();
  const fileInputId = useId();

  /** Reads `sources`; on success the form takes the scenario, on failure nothing changes. */
  const read = useCallback(
    (sources: ValuesSource[]): boolean => {
      const result = importValues(sources);
      if (!result.ok) {
        setErrors(result.errors);
        setStatus("");
        return false;
      }
      setErrors([]);
      setImported(result.imported);
      // A new history entry: the browser's Back button returns to the answers before.
      pushScenario(structuredClone(result.imported.read.scenario));
      const count = sources.length === 1 ? "the values" : `${sources.length} files`;
      setStatus(`Read ${count}. The form now holds the scenario they describe.`);
      return true;
    },
    [pushScenario],
  );

  useEffect(() => {
    if (imported !== null) resultsHeading.current?.focus();
  }, [imported]);

  const openFiles = useCallback(
    async (list: File[]) => {
      const { sources, errors: unreadable } = await readValuesFiles(list);
      if (unreadable.length > 0) {
        setErrors(unreadable);
        return;
      }
      setFiles(sources);
      read(sources);
    },
    [read],
  );

  // Files dropped on the entry, including the drop that opened this panel.
  useEffect(() => subscribe((list) => void openFiles(list)), [subscribe, openFiles]);

  const onFileInput = (event: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(event.target.files ?? []);
    event.target.value = "";
    if (list.length > 0) void openFiles(list);
  };

  const readPasted = () => {
    if (pasted.trim() === "") {
      setErrors([{ source: "", line: null, message: "Paste the values first." }]);
      return;
    }
    if (read([{ name: PASTED, text: pasted }])) {
      setFiles([]);
      setPasted("");
    }
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...files];
    const [file] = next.splice(index, 1);
    if (file === undefined) return;
    next.splice(index + by, 0, file);
    setFiles(next);
    read(next);
  };

  const forget = () => {
    setImported(null);
    setFiles([]);
    setErrors([]);
    setStatus("The values are forgotten; the form keeps its answers.");
  };

  return (
    <div className="import-panel" id="import-panel">
      <p className="import-privacy" id={`${pasteId}-privacy`}>
        <strong>Your values stay in this browser.</strong> They are read here and never uploaded,
        never saved, and never put in the page&apos;s link (which carries only the scenario the
        wizard reads from them). Values that look like secrets (passwords, DSNs, keys, tokens) are
        masked everywhere on this page and left out of every download.
      </p>
      <div className="import-inputs">
        <div className="field">
          <label className="field-label" htmlFor={pasteId}>
            Paste your values (YAML)
          </label>
          <textarea
            id={pasteId}
            className="input import-paste"
            rows={6}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            aria-describedby={`${pasteId}-privacy ${pasteId}-help`}
            placeholder={"kafka:\n  publicAddress:\n    host: ..."}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
          <p className="help" id={`${pasteId}-help`}>
            <code>helm get values &lt;release&gt; -n &lt;namespace&gt; -o yaml</code> prints them.
            For a zone-aware install, open or drop the shared file and every zone&apos;s file
            together.
          </p>
        </div>
        <div className="button-row">
          <Button variant="primary" onClick={readPasted}>
            Read pasted values
          </Button>
          <label className="button button-secondary import-file-button" htmlFor={fileInputId}>
            Open values files…
          </label>
          <input
            id={fileInputId}
            className="visually-hidden"
            type="file"
            multiple
            accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
            onChange={onFileInput}
          />
          <span className="import-hint">or drop them here, the shared file first</span>
        </div>
      </div>

      <p className="status-text" role="status" aria-live="polite">
        {status}
      </p>
      {errors.length > 0 && (
        <div className="notice notice-warning" role="alert" data-testid="import-errors">
          <div className="notice-body">
            <p>
              <strong>These values could not be read.</strong> Nothing was changed in the form.
            </p>
            <ul>
              {errors.map((error, i) => (
                <li key={i}>{formatInputError(error)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {files.length > 1 && <ImportFileOrder files={files} imported={imported} onMove={move} />}
      {imported !== null && (
        <ImportResults imported={imported} headingRef={resultsHeading} onForget={forget} />
      )}
    </div>
  );
}

/** The files in Helm's layering order, with what each turned out to be and buttons to reorder. */
function ImportFileOrder({
  files,
  imported,
  onMove,
}: {
  files: readonly ValuesSource[];
  imported: ImportedValues | null;
  onMove: (index: number, by: -1 | 1) => void;
}) {
  const roleOf = (name: string) => {
    const release = imported?.layout.releases.find((r) => r.own.some((doc) => doc.source === name));
    if (release?.zone) return `zone ${release.zone}`;
    return imported?.layout.zoneAware ? "shared by every zone" : "layered in this order";
  };
  return (
    <section className="import-files" aria-labelledby="import-files-heading">
      <h3 id="import-files-heading">Files, in Helm&apos;s layering order</h3>
      <ol>
        {files.map((file, i) => (
          <li key={file.name}>
            <code>{file.name}</code> <span className="import-muted">({roleOf(file.name)})</span>
            <span className="button-row import-order">
              <Button size="small" variant="ghost" disabled={i === 0} onClick={() => onMove(i, -1)}>
                Up<span className="visually-hidden"> {file.name}</span>
              </Button>
              <Button
                size="small"
                variant="ghost"
                disabled={i === files.length - 1}
                onClick={() => onMove(i, 1)}
              >
                Down<span className="visually-hidden"> {file.name}</span>
              </Button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

"use client";

import { lazy, Suspense, useCallback, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

/**
 * Where the panel listens for files dropped on the entry: subscribe with a
 * handler, get the drop that brought the panel in (before its code had loaded)
 * at once, and every later one as it happens.
 */
export type DropSubscription = (handler: (files: File[]) => void) => () => void;

/** A failed chunk can be a flaky network: try again before giving up (as the wizard's loader does). */
async function loadPanel(attempt = 1): Promise<typeof import("./import-panel")> {
  try {
    return await import("./import-panel");
  } catch (error) {
    if (attempt >= 3) throw error;
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    return loadPanel(attempt + 1);
  }
}

/**
 * The panel is loaded on first use, not with the wizard: reading YAML and
 * comparing values is work nobody needs before they bring values, so none of
 * it adds to the JavaScript the page loads (issue 7's budget). Never rejects:
 * without a boundary above, a rejected lazy component would replace the page
 * with the framework's error screen.
 */
const ImportPanel = lazy(async () => {
  try {
    const { ImportPanel } = await loadPanel();
    return { default: ImportPanel };
  } catch {
    return { default: PanelUnavailable };
  }
});

function PanelUnavailable() {
  return (
    <p className="notice notice-warning" role="alert">
      This part of the page did not load. Check the connection and reload the page; your answers are
      kept in its link.
    </p>
  );
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes("Files");
}

/**
 * "Check a deployment you already have" (issue 15): the way in to bring the
 * values a release runs with. Small on purpose: it is part of the wizard's
 * code, the panel behind it is not.
 */
export function ImportEntry() {
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const pending = useRef<File[] | null>(null);
  const listener = useRef<((files: File[]) => void) | null>(null);
  const subscribe = useCallback<DropSubscription>((handler) => {
    listener.current = handler;
    const waiting = pending.current;
    pending.current = null;
    if (waiting !== null) handler(waiting);
    return () => {
      if (listener.current === handler) listener.current = null;
    };
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }, []);
  const onDragLeave = useCallback((event: DragEvent) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDragging(false);
  }, []);
  const onDrop = useCallback((event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length === 0) return;
    setOpen(true);
    if (listener.current !== null) listener.current(files);
    else pending.current = files;
  }, []);

  return (
    <Section
      id="step-import"
      title="Check a deployment you already have"
      lead={
        <>
          Bring the Helm values a release runs with (<code>helm get values</code> prints them): the
          wizard reads the scenario they describe, draws it, checks whether your clients connect,
          and writes corrected values that keep your own keys.
        </>
      }
    >
      <div
        className="import-entry"
        data-dragging={dragging ? "true" : undefined}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        {open ? (
          <Suspense
            fallback={
              <p className="status-text" role="status">
                Loading…
              </p>
            }
          >
            <ImportPanel subscribe={subscribe} />
          </Suspense>
        ) : (
          <>
            <p className="import-privacy">
              Your values stay in this browser: they are read here, never uploaded or saved, and
              never put in the page&apos;s link.
            </p>
            <div className="button-row">
              <Button variant="primary" onClick={() => setOpen(true)}>
                Bring your values
              </Button>
              <span className="import-hint">or drop values files here</span>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}

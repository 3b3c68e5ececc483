"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import styles from "./diagram.module.css";
import { useZoom } from "./use-zoom";

/** The smallest text the default view shows, in CSS px (issue 12). */
export const MIN_TEXT_PX = 11;

export interface DiagramViewerProps {
  /** Short name for controls, e.g. "topology diagram" ("Zoom in, topology diagram"). */
  name: string;
  naturalWidth: number;
  naturalHeight: number;
  /** The drawing's label font size in its own units. */
  fontPx?: number;
  /** Where "actual size" opens, in drawing units (the clients), or null for the top centre. */
  anchor: { x: number; y: number } | null;
  /** More toolbar controls (downloads, copy), shown after the zoom controls. */
  tools?: ReactNode;
  /** The drawing, laid out at 100% of the stage's width. */
  children: ReactNode;
}

/**
 * A drawing with its own toolbar: zoom out / level / zoom in, fit, actual size
 * (centred on the clients), full screen, and whatever `tools` the caller adds.
 * Self-contained, so it can be placed anywhere on the page. The full-screen
 * view fills the window (a fixed layer, Escape or the button closes it), which
 * also works where the Fullscreen API does not (iOS Safari).
 */
export function DiagramViewer({
  name,
  naturalWidth,
  naturalHeight,
  fontPx = 16,
  anchor,
  tools,
  children,
}: DiagramViewerProps) {
  const fullscreenButton = useRef<HTMLButtonElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const zoom = useZoom({
    naturalWidth,
    naturalHeight,
    fontPx,
    minTextPx: MIN_TEXT_PX,
    anchor,
    fullscreen,
  });

  const { viewport, viewportRef } = zoom;
  const toggleFullscreen = () => {
    setFullscreen((on) => !on);
    zoom.reset();
  };

  // Closing returns focus to the (in-page) full-screen button, mounted again by then.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!fullscreen) {
      if (returnFocus.current) fullscreenButton.current?.focus({ preventScroll: true });
      returnFocus.current = false;
      return;
    }
    returnFocus.current = true;
    // The dialog is a portal in <body>: outside the page's sticky columns, whose
    // stacking contexts would otherwise keep it under the site header.
    const previous = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    viewport.current?.focus({ preventScroll: true });
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") setFullscreen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      document.body.style.overflow = previous;
      window.removeEventListener("keydown", onKey);
    };
  }, [fullscreen, viewport]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "+" || event.key === "=") zoom.zoomIn();
    else if (event.key === "-" || event.key === "_") zoom.zoomOut();
    else if (event.key === "0") zoom.reset();
    else return;
    event.preventDefault();
  };

  const percent = `${Math.round(zoom.scale * 100)}%`;
  // Until the viewport is measured (the static HTML), CSS fits the drawing to the
  // width, as the measured default does for any drawing that fits readably.
  const stage: CSSProperties = zoom.measured
    ? { width: `${naturalWidth * zoom.scale}px`, height: `${naturalHeight * zoom.scale}px` }
    : { width: `min(100%, ${naturalWidth}px)`, aspectRatio: `${naturalWidth} / ${naturalHeight}` };

  const view = (
    <div
      className={fullscreen ? `${styles.viewer} ${styles.fullscreen}` : styles.viewer}
      role={fullscreen ? "dialog" : undefined}
      aria-modal={fullscreen || undefined}
      aria-label={fullscreen ? `${name}, full screen` : undefined}
    >
      <div className={styles.toolbar} role="toolbar" aria-label={`${name} controls`}>
        <div className={styles.toolGroup}>
          <button
            type="button"
            className={styles.tool}
            onClick={zoom.zoomOut}
            aria-label={`Zoom out, ${name}`}
          >
            −
          </button>
          <output className={styles.level} aria-live="polite" aria-label={`Zoom level, ${name}`}>
            {percent}
          </output>
          <button
            type="button"
            className={styles.tool}
            onClick={zoom.zoomIn}
            aria-label={`Zoom in, ${name}`}
          >
            +
          </button>
          <button
            type="button"
            className={styles.tool}
            onClick={zoom.fit}
            aria-pressed={zoom.mode === "fit"}
            aria-label={`Fit, ${name}`}
          >
            Fit
          </button>
          <button
            type="button"
            className={styles.tool}
            onClick={zoom.actualSize}
            aria-pressed={zoom.mode === "actual"}
            aria-label={`Actual size, ${name}`}
          >
            Actual size
          </button>
          <button
            type="button"
            ref={fullscreenButton}
            className={styles.tool}
            onClick={toggleFullscreen}
            aria-pressed={fullscreen}
            aria-label={fullscreen ? `Close full screen, ${name}` : `Full screen, ${name}`}
          >
            {fullscreen ? "Close" : "Full screen"}
          </button>
        </div>
        {tools !== undefined && <div className={styles.toolGroup}>{tools}</div>}
      </div>
      <div
        ref={viewportRef}
        className={styles.viewport}
        // Focusable, so keyboard users can scroll and zoom (+ − 0) the drawing.
        tabIndex={0}
        role="group"
        aria-label={`${name} at ${percent}; + and − zoom, 0 resets, arrow keys scroll`}
        onKeyDown={onKeyDown}
        data-scale={zoom.scale.toFixed(4)}
        data-overflows={zoom.overflows || undefined}
      >
        <div className={styles.stage} style={stage}>
          {children}
        </div>
      </div>
      {zoom.mode === "default" && zoom.overflows && (
        <p className={styles.zoomHint}>
          Shown at a readable size: drag or scroll to see the rest, or press Fit to see it whole.
        </p>
      )}
    </div>
  );
  return fullscreen ? createPortal(view, document.body) : view;
}

"use client";

import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CSSProperties, RefObject } from "react";
import styles from "./diagram.module.css";
import { useColorScheme } from "./use-color-scheme";
import { useInView } from "./use-in-view";
import { useMermaidSvg } from "./use-mermaid-svg";

export interface MermaidViewProps {
  /** Mermaid text, or null while there is nothing valid to draw. */
  text: string | null;
  /** The image's accessible name, e.g. "Topology: clients outside the cluster via an AWS NLB". */
  label: string;
  /** Id of the element holding the long text alternative (description, table). */
  describedBy?: string;
  /** Draw only once the diagram comes near the viewport. */
  lazy?: boolean;
  /** Called once, when the first SVG is on the page (for the benchmark's first-diagram mark). */
  onFirstDraw?: () => void;
  /** Short name for controls, e.g. "topology diagram" ("Actual size, topology diagram"). */
  name: string;
  /** Small test hook: `data-testid` of the figure. */
  testId?: string;
  /** A drawing made at build time, shown (instead of loading mermaid) while `text` is its text. */
  prerendered?: PrerenderedDrawing;
}

/** Images of one Mermaid text drawn ahead of time (scripts/prerender-diagram.ts). */
export interface PrerenderedDrawing {
  text: string;
  width: number;
  height: number;
  light: string;
  dark: string;
}

const noSubscription = () => () => {};
const DARK_QUERY = "(prefers-color-scheme: dark)";

/**
 * One Mermaid diagram: the build-time drawing while the text is its text, else a
 * "Drawing diagram…" state until mermaid has loaded and drawn; the SVG in a
 * labelled `role="img"` container, the previous SVG kept while a redraw is
 * pending, and render errors shown as plain text.
 */
export function MermaidView({
  text,
  label,
  name,
  describedBy,
  lazy = false,
  onFirstDraw,
  testId,
  prerendered,
}: MermaidViewProps) {
  const theme = useColorScheme();
  const boxRef = useRef<HTMLDivElement>(null);
  const visible = useInView(boxRef, lazy);
  // The build-time drawing of exactly this text stands in for mermaid's: mermaid
  // (about 200 KiB gzip of JavaScript and a layout pass) loads only once the
  // answers differ from it (issue 7), and reverting to them shows it again. Only
  // for its own text: shown for other answers, even briefly, it would picture a
  // topology the user did not choose.
  const showPrerendered = prerendered !== undefined && prerendered.text === text;
  const { svg, error, pending, retry } = useMermaidSvg(text, theme, visible && !showPrerendered);
  const reported = useRef(false);
  const [actualSize, setActualSize] = useState(false);
  const boxWidth = useBoxWidth(boxRef);
  const showSvg = !showPrerendered && svg !== null && error === null;
  const naturalWidth = showPrerendered
    ? prerendered.width
    : svg === null
      ? null
      : svgNaturalWidth(svg);
  // Offer "actual size" only when fitting the box shrinks the drawing noticeably.
  const shrunk =
    (showPrerendered || showSvg) &&
    naturalWidth !== null &&
    boxWidth > 0 &&
    naturalWidth > boxWidth * 1.15;
  const zoomed = actualSize && shrunk;
  const drawingClass = zoomed ? `${styles.svg} ${styles.actual}` : styles.svg;
  const widthStyle =
    naturalWidth === null
      ? undefined
      : ({ "--natural-width": `${naturalWidth}px` } as CSSProperties);

  const imgRef = useRef<HTMLDivElement>(null);
  // The labelled role="img" box speaks for the drawing (its name, and the text
  // alternative via aria-describedby); mermaid's own SVG semantics (a document
  // of loose label paragraphs) would only repeat it out of order.
  useLayoutEffect(() => {
    imgRef.current?.querySelector("svg")?.setAttribute("aria-hidden", "true");
    // showSvg: the SVG's box is mounted again when the answers leave the defaults.
  }, [svg, error, showSvg]);

  useEffect(() => {
    if (svg !== null && !reported.current) {
      reported.current = true;
      onFirstDraw?.();
    }
  }, [svg, onFirstDraw]);

  // The static HTML cannot know a stored theme choice, so before hydration the
  // prerendered image follows the system scheme through <picture>.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const state = showPrerendered
    ? "prerendered"
    : error !== null
      ? "error"
      : svg === null
        ? "drawing"
        : pending
          ? "redrawing"
          : "ready";
  return (
    <div className={styles.diagramFrame} data-testid={testId} data-diagram-state={state}>
      {shrunk && (
        <div className={styles.zoomBar}>
          <button
            type="button"
            className={styles.zoom}
            aria-pressed={zoomed}
            aria-label={`Actual size, ${name}`}
            onClick={() => setActualSize((on) => !on)}
          >
            Actual size
          </button>
        </div>
      )}
      <div
        className={styles.diagram}
        ref={boxRef}
        aria-busy={pending && !showPrerendered}
        // Focusable when zoomed, so keyboard users can scroll the drawing.
        tabIndex={zoomed ? 0 : undefined}
      >
        {showSvg && (
          <div
            className={drawingClass}
            style={widthStyle}
            ref={imgRef}
            role="img"
            aria-label={label}
            aria-describedby={describedBy}
            // The only dangerouslySetInnerHTML in the app: mermaid's own output,
            // sanitised by mermaid under securityLevel "strict" (mermaid-adapter.ts).
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        )}
        {showPrerendered && (
          <div
            className={drawingClass}
            role="img"
            aria-label={label}
            aria-describedby={describedBy}
            style={widthStyle}
          >
            {/* One <picture> before and after hydration, only its media query
                changing: replacing the element would make the browser paint (and
                count as the largest paint) the same image again, later. */}
            <picture>
              <source
                srcSet={prerendered.dark}
                media={hydrated ? (theme === "dark" ? "all" : "not all") : DARK_QUERY}
              />
              <img
                className={styles.prerendered}
                src={prerendered.light}
                alt=""
                width={prerendered.width}
                height={prerendered.height}
                // Element Timing: the benchmark reads when this image is painted.
                {...{ elementtiming: "topology-prerendered" }}
              />
            </picture>
          </div>
        )}
        {!showPrerendered && svg === null && error === null && (
          <p className={styles.progress} role="status">
            <span className={styles.spinner} aria-hidden="true" />
            Drawing diagram…
          </p>
        )}
        {!showPrerendered && error !== null && (
          <div className={styles.error} role="status">
            <p>The diagram could not be drawn. The text description below is still correct.</p>
            <pre>{error}</pre>
            <button type="button" className={styles.retry} onClick={retry}>
              Try drawing again
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/** Mermaid writes the drawing's own width as `max-width: <n>px` on the <svg>. */
function svgNaturalWidth(svg: string): number | null {
  const match = /max-width:\s*([0-9.]+)px/.exec(svg.slice(0, 2000));
  const width = match?.[1] === undefined ? Number.NaN : Number.parseFloat(match[1]);
  return Number.isFinite(width) && width > 0 ? width : null;
}

function useBoxWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

"use client";

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { ReactNode, RefObject } from "react";
import styles from "./diagram.module.css";
import { DiagramViewer } from "./diagram-viewer";
import { clipEdgesAtTitles } from "./edge-title-clip";
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
  /** Short name for controls, e.g. "topology diagram" ("Zoom in, topology diagram"). */
  name: string;
  /** Small test hook: `data-testid` of the figure. */
  testId?: string;
  /** A drawing made at build time, shown (instead of loading mermaid) while `text` is its text. */
  prerendered?: PrerenderedDrawing;
  /**
   * The start of the label of the node "actual size" centres on (e.g. "Kafka
   * clients"). Without one, a drawing too wide for its box opens at its start,
   * the top left: where a client sequence diagram begins (the client's lifeline),
   * rather than in its middle with the client cut off.
   */
  anchorText?: string;
  /** More toolbar controls (downloads), once there is a drawing. */
  tools?: ReactNode;
}

/** Images of one Mermaid text drawn ahead of time (scripts/prerender-diagram.ts). */
export interface PrerenderedDrawing {
  text: string;
  width: number;
  height: number;
  /** Where the clients are, in the drawing's units. */
  anchor: { x: number; y: number };
  light: string;
  dark: string;
}

const noSubscription = () => () => {};
/** The drawing's top left corner, in its own units (see anchorText). */
const START = { x: 0, y: 0 };
const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The drawing's own size: its viewBox. */
function svgSize(svg: string): { width: number; height: number } | null {
  const match = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg.slice(0, 4000));
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * One Mermaid diagram: the build-time drawing while the text is its text, else a
 * "Drawing diagram…" state until mermaid has loaded and drawn; the SVG in a
 * labelled `role="img"` container inside the zoomable viewer, the previous SVG
 * kept while a redraw is pending, and render errors shown as plain text.
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
  anchorText,
  tools,
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
  const showSvg = !showPrerendered && svg !== null && error === null;
  const size = showPrerendered ? prerendered : svg === null ? null : svgSize(svg);
  const [anchor, setAnchor] = useState<{ x: number; y: number } | null>(null);

  const imgRef = useRef<HTMLDivElement | null>(null);
  // Mermaid's SVG as it enters the page, before it is painted (so no frame shows
  // a title struck through): its edges clipped at the subgraph titles, and
  // hidden from assistive technology, for which the labelled role="img" box
  // speaks (its name, and the text alternative via aria-describedby; mermaid's
  // own SVG semantics, loose label paragraphs, would only repeat it out of
  // order). A ref callback, not an effect of this component: the viewer mounts
  // its content again when it goes full screen and back (a portal), and each new
  // copy of the SVG needs the same. A new drawing makes a new callback, so React
  // calls it again for the new SVG.
  const prepareSvg = useCallback(
    (box: HTMLDivElement | null) => {
      imgRef.current = box;
      const element = svg === null ? null : box?.querySelector("svg");
      if (element === null || element === undefined) return;
      element.setAttribute("aria-hidden", "true");
      clipEdgesAtTitles(element);
    },
    [svg],
  );
  useLayoutEffect(() => {
    const element = imgRef.current?.querySelector("svg");
    if (element === null || element === undefined || anchorText === undefined) return;
    // Where the anchor node is, in the drawing's own units.
    const box = element.viewBox.baseVal;
    const frame = element.getBoundingClientRect();
    const node = [...element.querySelectorAll("g.node")].find((n) =>
      (n.textContent ?? "").startsWith(anchorText),
    );
    if (node === undefined || frame.width === 0) return;
    const rect = node.getBoundingClientRect();
    const unit = box.width / frame.width;
    setAnchor({
      x: (rect.left + rect.width / 2 - frame.left) * unit,
      y: (rect.top + rect.height / 2 - frame.top) * unit,
    });
    // showSvg: the SVG's box is mounted again when the answers leave the defaults.
  }, [svg, error, showSvg, anchorText]);

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

  useHeldHeight(boxRef, state === "drawing");

  const drawing =
    showPrerendered || showSvg ? (
      <DiagramViewer
        name={name}
        naturalWidth={size?.width ?? 0}
        naturalHeight={size?.height ?? 0}
        anchor={showPrerendered ? prerendered.anchor : anchorText === undefined ? START : anchor}
        tools={tools}
      >
        {showSvg && (
          <div
            className={styles.svg}
            ref={prepareSvg}
            role="img"
            aria-label={label}
            aria-describedby={describedBy}
            // The only dangerouslySetInnerHTML in the app: mermaid's own output,
            // sanitised by mermaid under securityLevel "strict" (mermaid-adapter.ts).
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        )}
        {showPrerendered && (
          <div className={styles.svg} role="img" aria-label={label} aria-describedby={describedBy}>
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
      </DiagramViewer>
    ) : null;

  return (
    <div
      className={styles.diagramFrame}
      data-testid={testId}
      data-diagram-state={state}
      ref={boxRef}
      aria-busy={pending && !showPrerendered}
    >
      {drawing}
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
  );
}

/**
 * Holds the frame at the height it had with its last drawing while the next one
 * is first drawn. Leaving the default answers swaps the build-time image for the
 * smaller "Drawing diagram…" note until mermaid has loaded and drawn: without
 * this, everything below the diagram would move up and back down (issue 13:
 * nothing moves while the user types). The height is recorded by a
 * ResizeObserver (no layout read on every render: this view re-renders on every
 * edit) and set on the DOM in a layout effect, before the note is painted.
 */
function useHeldHeight(boxRef: RefObject<HTMLDivElement | null>, drawing: boolean): void {
  const lastHeight = useRef(0);
  const drawingNow = useRef(drawing);
  useLayoutEffect(() => {
    drawingNow.current = drawing;
    const box = boxRef.current;
    if (box === null) return;
    box.style.minHeight = drawing && lastHeight.current > 0 ? `${lastHeight.current}px` : "";
  }, [boxRef, drawing]);
  useEffect(() => {
    const box = boxRef.current;
    if (box === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (!drawingNow.current) lastHeight.current = box.offsetHeight;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef]);
}

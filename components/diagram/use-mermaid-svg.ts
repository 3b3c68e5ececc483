"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  describeRenderError,
  renderMermaid,
  StaleRenderError,
  typicalRenderCost,
} from "./mermaid-adapter";
import type { DiagramTheme } from "./mermaid-adapter";

interface Drawn {
  text: string;
  theme: DiagramTheme;
  svg: string | null;
  error: string | null;
}

export interface MermaidSvgState {
  /** Mermaid's sanitised SVG for the latest text drawn, or null. Kept while a redraw is pending. */
  svg: string | null;
  /** Plain-text reason the latest text could not be drawn, or null. */
  error: string | null;
  /** True while the current text (or theme) has not been drawn yet. */
  pending: boolean;
  retry: () => void;
}

/**
 * A drawing costing more than this (ms) is slow (a slow phone): then even the
 * first key typed into a text box waits QUIET_MS to see whether more follow
 * before drawing.
 */
const SLOW_DRAWING_MS = 200;

/** Input types that change with one click or pick, not key by key. */
const NOT_TYPED_INTO = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "radio",
  "range",
  "reset",
  "submit",
]);

/**
 * Whether the user is typing: a text or number box has focus, so more changes
 * are likely to follow. A click, a choice in a menu or a pasted link is one
 * change, and waiting for more would only delay its drawing (issue 14).
 */
function typingInTextBox(): boolean {
  return typeof document !== "undefined" && isTypedInto(document.activeElement);
}

function isTypedInto(element: EventTarget | null): boolean {
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && !NOT_TYPED_INTO.has(element.type))
  );
}

/** How long the typing must pause (no key, no text change) before a waiting drawing is drawn. */
const QUIET_MS = 150;

/**
 * When a key last changed a text box. The pause is timed from the keys, not
 * from the text: while a text box is typed in, the outputs (and so the text)
 * follow the keys in renders of their own (components/outputs/outputs-panel.tsx),
 * which can bunch up and leave a gap between two texts while keys still arrive.
 */
let lastKeyAt = Number.NEGATIVE_INFINITY;
let listening = false;
function listenForKeys(): void {
  if (listening) return;
  listening = true;
  const onInput = (event: Event) => {
    if (isTypedInto(event.target)) lastKeyAt = performance.now();
  };
  document.addEventListener("input", onInput, { capture: true, passive: true });
}

/**
 * Draws `text` with mermaid whenever it changes; the previous SVG stays until the
 * new one is ready (no flicker). Renders run one at a time (mermaid-adapter.ts),
 * and text that a newer edit superseded is aborted before its turn.
 *
 * When to draw (issues 7 and 14): a drawing holds the main thread for its whole
 * length, and a key pressed meanwhile waits for it. So a change is drawn right
 * after the next paint (edit → diagram within a frame of the render) unless
 * changes are arriving faster than a drawing takes (typing), or drawings are
 * slow on this device and a text box is being typed in: then it is drawn once
 * the text has stayed the same, and no key has been typed, for QUIET_MS, and
 * the keys pressed in between are answered at once.
 * `enabled: false` defers all work (e.g. until the diagram scrolls into view).
 */
export function useMermaidSvg(
  text: string | null,
  theme: DiagramTheme,
  enabled = true,
): MermaidSvgState {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [attempt, setAttempt] = useState(0);
  const lastChangeAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    if (!enabled || text === null) return;
    listenForKeys();
    const now = performance.now();
    const sinceLastChange = now - lastChangeAt.current;
    lastChangeAt.current = now;
    const cost = typicalRenderCost();
    const slowWhileTyping = cost > SLOW_DRAWING_MS && typingInTextBox();
    const wait = sinceLastChange < cost || slowWhileTyping ? QUIET_MS : 0;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      const sinceKey = performance.now() - lastKeyAt;
      if (wait > 0 && sinceKey < QUIET_MS) {
        timer = setTimeout(draw, QUIET_MS - sinceKey);
        return;
      }
      renderMermaid(text, theme, controller.signal).then(
        (svg) => {
          if (controller.signal.aborted) return;
          setDrawn({ text, theme, svg, error: null });
        },
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof StaleRenderError) return;
          // Never keep an SVG of other text next to an error about this text.
          setDrawn({ text, theme, svg: null, error: describeRenderError(error) });
        },
      );
    };
    // After the next paint at the earliest: the edit's text outputs should be on
    // screen first. A newer change cancels this one's turn (the cleanup below).
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(draw, wait);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, theme, enabled, attempt]);

  const retry = useCallback(() => {
    setDrawn(null);
    setAttempt((n) => n + 1);
  }, []);

  const current = drawn !== null && drawn.text === text && drawn.theme === theme;
  return {
    svg: drawn?.svg ?? null,
    error: current ? drawn.error : null,
    pending: text !== null && !current,
    retry,
  };
}

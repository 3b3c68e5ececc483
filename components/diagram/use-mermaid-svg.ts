"use client";

import { useCallback, useEffect, useState } from "react";
import { describeRenderError, renderMermaid, StaleRenderError } from "./mermaid-adapter";
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
 * Draws `text` with mermaid whenever it changes; the previous SVG stays until the
 * new one is ready (no flicker). There is no debounce (issue 7: edit → diagram
 * within 150 ms): renders run one at a time (mermaid-adapter.ts), and text that a
 * newer edit superseded is aborted before its turn, so a burst of keystrokes costs
 * at most the render in flight plus the latest one. `enabled: false` defers all
 * work (e.g. until the diagram scrolls into view).
 */
export function useMermaidSvg(
  text: string | null,
  theme: DiagramTheme,
  enabled = true,
): MermaidSvgState {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled || text === null) return;
    const controller = new AbortController();
    const draw = () => {
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
    // After the next paint, not now: mermaid holds the main thread for a while
    // (tens of ms), and the edit's text outputs should be on screen first. A
    // keystroke during a drawing waits for it; the one after it supersedes it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(draw, 0);
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

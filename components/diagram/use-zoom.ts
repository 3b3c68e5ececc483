"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { RefObject } from "react";

/**
 * Zoom and pan for a drawing in a scrolling viewport (issue 12). The drawing is
 * laid out at `natural size × scale`, so the browser's own scrolling pans it
 * (touch, trackpad, scroll bars, arrow keys) and page scrolling keeps working
 * around it; on top of that:
 * - Ctrl/⌘ + wheel (and a trackpad pinch, which browsers send as one) zooms at
 *   the pointer; in full screen the plain wheel zooms too;
 * - a two-finger pinch on a touch screen zooms at its centre;
 * - dragging with the mouse pans;
 * - `+` / `-` / `0` on the focused viewport zoom in, out and back to the default.
 *
 * The default scale fits the drawing to the viewport's width, but never below
 * the scale at which its text is `minTextPx` on screen: a drawing too wide for
 * that opens at a readable size, scrolled to its anchor (the clients), with
 * "Fit" one click away.
 */

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;
const STEP = 1.25;

export interface ZoomOptions {
  naturalWidth: number;
  naturalHeight: number;
  /** The drawing's label font size in its own units. */
  fontPx: number;
  /** The smallest text size the default view allows, in CSS px. */
  minTextPx: number;
  /** Where "actual size" (and a readable default too wide to fit) is centred, in drawing units. */
  anchor: { x: number; y: number } | null;
  /** In full screen the plain wheel zooms, and the height is fitted too. */
  fullscreen: boolean;
}

export type ZoomMode = "default" | "fit" | "actual" | "custom";

export interface Zoom {
  scale: number;
  mode: ZoomMode;
  /** The text size on screen at this scale, in CSS px. */
  textPx: number;
  /** True when the drawing is wider than the viewport at this scale. */
  overflows: boolean;
  /** False until the viewport has been measured (in the static HTML, before hydration). */
  measured: boolean;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  actualSize(): void;
  reset(): void;
}

const clamp = (value: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, value));

export interface ZoomState extends Zoom {
  /** Give this ref to the scrolling viewport (a callback: the viewport moves into a portal in full screen). */
  viewportRef: (element: HTMLDivElement | null) => void;
  /** The viewport element, for focusing it. */
  viewport: RefObject<HTMLDivElement | null>;
}

export function useZoom(options: ZoomOptions): ZoomState {
  const { naturalWidth, naturalHeight, fontPx, minTextPx, anchor, fullscreen } = options;
  const viewport = useRef<HTMLDivElement>(null);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const viewportRef = useCallback((next: HTMLDivElement | null) => {
    viewport.current = next;
    setElement(next);
  }, []);
  const [box, setBox] = useState({ width: 0, height: 0 });
  const [mode, setMode] = useState<ZoomMode>("default");
  const [custom, setCustom] = useState(1);
  // Scroll position to apply once the new scale is laid out.
  const pendingScroll = useRef<{ left: number; top: number } | "anchor" | null>("anchor");

  useEffect(() => {
    if (element === null || typeof ResizeObserver === "undefined") return;
    // The content box: the viewport's padding is not room for the drawing.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setBox({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  const fitScale =
    box.width === 0 || naturalWidth === 0
      ? 1
      : Math.min(
          1,
          box.width / naturalWidth,
          fullscreen && box.height > 0 ? box.height / naturalHeight : Infinity,
        );
  const readable = minTextPx / fontPx;
  const defaultScale = Math.min(1, Math.max(fitScale, readable));
  const scale =
    mode === "fit" ? fitScale : mode === "actual" ? 1 : mode === "custom" ? custom : defaultScale;
  // The scale as the event listeners see it (they are attached once).
  const scaleRef = useRef(scale);
  useEffect(() => {
    scaleRef.current = scale;
  }, [scale]);

  /** Zooms to `next`, keeping the drawing point under viewport point (px, py) in place. */
  const zoomAt = useRef((next: number, px?: number, py?: number) => {
    const element = viewport.current;
    const target = clamp(next);
    if (element !== null) {
      const x = px ?? element.clientWidth / 2;
      const y = py ?? element.clientHeight / 2;
      const from = scaleRef.current;
      const cx = (element.scrollLeft + x) / from;
      const cy = (element.scrollTop + y) / from;
      pendingScroll.current = { left: cx * target - x, top: cy * target - y };
    }
    setCustom(target);
    setMode("custom");
  });

  useLayoutEffect(() => {
    const pending = pendingScroll.current;
    if (element === null || pending === null || box.width === 0) return;
    pendingScroll.current = null;
    const target =
      pending === "anchor"
        ? {
            left: (anchor ?? { x: naturalWidth / 2 }).x * scale - element.clientWidth / 2,
            top: Math.max(0, (anchor?.y ?? 0) * scale - element.clientHeight / 3),
          }
        : pending;
    element.scrollTo({ left: target.left, top: target.top, behavior: "instant" });
  }, [element, scale, anchor, naturalWidth, box.width]);

  // Wheel and pinch need non-passive listeners (to keep the page from zooming).
  const wheelZooms = useRef(fullscreen);
  useEffect(() => {
    wheelZooms.current = fullscreen;
  }, [fullscreen]);
  useEffect(() => {
    if (element === null) return;
    const zoom = zoomAt.current;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey || wheelZooms.current)) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
      zoom(scaleRef.current * factor, event.clientX - rect.left, event.clientY - rect.top);
    };
    let pinch: { distance: number; scale: number } | null = null;
    const distance = (touches: TouchList) => {
      const [a, b] = [touches[0], touches[1]];
      return a && b ? Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) : 0;
    };
    const onTouchStart = (event: TouchEvent) => {
      if (event.touches.length === 2) {
        pinch = { distance: distance(event.touches), scale: scaleRef.current };
      }
    };
    const onTouchMove = (event: TouchEvent) => {
      if (pinch === null || event.touches.length !== 2 || pinch.distance === 0) return;
      event.preventDefault();
      const [a, b] = [event.touches[0], event.touches[1]];
      if (!a || !b) return;
      const rect = element.getBoundingClientRect();
      zoom(
        pinch.scale * (distance(event.touches) / pinch.distance),
        (a.clientX + b.clientX) / 2 - rect.left,
        (a.clientY + b.clientY) / 2 - rect.top,
      );
    };
    const onTouchEnd = (event: TouchEvent) => {
      if (event.touches.length < 2) pinch = null;
    };
    let drag: { x: number; y: number; left: number; top: number } | null = null;
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType !== "mouse" || event.button !== 0) return;
      drag = {
        x: event.clientX,
        y: event.clientY,
        left: element.scrollLeft,
        top: element.scrollTop,
      };
      element.dataset.dragging = "true";
    };
    const onPointerMove = (event: PointerEvent) => {
      if (drag === null) return;
      element.scrollTo({
        left: drag.left - (event.clientX - drag.x),
        top: drag.top - (event.clientY - drag.y),
        behavior: "instant",
      });
    };
    const onPointerUp = () => {
      drag = null;
      delete element.dataset.dragging;
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    element.addEventListener("touchstart", onTouchStart, { passive: true });
    element.addEventListener("touchmove", onTouchMove, { passive: false });
    element.addEventListener("touchend", onTouchEnd);
    element.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("pointermove", onPointerMove);
    window.addEventListener("pointerup", onPointerUp);
    return () => {
      element.removeEventListener("wheel", onWheel);
      element.removeEventListener("touchstart", onTouchStart);
      element.removeEventListener("touchmove", onTouchMove);
      element.removeEventListener("touchend", onTouchEnd);
      element.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("pointermove", onPointerMove);
      window.removeEventListener("pointerup", onPointerUp);
    };
  }, [element]);

  const overflows = box.width > 0 && naturalWidth * scale > box.width + 1;
  return {
    viewportRef,
    viewport,
    scale,
    mode,
    textPx: fontPx * scale,
    overflows,
    measured: box.width > 0,
    zoomIn: () => zoomAt.current(scale * STEP),
    zoomOut: () => zoomAt.current(scale / STEP),
    fit: () => {
      pendingScroll.current = { left: 0, top: 0 };
      setMode("fit");
    },
    actualSize: () => {
      pendingScroll.current = "anchor";
      setMode("actual");
    },
    reset: () => {
      pendingScroll.current = "anchor";
      setMode("default");
    },
  };
}

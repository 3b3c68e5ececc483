"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * While `hold` is true the element never gets shorter: its min-height follows
 * the tallest it has been since the hold began (a ResizeObserver notices
 * growth), and is released when the hold ends. The results use it while a text
 * box is typed in (issue 13), so an output that briefly shrinks (a diagram
 * between drawings) does not pull everything below it up and back down.
 */
export function useHeldHeight<T extends HTMLElement>(hold: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || !hold) return;
    let tallest = element.offsetHeight;
    element.style.minHeight = `${tallest}px`;
    const observer = new ResizeObserver(() => {
      if (element.offsetHeight <= tallest) return;
      tallest = element.offsetHeight;
      element.style.minHeight = `${tallest}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      element.style.minHeight = "";
    };
  }, [hold]);
  return ref;
}

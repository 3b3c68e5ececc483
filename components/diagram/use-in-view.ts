"use client";

import { useEffect, useState } from "react";
import type { RefObject } from "react";

/**
 * Becomes true once the element comes near the viewport, and stays true, so
 * work for content below the fold (secondary diagrams) waits until it matters.
 * Without IntersectionObserver it is true at once.
 */
export function useInView(ref: RefObject<Element | null>, active: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!active || seen) return;
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === "undefined") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, active, seen]);
  return !active || seen;
}

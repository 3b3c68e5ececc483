"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import type { Scenario } from "@/lib/scenario/schema";
import { buildShareLink } from "@/lib/share/codec";

// The page is a static export: at build time there is no origin, so the
// static HTML shows the files without a share link and the link appears once
// the page runs in a browser (the files are otherwise identical).

/**
 * The origin, once a component of this page has read it after hydration: later
 * mounts (the files panel comes back when invalid answers turn valid) start with
 * it, instead of showing files without the link and building them twice.
 */
let knownOrigin: string | null = null;

/** Where the wizard lives: origin + base path + "/" (trailingSlash export). */
export function useWizardBaseUrl(): string | null {
  const [origin, setOrigin] = useState<string | null>(() => knownOrigin);
  useEffect(() => {
    if (origin !== null) return;
    knownOrigin = window.location.origin;
    // A transition: adding the link regenerates the files, which need not hold up
    // the page's load (issue 7); as a plain update it would run in the same long
    // task as hydration.
    startTransition(() => setOrigin(knownOrigin));
  }, [origin]);
  if (origin === null) return null;
  const basePath = (process.env.NEXT_PUBLIC_BASE_PATH ?? "").replace(/\/+$/, "");
  return `${origin}${basePath}/`;
}

/** The link that reproduces `scenario`, or null before hydration / without a scenario. */
export function useShareLink(scenario: Scenario | null): string | null {
  const baseUrl = useWizardBaseUrl();
  return useMemo(
    () => (scenario === null || baseUrl === null ? null : buildShareLink(baseUrl, scenario)),
    [scenario, baseUrl],
  );
}

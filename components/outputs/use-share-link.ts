"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { Scenario } from "@/lib/scenario/schema";
import { buildShareLink } from "@/lib/share/codec";

// The page is a static export: at build time there is no origin, so the
// static HTML shows the files without a share link and the link appears once
// the page runs in a browser (the files are otherwise identical).
const subscribeNever = () => () => {};
const readOrigin = () => window.location.origin;
const noOrigin = () => null;

/** Where the wizard lives: origin + base path + "/" (trailingSlash export). */
export function useWizardBaseUrl(): string | null {
  const origin = useSyncExternalStore<string | null>(subscribeNever, readOrigin, noOrigin);
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

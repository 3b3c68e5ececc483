"use client";

import { createContext, useContext } from "react";
import type * as z from "zod/mini";

/**
 * The schema's problems with the current answers, by dot path.
 *
 * Why not react-hook-form's `formState.errors`: with a resolver in onChange mode
 * RHF only refreshes the error of the field that changed, so a cross-field rule
 * (e.g. "enter the load balancer host" once exposure becomes a load balancer,
 * or its disappearance when the host source changes) would show late or go
 * stale. The wizard parses the whole scenario on every edit anyway (to decide
 * whether outputs can be drawn), so fields show exactly those issues: what the
 * field says and what the outputs wait for can never disagree.
 */
export interface ValidationIndex {
  issues: readonly Problem[];
  byField: ReadonlyMap<string, string>;
}

export interface Problem {
  /** Dot path of the field (`loadBalancer.host`, `zones.names.0`). */
  path: string;
  message: string;
}

const EMPTY: ValidationIndex = { issues: [], byField: new Map() };

export const ValidationContext = createContext<ValidationIndex>(EMPTY);

/** One problem per field, the first zod reports (an empty name fails both "enter" and the pattern). */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, message: issue.message });
  }
  return problems;
}

export function indexProblems(problems: readonly Problem[]): ValidationIndex {
  const byField = new Map<string, string>();
  for (const p of problems) {
    // The first issue per field is the one to fix first.
    if (!byField.has(p.path)) byField.set(p.path, p.message);
  }
  return { issues: problems, byField };
}

/** The schema's message for this field, or undefined when it is valid. */
export function useFieldProblem(name: string): string | undefined {
  return useContext(ValidationContext).byField.get(name);
}

export function useProblems(): readonly Problem[] {
  return useContext(ValidationContext).issues;
}

/**
 * Whether any field at or under `prefix` has a problem. Steps keep a field on
 * the page while it is invalid even when an answer would hide it: a hidden
 * invalid value would block the outputs with no way to fix it.
 */
export function useHasProblem(prefix: string): boolean {
  const { issues } = useContext(ValidationContext);
  return issues.some((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));
}

export function useValidation(): ValidationIndex {
  return useContext(ValidationContext);
}

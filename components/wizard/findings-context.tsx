"use client";

import { createContext, useContext } from "react";
import type { Finding } from "@/lib/check/types";

/**
 * The topology check's findings, indexed by the form field paths they concern
 * (`Finding.fields`, dot paths as react-hook-form names them). Fields read this
 * to show a finding next to the answer that causes it.
 */
export interface FindingsIndex {
  all: readonly Finding[];
  byField: ReadonlyMap<string, readonly Finding[]>;
}

const EMPTY: FindingsIndex = { all: [], byField: new Map() };

export const FindingsContext = createContext<FindingsIndex>(EMPTY);

export function indexFindings(findings: readonly Finding[]): FindingsIndex {
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const field of finding.fields) {
      const list = byField.get(field);
      if (list) list.push(finding);
      else byField.set(field, [finding]);
    }
  }
  return { all: findings, byField };
}

const NONE: readonly Finding[] = [];

/** Findings that concern exactly this field path. */
export function useFieldFindings(name: string): readonly Finding[] {
  return useContext(FindingsContext).byField.get(name) ?? NONE;
}

export function useFindings(): readonly Finding[] {
  return useContext(FindingsContext).all;
}

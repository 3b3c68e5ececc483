"use client";

import {
  createContext,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { Finding } from "@/lib/check/types";
import { createValueStore } from "./value-store";

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
const NONE: readonly Finding[] = [];

/**
 * Indexes `findings` by field. Given the index before, a field whose findings
 * are the same in content keeps the very list it had, so only the fields whose
 * findings changed see a new value (FindingsProvider).
 */
export function indexFindings(findings: readonly Finding[], before?: FindingsIndex): FindingsIndex {
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const field of finding.fields) {
      const list = byField.get(field);
      if (list) list.push(finding);
      else byField.set(field, [finding]);
    }
  }
  if (before === undefined) return { all: findings, byField };
  const shared = new Map<string, readonly Finding[]>();
  for (const [field, list] of byField) {
    const old = before.byField.get(field);
    shared.set(field, old !== undefined && sameFindings(old, list) ? old : list);
  }
  return { all: findings, byField: shared };
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

const FindingsStoreContext = createContext(createValueStore(EMPTY));

/**
 * Hands the findings to the fields below through a store (value-store.ts) rather
 * than a context value (issue 14): a context value that changes re-renders every
 * field of the form (35 inputs on the default answers, each of which React then
 * re-writes in the DOM), and an edit changes some finding's text almost every
 * time ("3 brokers" becomes "4 brokers"). With the store, each field selects
 * its own list and re-renders only when that list changes. The new index is
 * published at commit, so the fields it changes render in the same task,
 * before the browser paints.
 */
export function FindingsProvider({
  findings,
  children,
}: {
  findings: readonly Finding[];
  children: ReactNode;
}) {
  const [store] = useState(() => createValueStore(indexFindings(findings)));
  useLayoutEffect(() => {
    if (store.get().all !== findings) store.set(indexFindings(findings, store.get()));
  }, [store, findings]);
  return <FindingsStoreContext value={store}>{children}</FindingsStoreContext>;
}

/** Findings that concern exactly this field path. */
export function useFieldFindings(name: string): readonly Finding[] {
  const store = useContext(FindingsStoreContext);
  const select = () => store.get().byField.get(name) ?? NONE;
  return useSyncExternalStore(store.subscribe, select, select);
}

"use client";

import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { useFormContext, type UseFormReset } from "react-hook-form";
import type { Scenario } from "@/lib/scenario/schema";
import { useFieldReach } from "./field-reach";
import { useScenarioStateContext } from "./scenario-context";
import { useLocalSave, type LocalSave } from "./use-local-save";
import { useShareSync, type OpenedLink, type ShareSync } from "./use-share-sync";
import { useValueStore } from "./value-store";

export interface Session extends ShareSync, LocalSave {
  /** The answers before the last "Start over", while it can be undone. */
  undoable: Scenario | null;
  startOver(): void;
  undoStartOver(): void;
  dismissUndo(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Link sync, local save and "Start over" for the whole page; children pass through. */
export function SessionProvider({
  opened,
  children,
}: {
  /** The link the page was opened with, when the form starts from it. */
  opened?: OpenedLink;
  children: ReactNode;
}) {
  const { reset: resetForm, getValues } = useFormContext<Scenario>();
  const reach = useFieldReach();
  // Whole new answers (a link, a preset, start over, a restore): no field has been reached yet.
  const reset = useCallback<UseFormReset<Scenario>>(
    (values, options) => {
      reach.clear();
      resetForm(values, options);
    },
    [reach, resetForm],
  );
  const state = useScenarioStateContext();
  const share = useShareSync(reset, state, opened);
  const local = useLocalSave(reset, state);
  const [undoable, undoStore] = useValueStore<Scenario | null>(null);
  const { startFromDefaults, dismissLinkNotice } = share;
  const { dismissOffer } = local;

  const startOver = useCallback(() => {
    undoStore.set(structuredClone(getValues()));
    startFromDefaults();
    dismissLinkNotice();
    dismissOffer();
  }, [getValues, undoStore, startFromDefaults, dismissLinkNotice, dismissOffer]);

  const undoStartOver = useCallback(() => {
    const previous = undoStore.get();
    if (previous !== null) reset(previous);
    undoStore.set(null);
  }, [reset, undoStore]);

  const dismissUndo = useCallback(() => undoStore.set(null), [undoStore]);

  const session = useMemo<Session>(
    () => ({ ...share, ...local, undoable, startOver, undoStartOver, dismissUndo }),
    [share, local, undoable, startOver, undoStartOver, dismissUndo],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside SessionProvider");
  return session;
}

"use client";

import { useEffect } from "react";
import { describeTopology } from "@/lib/diagram/describe";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import { jsonEqual } from "@/lib/share/json";
import { useScenarioStateContext } from "./scenario-context";

const SITE = "Bufstream networking wizard";

/**
 * The tab's title says which scenario it holds (issue 13), e.g. "Clients outside
 * the cluster through the AWS Network Load Balancer (internal), 3 brokers ·
 * Bufstream networking wizard", so tabs, bookmarks and history tell scenarios
 * apart. What a chat app shows for a pasted link is another matter: the
 * scenario lives in the link's fragment, which is never sent to a server, so an
 * unfurler sees only the path: shared links go through their scenario kind's
 * static page, `s/<kind>/` (lib/share/link-kind.ts), whose title and Open Graph
 * tags say what the link holds; the page's own (app/layout.tsx) describe the tool.
 */
export function PageTitle() {
  const { shown } = useScenarioStateContext();
  useEffect(() => {
    document.title = jsonEqual(shown, DEFAULT_SCENARIO)
      ? SITE
      : `${describeTopology(shown).title} · ${SITE}`;
  }, [shown]);
  return null;
}

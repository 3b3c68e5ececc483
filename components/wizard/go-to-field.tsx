"use client";

import { focusField } from "@/components/ui/field-ids";
import { describeField } from "./field-labels";
import { useFieldReach } from "./field-reach";

/** The wizard step holding a field, for fields not on the page (e.g. hidden by an answer). */
function stepFor(path: string): string {
  const top = path.split(".")[0] ?? "";
  if (top === "clients" || path === "loadBalancer.provider") return "step-clients";
  if (top === "exposure" || top === "loadBalancer") return "step-exposure";
  if (top === "zones") return "step-zones";
  if (top === "clientKit") return "step-client-kit";
  if (top === "release" || top === "cluster" || top === "replicas") return "step-release";
  return "step-scope";
}

/** Moves focus to a field, or to its step's heading when the field is not on the page. */
export function goToField(path: string): void {
  if (focusField(path)) return;
  const heading = document.getElementById(`${stepFor(path)}-heading`);
  if (heading === null) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

/**
 * A button that moves focus to the field (never a `#` link: the fragment carries
 * the scenario). Going to a field counts as reaching it, so its error shows.
 */
export function GoToField({ path }: { path: string }) {
  const reach = useFieldReach();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        reach.markReached(path);
        goToField(path);
      }}
    >
      {describeField(path)}
    </button>
  );
}

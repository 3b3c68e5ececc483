"use client";

import { useEffect, useState } from "react";
import { copyText } from "@/components/outputs/clipboard";
import { Button } from "@/components/ui/button";
import { buildShareLink } from "@/lib/share/codec";
import { useFieldReach } from "./field-reach";
import { useScenarioStateContext } from "./scenario-context";
import { useSession } from "./session";

const CONFIRM_MS = 2500;

/** Where the wizard lives: origin + base path + "/" (the export uses trailing slashes). */
function wizardBaseUrl(): string {
  const basePath = (process.env.NEXT_PUBLIC_BASE_PATH ?? "").replace(/\/+$/, "");
  return `${window.location.origin}${basePath}/`;
}

/** "Copy link" (with a spoken and visible confirmation) and "Start over". */
export function SessionToolbar() {
  const { scenario } = useScenarioStateContext();
  const { startOver } = useSession();
  const reach = useFieldReach();
  const [status, setStatus] = useState("");

  useEffect(() => {
    if (status === "") return;
    const timer = window.setTimeout(() => setStatus(""), CONFIRM_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const copyLink = async () => {
    if (scenario === null) {
      reach.revealAll();
      setStatus("Fix the answers marked in the form first: a link carries a valid scenario.");
      return;
    }
    // `<root>s/<kind>/#…`: a chat app unfurls the kind's page (lib/share/link-kind.ts).
    const outcome = await copyText(buildShareLink(wizardBaseUrl(), scenario));
    setStatus(
      outcome === "copied" ? "Copied" : "Copying failed: copy the address from the address bar.",
    );
  };

  return (
    <div className="session-toolbar">
      <div className="button-row">
        <Button variant="primary" onClick={() => void copyLink()}>
          Copy link
        </Button>
        <Button onClick={startOver}>Start over</Button>
      </div>
      <p
        className={status === "Copied" ? "status-text" : "status-text status-text-problem"}
        role="status"
        aria-live="polite"
        data-testid="copy-link-status"
      >
        {status}
      </p>
    </div>
  );
}

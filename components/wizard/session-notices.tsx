"use client";

import { Button } from "@/components/ui/button";
import { describeField } from "./field-labels";
import { useSession } from "./session";

/**
 * Notices about the session: a link that could not be read fully, a scenario
 * saved on a previous visit, an undoable "Start over". Everything from a link is
 * rendered as text (React escapes it), never as HTML.
 */
export function SessionNotices() {
  const session = useSession();
  const { linkNotice, offer, undoable } = session;
  return (
    <>
      {linkNotice !== null && (
        <div className="notice notice-warning" role="status" data-testid="link-notice">
          <div className="notice-body">
            <p>
              <strong>
                {linkNotice.kind === "invalid"
                  ? "Some answers in this link could not be used."
                  : linkNotice.kind === "cut-short"
                    ? "This link is incomplete."
                    : "This link could not be read."}
              </strong>{" "}
              {linkNotice.kind === "invalid"
                ? "The wizard kept everything else it could read and used defaults for the rest."
                : "The wizard shows the defaults instead."}{" "}
              The link stays in the address bar, as you received it, until you start from the
              defaults or change an answer.
            </p>
            <ul>
              {linkNotice.problems.map((problem, i) => (
                <li key={`${i}-${problem.path}`}>
                  {problem.path === "" ? "" : `${describeField(problem.path)}: `}
                  {problem.message}
                </li>
              ))}
              {linkNotice.notes.map((note, i) => (
                <li key={`note-${i}`}>{note}</li>
              ))}
            </ul>
          </div>
          <div className="button-row">
            <Button variant="primary" size="small" onClick={session.startFromDefaults}>
              Start from defaults
            </Button>
            <Button size="small" onClick={session.dismissLinkNotice}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      {offer !== null && (
        <div className="notice" role="status" data-testid="restore-notice">
          <div className="notice-body">
            <p>
              <strong>Welcome back.</strong> Your last scenario (release{" "}
              <code>{offer.release.name}</code>, {offer.exposure.replace("-", " ")}
              {offer.zones.enabled ? `, ${offer.zones.names.length} zones` : ""}) is saved in this
              browser.
            </p>
          </div>
          <div className="button-row">
            <Button variant="primary" size="small" onClick={session.restoreOffer}>
              Restore your last scenario
            </Button>
            <Button size="small" onClick={session.dismissOffer}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      {undoable !== null && (
        <div className="notice" role="status" data-testid="undo-notice">
          <div className="notice-body">
            <p>Started over from the defaults.</p>
          </div>
          <div className="button-row">
            <Button variant="primary" size="small" onClick={session.undoStartOver}>
              Undo
            </Button>
            <Button size="small" onClick={session.dismissUndo}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

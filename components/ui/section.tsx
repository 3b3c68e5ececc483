import type { ReactNode } from "react";

export interface SectionProps {
  /** Used for the heading id (`<id>-heading`) and as the anchor target. */
  id: string;
  title: ReactNode;
  /** Heading level; the wizard's steps are h2 under the page's h1. */
  level?: 2 | 3;
  /** A short lead line under the heading. */
  lead?: ReactNode;
  /** Step number shown before the title. */
  step?: number;
  children: ReactNode;
  className?: string;
}

/** A labelled region with a heading: the wizard's steps and the output panels use it. */
export function Section({ id, title, level = 2, lead, step, children, className }: SectionProps) {
  const Heading = level === 2 ? "h2" : "h3";
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={["section", className].filter(Boolean).join(" ")}
    >
      <Heading id={headingId} className="section-title">
        {step !== undefined && (
          <span className="section-step" aria-hidden="true">
            {step}
          </span>
        )}
        {title}
      </Heading>
      {lead !== undefined && <p className="section-lead">{lead}</p>}
      {children}
    </section>
  );
}

/** A bordered box without a landmark, for grouping inside a section. */
export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={["card", className].filter(Boolean).join(" ")}>{children}</div>;
}

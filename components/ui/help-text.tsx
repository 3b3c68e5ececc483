import type { ReactNode } from "react";

/** Every docs link goes to Bufstream's own documentation. */
export const BUFSTREAM_DOCS = "https://buf.build/docs/bufstream";

/** `docsUrl("reference/configuration/helm-values")` → the full docs address. */
export function docsUrl(path: string): string {
  return `${BUFSTREAM_DOCS}/${path.replace(/^\/+/, "")}`;
}

export interface DocsLink {
  /** A path under https://buf.build/docs/bufstream/, or a full https URL. */
  href: string;
  label: string;
}

export interface HelpTextProps {
  /** What the question means, in one or two plain sentences. */
  what?: ReactNode;
  /** When to pick which answer. */
  when?: ReactNode;
  /** What it costs (money, latency, operations) or what it changes. */
  cost?: ReactNode;
  /** Free-form help, shown after the structured parts. */
  children?: ReactNode;
  docs?: DocsLink | readonly DocsLink[];
  /** Set by the field that renders it (for aria-describedby). */
  id?: string;
}

/**
 * Plain-language help for one question: what it means, when to pick it, what it
 * costs, and where the Bufstream docs say more. Links open in a new tab with
 * rel="noopener noreferrer" so the wizard keeps its state.
 */
export function HelpText({ what, when, cost, children, docs, id }: HelpTextProps) {
  const links = docs === undefined ? [] : Array.isArray(docs) ? docs : [docs as DocsLink];
  return (
    <div className="help" id={id}>
      {what !== undefined && <p>{what}</p>}
      {(when !== undefined || cost !== undefined) && (
        // Collapsed so a long form stays scannable; `what` and the docs link stay visible.
        <details className="help-more">
          <summary>
            {when !== undefined && cost !== undefined
              ? "When to pick it, what it costs"
              : when !== undefined
                ? "When to pick it"
                : "What it costs"}
          </summary>
          {when !== undefined && (
            <p>
              <span className="help-term">When: </span>
              {when}
            </p>
          )}
          {cost !== undefined && (
            <p>
              <span className="help-term">Cost: </span>
              {cost}
            </p>
          )}
        </details>
      )}
      {children}
      {links.length > 0 && (
        <p className="help-docs">
          {links.map((link, i) => (
            <span key={link.href}>
              {i > 0 && " · "}
              <DocsAnchor link={link} />
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function DocsAnchor({ link }: { link: DocsLink }) {
  const href = /^https:\/\//.test(link.href) ? link.href : docsUrl(link.href);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {link.label}
      <span className="visually-hidden"> (Bufstream docs, opens in a new tab)</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

"use client";

import { useRef } from "react";
import { Tabs } from "@/components/ui/tabs";
import { Card } from "@/components/ui/section";
import type { ClientKitEntry, ClientKitSnippet } from "@/lib/clients/client-kit";
import { CopyButton } from "./copy-button";
import { DownloadButton } from "./download-button";
import styles from "./outputs.module.css";

function SnippetView({ entry, snippet }: { entry: ClientKitEntry; snippet: ClientKitSnippet }) {
  const codeRef = useRef<HTMLPreElement>(null);
  return (
    <div className={styles.snippet}>
      <div className={styles.actions}>
        <CopyButton
          text={snippet.code}
          what={`${snippet.title} settings for ${entry.title}`}
          fallbackTarget={codeRef}
        />
        <DownloadButton fileName={snippet.fileName} content={snippet.code} />
      </div>
      <pre className={styles.code} ref={codeRef} tabIndex={0} data-language={snippet.language}>
        <code>{snippet.code}</code>
      </pre>
    </div>
  );
}

function Setting({ name, value, entry }: { name: string; value: string; entry: ClientKitEntry }) {
  return (
    <>
      <dt>{name}</dt>
      <dd className={styles.settingValue}>
        <code>{value}</code>
        <CopyButton text={value} what={`${name} for ${entry.title}`} />
      </dd>
    </>
  );
}

function KitCard({ entry }: { entry: ClientKitEntry }) {
  return (
    <Card className={styles.kitCard}>
      <h3 className={styles.cardTitle}>{entry.title}</h3>
      <dl className={styles.facts}>
        <Setting name="bootstrap.servers" value={entry.bootstrapServers} entry={entry} />
        <Setting name="client.id" value={entry.clientId} entry={entry} />
      </dl>
      {entry.notes.length > 0 && (
        <ul className={styles.kitNotes}>
          {entry.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {entry.env.length > 0 && (
        <>
          <h4 className={styles.subTitle}>Environment variables the snippets read</h4>
          <dl className={styles.facts}>
            {entry.env.map((variable) => (
              <div key={variable.name} className={styles.contents}>
                <dt>
                  <code>{variable.name}</code>
                </dt>
                <dd>{variable.description}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <Tabs
        label={`Client settings for ${entry.title}`}
        className={styles.kitTabs}
        tabs={entry.snippets.map((snippet) => ({
          id: snippet.id,
          label: snippet.title,
          content: <SnippetView entry={entry} snippet={snippet} />,
        }))}
      />
    </Card>
  );
}

/** The client kit (issue 5): per place clients run and per zone, what to paste into each client. */
export function ClientKitPanel({ entries }: { entries: readonly ClientKitEntry[] }) {
  return (
    <div className={styles.kit}>
      {entries.map((entry) => (
        <KitCard key={entry.id} entry={entry} />
      ))}
    </div>
  );
}

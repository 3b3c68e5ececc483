import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { pageFont, symbolFont } from "@/components/ui/page-font";
import { SkipLink } from "@/components/ui/skip-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import "./globals.css";
import "./wizard-results.css";

const description =
  "Kafka networking for Bufstream on Kubernetes: answer where clients run, see the topology, check it, and get the Helm values, install commands and client settings.";

// What a chat app shows for a link to the wizard itself: the scenario travels in
// the link's fragment, which browsers never send to a server, so no unfurler
// can see it; these tags describe the tool. Shared links go through their
// scenario kind's page instead (lib/share/link-kind.ts, written by
// scripts/postbuild.ts), whose tags say what kind of scenario it is; the tab's
// own title names the scenario (components/wizard/page-title.tsx).
export const metadata: Metadata = {
  title: "Bufstream networking wizard",
  description,
  applicationName: "bufstream-wizard",
  openGraph: {
    type: "website",
    title: "Bufstream networking wizard: a shared Kafka-on-Kubernetes scenario",
    description:
      "Open the link to see the scenario: its topology, whether every Kafka client will connect, and the Helm values and install commands.",
    siteName: "Bufstream networking wizard",
  },
  twitter: { card: "summary", title: "Bufstream networking wizard", description },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme module sets data-theme on <html> before hydration (stored choice).
    <html
      lang="en"
      className={`${pageFont.variable} ${symbolFont.variable}`}
      suppressHydrationWarning
    >
      <body>
        <SkipLink targetId="main">Skip to the wizard</SkipLink>
        <header className="site-header">
          <h1 className="site-title">
            Bufstream networking wizard
            <span className="site-title-sub">Kafka on Kubernetes, without guesswork</span>
          </h1>
          <div className="site-header-actions">
            <ThemeToggle />
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Not affiliated with Buf. Everything runs in your browser: answers stay on this page and
            in its link.{" "}
            <a
              href="https://buf.build/docs/bufstream/architecture/bufstream-network-deployment-guide"
              target="_blank"
              rel="noopener noreferrer"
            >
              Bufstream network architecture docs
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}

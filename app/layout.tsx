import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { pageFont, symbolFont } from "@/components/ui/page-font";
import { SkipLink } from "@/components/ui/skip-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: "Bufstream networking wizard",
  description:
    "Kafka networking for Bufstream on Kubernetes: answer where clients run, see the topology, check it, and get the Helm values, install commands and client settings.",
  applicationName: "bufstream-wizard",
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

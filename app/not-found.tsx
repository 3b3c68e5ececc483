import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found · Bufstream networking wizard" };

export default function NotFound() {
  return (
    <div className="not-found">
      <h2>Page not found</h2>
      <p>There is nothing at this address. The wizard lives on the start page.</p>
      <p>
        <Link href="/">Open the Bufstream networking wizard</Link>
      </p>
    </div>
  );
}

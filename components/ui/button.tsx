import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "ghost" | "danger";
  size?: "normal" | "small";
}

/** A native button with the site's styles; `type` defaults to "button" (no accidental submits). */
export function Button({
  variant = "secondary",
  size = "normal",
  className,
  type = "button",
  ...rest
}: ButtonProps) {
  const names = ["button", `button-${variant}`, size === "small" ? "button-small" : "", className]
    .filter(Boolean)
    .join(" ");
  return <button type={type} className={names} {...rest} />;
}

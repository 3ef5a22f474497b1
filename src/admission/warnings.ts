/**
 * Admission warnings. kubectl prints each one as `Warning: <text>` and the API server turns them into HTTP
 * Warning headers; the Kubernetes docs ask webhooks to keep each under 120 characters and say longer ones
 * (over 256) may be truncated or dropped:
 * https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response
 * So we cut at 120 ourselves, visibly, rather than let the API server cut somewhere we do not choose.
 */
export const MAX_WARNING_CHARS = 120;

// ASCII dots, not U+2026: warnings travel in HTTP headers, where plain ASCII is the safe choice.
const ELLIPSIS = '...';

/** Truncates to at most `max` characters (code points, so no surrogate pair is split), ending in "...". */
export function truncateWarning(text: string, max = MAX_WARNING_CHARS): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  if (chars.length <= max) return oneLine;
  return chars.slice(0, max - ELLIPSIS.length).join('').trimEnd() + ELLIPSIS;
}

/** Kyverno's warning format (`policy <policy>.<rule>: <message>`), truncated. */
export function formatWarning(policy: string, rule: string, message: string): string {
  return truncateWarning(`policy ${policy}.${rule}: ${message}`);
}

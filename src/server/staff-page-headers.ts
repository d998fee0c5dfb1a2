/**
 * The headers of the staff's pages (the preview, the report page): a strict Content Security
 * Policy (own scripts and styles only, no inline code), no sniffing, no referrer, and no caching,
 * so staff always get the files of the running version.
 */
import type { ServerResponse } from 'node:http';

/** The policy, with where the page's images may come from. */
export function staffPageContentSecurityPolicy(imgSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${imgSrc}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function setStaffPageHeaders(res: ServerResponse, contentSecurityPolicy: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
}

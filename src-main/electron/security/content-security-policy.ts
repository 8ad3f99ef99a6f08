// The renderer's Content-Security-Policy: our own files only, no inline script, no network, no frames, no plugins.
// Sent as a response header by the app:// handler; a <meta> copy in index.html would only repeat it.

const DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  // Vite inlines small images (wizard illustrations) as data: URLs.
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  // These three do not fall back to default-src, so each is closed on its own.
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

// The one Content-Security-Policy of the app's pages: Electron window, browser-mode host, built HTML.
/**
 * The policy for the app's pages. antd injects its styles at run time, hence 'unsafe-inline' for
 * styles only. In development the Vite dev server needs an inline module preamble (React refresh).
 * `forMeta` leaves out what a <meta http-equiv> policy cannot carry (frame-ancestors).
 */
export function contentSecurityPolicy(opts: { dev: boolean; forMeta?: boolean }): string {
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    ['script-src', opts.dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives
    .filter(([name]) => !(opts.forMeta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * Where the renderer is served from, and whether a URL belongs to it. The built renderer is a folder
 * of files (dist/index.html with relative assets, hash routing); in development it may instead come
 * from the Vite dev server. Everything else (other files on disk, the web) is foreign.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type RendererLocation =
  | { kind: 'file'; indexFile: string }
  | { kind: 'dev'; url: string };

export interface LocationOptions {
  isPackaged: boolean;
  /** VITE_DEV_SERVER_URL; ignored in a packaged app. */
  devServerUrl: string | undefined;
  indexFile: string;
}

export function rendererLocation(opts: LocationOptions): RendererLocation {
  const dev = opts.isPackaged ? undefined : parseHttpUrl(opts.devServerUrl);
  if (dev) return { kind: 'dev', url: dev.href };
  return { kind: 'file', indexFile: opts.indexFile };
}

/** True when `url` is one of the renderer's own pages or assets. */
export function isAppUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') {
    return parsed.origin === new URL(location.url).origin;
  }
  // A file URL with a host (file://server/share/...) is a network share, never ours.
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  let file: string;
  try {
    file = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const root = path.dirname(location.indexFile);
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Hash-routing fragment for a route: '/households' -> '/households'. */
export function routeHash(route: string): string {
  const trimmed = route.replace(/^#/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export interface Loadable {
  loadFile(filePath: string, options?: { hash?: string }): Promise<void>;
  loadURL(url: string): Promise<void>;
}

/** Loads a renderer route (hash routing) into a window or webContents. */
export function loadRoute(target: Loadable, location: RendererLocation, route = '/'): Promise<void> {
  const hash = routeHash(route);
  if (location.kind === 'file') return target.loadFile(location.indexFile, { hash });
  const url = new URL(location.url);
  url.hash = hash;
  return target.loadURL(url.href);
}

function parseHttpUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The backend's events in the window: over the preload bridge in Electron, over the web host's event
 * stream (GET /api/events, Server-Sent Events read with fetch so that the session token rides in its
 * header) in browser mode. One connection while anything listens; it follows the signed-in token and
 * comes back after a drop, telling listeners that anything may have changed meanwhile.
 */
import { isBackendEvent, type BackendEvent } from '../../../shared/api/events';
import type { DoudiBridge } from './bridge';

export type BackendEventListener = (event: BackendEvent) => void;

export interface BackendEvents {
  subscribe(listener: BackendEventListener): () => void;
}

/** A `changed` event naming no table: the stream was down, so any screen may be stale. */
export const ANYTHING_CHANGED: BackendEvent = { type: 'changed', tables: [], areas: [] };

const RETRY_MS = 2000;
const TOKEN_CHECK_MS = 1000;

function fanOut(start: (emit: BackendEventListener) => () => void): BackendEvents {
  const listeners = new Set<BackendEventListener>();
  let stop: (() => void) | null = null;
  const emit: BackendEventListener = (event) => {
    for (const l of [...listeners]) l(event);
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!stop) stop = start(emit);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
  };
}

/** Electron: main relays the worker's events on the bridge. */
export function bridgeEvents(bridge: Pick<DoudiBridge, 'onBackendEvent'>): BackendEvents {
  return fanOut((emit) => {
    return bridge.onBackendEvent((payload) => {
      if (isBackendEvent(payload)) emit(payload);
    });
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/** Browser mode: the web host's event stream, reconnected with the current token. */
export function streamEvents(fetchFn: typeof fetch, token: () => string | null, url = '/api/events'): BackendEvents {
  return fanOut((emit) => {
    const stopAll = new AbortController();
    void (async () => {
      let connectedBefore = false;
      while (!stopAll.signal.aborted) {
        const used = token();
        if (!used) {
          await sleep(TOKEN_CHECK_MS, stopAll.signal);
          continue;
        }
        const one = new AbortController();
        const abortOne = () => one.abort();
        stopAll.signal.addEventListener('abort', abortOne);
        // Signed out or signed in as someone else: this stream is no longer theirs.
        const watch = setInterval(() => token() !== used && one.abort(), TOKEN_CHECK_MS);
        try {
          const res = await fetchFn(url, { headers: { 'x-doudi-token': used }, signal: one.signal });
          if (res.ok && res.body) {
            if (connectedBefore) emit(ANYTHING_CHANGED);
            connectedBefore = true;
            await readEvents(res.body, emit);
          }
        } catch {
          // offline, aborted: try again below
        } finally {
          clearInterval(watch);
          stopAll.signal.removeEventListener('abort', abortOne);
        }
        await sleep(RETRY_MS, stopAll.signal);
      }
    })();
    return () => stopAll.abort();
  });
}

async function readEvents(body: ReadableStream<Uint8Array>, emit: BackendEventListener): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of block.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        try {
          const event: unknown = JSON.parse(line.slice(6));
          if (isBackendEvent(event)) emit(event);
        } catch {
          // a line that is not JSON is not an event
        }
      }
    }
  }
}

/**
 * A synchronous request from the worker to the host over a shared buffer: the backend's SecretBox is
 * synchronous, and sealing (Electron safeStorage) can only run in the main process. The worker posts
 * the request and waits on the buffer; the host writes the answer and wakes it.
 * Layout: Int32 [0] state (0 idle, 1 answered, 2 failed), Int32 [1] byte length, then UTF-8 bytes.
 */
export const SECRET_BUFFER_BYTES = 64 * 1024;
const HEADER = 8;
const WAIT_MS = 10_000;

export function secretBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SECRET_BUFFER_BYTES);
}

/** Host side: answers one request (null when sealing failed or the value cannot be opened). */
export function answerSecret(buffer: SharedArrayBuffer, value: string | null): void {
  const state = new Int32Array(buffer, 0, 2);
  const bytes = value === null ? null : new TextEncoder().encode(value);
  if (bytes && bytes.length <= buffer.byteLength - HEADER) {
    new Uint8Array(buffer, HEADER, bytes.length).set(bytes);
    Atomics.store(state, 1, bytes.length);
    Atomics.store(state, 0, 1);
  } else Atomics.store(state, 0, 2);
  Atomics.notify(state, 0);
}

/** Worker side: posts the request and blocks until the host answers. */
export function askSecret(buffer: SharedArrayBuffer, post: () => void): string | null {
  const state = new Int32Array(buffer, 0, 2);
  Atomics.store(state, 0, 0);
  post();
  if (Atomics.wait(state, 0, 0, WAIT_MS) === 'timed-out') throw new Error('the host did not answer a sealing request');
  const outcome = Atomics.load(state, 0);
  if (outcome !== 1) return null;
  const length = Atomics.load(state, 1);
  // TextDecoder does not read shared memory: copy the bytes out first.
  return new TextDecoder().decode(new Uint8Array(buffer, HEADER, length).slice());
}

/** Keeps the session token for the life of the window (sessionStorage 'doudi.token'). */
const KEY = 'doudi.token';

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  } catch {
    return null;
  }
}

export function createSessionTokenStore(): TokenStore {
  let memory: string | null = null;
  return {
    get() {
      return storage()?.getItem(KEY) ?? memory;
    },
    set(token) {
      memory = token;
      const s = storage();
      if (!s) return;
      if (token) s.setItem(KEY, token);
      else s.removeItem(KEY);
    },
  };
}

export function createMemoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (t) => {
      token = t;
    },
  };
}

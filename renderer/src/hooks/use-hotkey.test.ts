import { describe, expect, it } from 'vitest';
import { matchesHotkey } from './use-hotkey';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchesHotkey', () => {
  it('matches ctrl (or cmd) combinations', () => {
    expect(matchesHotkey(key('s', { ctrlKey: true }), 'ctrl+s')).toBe(true);
    expect(matchesHotkey(key('S', { metaKey: true }), 'ctrl+s')).toBe(true);
    expect(matchesHotkey(key('s'), 'ctrl+s')).toBe(false);
  });
  it('matches plain keys only without modifiers', () => {
    expect(matchesHotkey(key('/'), '/')).toBe(true);
    expect(matchesHotkey(key('/', { ctrlKey: true }), '/')).toBe(false);
    expect(matchesHotkey(key('1', { altKey: true }), 'alt+1')).toBe(true);
  });
});

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  parseWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type Rect,
} from './window-state';
import { removeTestDir } from '../backend/testing/remove-dir';

// Never load the real module: it would try to download the Electron binary.
vi.mock('electron', () => ({}));

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };
const min = { width: 1024, height: 640 };

describe('parseWindowState', () => {
  it('accepts a stored state and rounds it', () => {
    expect(parseWindowState({ width: 1300.4, height: 800.6, x: 10.2, y: 20.7, maximized: true })).toEqual({
      width: 1300,
      height: 801,
      x: 10,
      y: 21,
      maximized: true,
    });
  });

  it('drops a half position and treats anything but true as not maximized', () => {
    expect(parseWindowState({ width: 1300, height: 800, x: 10, maximized: 'yes' })).toEqual({
      width: 1300,
      height: 800,
      maximized: false,
    });
  });

  it.each([null, 'x', [], {}, { width: 0, height: 800 }, { width: 1200, height: Number.NaN }, { width: '1200', height: 800 }])(
    'rejects %j',
    (value) => expect(parseWindowState(value)).toBeNull(),
  );
});

describe('clampToDisplays', () => {
  it('keeps a window that is on a display', () => {
    const state = { x: 100, y: 50, width: 1280, height: 800, maximized: false };
    expect(clampToDisplays(state, [primary, right], min)).toEqual(state);
  });

  it('keeps a window on the second display', () => {
    const state = { x: 2000, y: 40, width: 1100, height: 700, maximized: true };
    expect(clampToDisplays(state, [primary, right], min)).toEqual(state);
  });

  it('centres a window whose display was unplugged', () => {
    const state = { x: 2000, y: 40, width: 1100, height: 700, maximized: false };
    expect(clampToDisplays(state, [primary], min)).toEqual({ width: 1100, height: 700, maximized: false });
  });

  it('centres a window that is only a sliver on screen', () => {
    const state = { x: 1910, y: 100, width: 1200, height: 700, maximized: false };
    expect(clampToDisplays(state, [primary], min)).toEqual({ width: 1200, height: 700, maximized: false });
  });

  it('pulls a partly visible window wholly onto its display', () => {
    const state = { x: 1500, y: -30, width: 1200, height: 700, maximized: false };
    expect(clampToDisplays(state, [primary], min)).toEqual({ x: 720, y: 0, width: 1200, height: 700, maximized: false });
  });

  it('shrinks a window larger than its display (resolution lowered)', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    const state = { x: 0, y: 0, width: 1920, height: 1040, maximized: false };
    expect(clampToDisplays(state, [small], min)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('grows a window below the minimum size, but never beyond the display', () => {
    expect(clampToDisplays({ width: 300, height: 200, maximized: false }, [primary], min)).toEqual({
      width: 1024,
      height: 640,
      maximized: false,
    });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(clampToDisplays({ width: 300, height: 200, maximized: false }, [tiny], min)).toEqual({
      width: 800,
      height: 560,
      maximized: false,
    });
  });

  it('handles displays with negative coordinates (monitor left of primary)', () => {
    const left: Rect = { x: -1600, y: 0, width: 1600, height: 860 };
    const state = { x: -1500, y: 100, width: 1200, height: 700, maximized: false };
    expect(clampToDisplays(state, [primary, left], min)).toEqual(state);
  });

  it('drops the position when no display is known', () => {
    const state = { x: 100, y: 50, width: 1280, height: 800, maximized: true };
    expect(clampToDisplays(state, [], min)).toEqual({ width: 1280, height: 800, maximized: true });
  });
});

describe('reading and writing the state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-window-state-'));
  });
  afterEach(() => {
    removeTestDir(dir);
  });

  it('round-trips a state', () => {
    const file = path.join(dir, 'sub', 'window-state.json');
    const state = { x: 10, y: 20, width: 1300, height: 900, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file, [primary])).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('falls back to the default for a missing or corrupt file', () => {
    const file = path.join(dir, 'window-state.json');
    expect(readWindowState(file, [primary])).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(file, '{"width": 13');
    expect(readWindowState(file, [primary])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('clamps what it reads to the current displays', () => {
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, { x: 5000, y: 5000, width: 1300, height: 900, maximized: false });
    expect(readWindowState(file, [primary])).toEqual({ width: 1300, height: 900, maximized: false });
  });
});

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1200, height: 700 };
  maximized = false;
  destroyed = false;
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('trackWindowState', () => {
  let dir: string;
  beforeEach(() => {
    vi.useFakeTimers();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-window-track-'));
  });
  afterEach(() => {
    vi.useRealTimers();
    removeTestDir(dir);
  });

  const stored = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;

  it('saves shortly after the window moves or resizes, once per burst', () => {
    const file = path.join(dir, 'state.json');
    const win = new FakeWindow();
    trackWindowState(win as never, file, 500);
    win.emit('move');
    win.bounds.width = 1250;
    win.emit('resize');
    expect(fs.existsSync(file)).toBe(false);
    vi.advanceTimersByTime(499);
    expect(fs.existsSync(file)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(stored(file)).toEqual({ x: 10, y: 20, width: 1250, height: 700, maximized: false });
  });

  it('saves the normal bounds and the maximized flag when the window closes', () => {
    const file = path.join(dir, 'state.json');
    const win = new FakeWindow();
    trackWindowState(win as never, file);
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(stored(file)).toEqual({ x: 10, y: 20, width: 1200, height: 700, maximized: true });
    fs.rmSync(file);
    vi.runAllTimers();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('stops tracking when asked', () => {
    const file = path.join(dir, 'state.json');
    const win = new FakeWindow();
    const stop = trackWindowState(win as never, file);
    win.emit('resize');
    stop();
    vi.runAllTimers();
    win.emit('close');
    expect(fs.existsSync(file)).toBe(false);
    expect(win.listenerCount('resize')).toBe(0);
  });

  it('does not touch a destroyed window', () => {
    const file = path.join(dir, 'state.json');
    const win = new FakeWindow();
    trackWindowState(win as never, file);
    win.emit('resize');
    win.destroyed = true;
    vi.runAllTimers();
    expect(fs.existsSync(file)).toBe(false);
  });
});

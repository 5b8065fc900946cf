/**
 * Remembers the main window's size, position and maximized state in a small JSON file, and brings
 * a remembered window back onto a visible display (monitors get unplugged, resolutions change).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the window manager centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

/** The part of a window that must be on a display for it to count as visible there. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A stored state, or null when `value` is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isFiniteNumber(v.width) || !isFiniteNumber(v.height) || v.width <= 0 || v.height <= 0) return null;
  const state: WindowState = { width: Math.round(v.width), height: Math.round(v.height), maximized: v.maximized === true };
  if (isFiniteNumber(v.x) && isFiniteNumber(v.y)) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Fits a state to the displays' work areas (primary first): the window lands on the display it
 * overlaps most, no larger than that display and wholly inside it. A window that is not visibly on
 * any display loses its position and is centred on the primary display.
 */
export function clampToDisplays(
  state: WindowState,
  workAreas: readonly Rect[],
  minSize: { width: number; height: number } = MIN_WINDOW_SIZE,
): WindowState {
  const primary = workAreas[0];
  const sized = (area: Rect | undefined): Pick<WindowState, 'width' | 'height'> => ({
    width: area ? Math.min(Math.max(state.width, minSize.width), area.width) : Math.max(state.width, minSize.width),
    height: area ? Math.min(Math.max(state.height, minSize.height), area.height) : Math.max(state.height, minSize.height),
  });
  if (!primary) return { ...sized(undefined), maximized: state.maximized };

  if (state.x !== undefined && state.y !== undefined) {
    const rect: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best: Rect | undefined;
    let bestOverlap = 0;
    for (const area of workAreas) {
      const overlap = overlapArea(rect, area);
      if (overlap > bestOverlap) {
        best = area;
        bestOverlap = overlap;
      }
    }
    const visibleEnough = bestOverlap >= Math.min(MIN_VISIBLE.width * MIN_VISIBLE.height, state.width * state.height);
    if (best && visibleEnough) {
      const { width, height } = sized(best);
      return {
        width,
        height,
        x: clamp(state.x, best.x, best.x + best.width - width),
        y: clamp(state.y, best.y, best.y + best.height - height),
        maximized: state.maximized,
      };
    }
  }
  return { ...sized(primary), maximized: state.maximized };
}

/** The remembered state fitted to the current displays; the default when none is stored or readable. */
export function readWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let stored: WindowState | null = null;
  try {
    stored = parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    stored = null;
  }
  return clampToDisplays(stored ?? DEFAULT_WINDOW_STATE, workAreas);
}

/** Writes atomically (temp file + rename) so a crash never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(state), 'utf8');
    fs.renameSync(temp, file);
  } catch (err) {
    console.error('[window-state] could not save', err);
  }
}

type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'removeListener' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'
>;

/** The state to store for a window: its restored (normal) bounds plus whether it is maximized. */
export function captureWindowState(win: Pick<TrackedWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

/**
 * Saves the window's state shortly after it moves or resizes, and when it closes. Returns a function
 * that stops tracking.
 */
export function trackWindowState(win: TrackedWindow, file: string, debounceMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!win.isDestroyed()) writeWindowState(file, captureWindowState(win));
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const name of events) win.on(name as 'resize', schedule);
  win.on('close', save);
  return () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const name of events) win.removeListener(name as 'resize', schedule);
    win.removeListener('close', save);
  };
}

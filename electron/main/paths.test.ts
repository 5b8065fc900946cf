import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppPaths, userDataOverride } from './paths';

vi.mock('electron', () => ({}));

const userData = path.resolve('/home/staff/.config/兜底保障工作台');

describe('resolveAppPaths', () => {
  it('lays out a development run around dist-electron', () => {
    const mainDir = path.resolve('/src/doudi/dist-electron');
    expect(resolveAppPaths({ userData, isPackaged: false, resourcesPath: '/unused', mainDir })).toEqual({
      dataDir: path.join(userData, 'data'),
      migrationsFolder: path.join(mainDir, 'migrations'),
      preloadFile: path.join(mainDir, 'preload.cjs'),
      rendererIndex: path.resolve('/src/doudi/dist/index.html'),
      windowStateFile: path.join(userData, 'window-state.json'),
    });
  });

  it('takes the migrations from the resources of a packaged app', () => {
    const resourcesPath = path.resolve('/opt/doudi/resources');
    const mainDir = path.join(resourcesPath, 'app.asar', 'dist-electron');
    const paths = resolveAppPaths({ userData, isPackaged: true, resourcesPath, mainDir });
    expect(paths.migrationsFolder).toBe(path.join(resourcesPath, 'migrations'));
    expect(paths.rendererIndex).toBe(path.join(resourcesPath, 'app.asar', 'dist', 'index.html'));
    expect(paths.preloadFile).toBe(path.join(mainDir, 'preload.cjs'));
  });
});

describe('userDataOverride', () => {
  it('honours an absolute DOUDI_USER_DATA_DIR only', () => {
    const dir = path.resolve('/tmp/doudi-profile');
    expect(userDataOverride({ DOUDI_USER_DATA_DIR: dir })).toBe(dir);
    expect(userDataOverride({ DOUDI_USER_DATA_DIR: ` ${dir} ` })).toBe(dir);
    expect(userDataOverride({ DOUDI_USER_DATA_DIR: 'relative/dir' })).toBeUndefined();
    expect(userDataOverride({ DOUDI_USER_DATA_DIR: '' })).toBeUndefined();
    expect(userDataOverride({})).toBeUndefined();
  });
});

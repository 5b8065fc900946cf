/**
 * Where the app keeps and finds things. The bundle layout is
 *   dist-electron/main.cjs, dist-electron/preload.cjs, dist-electron/migrations/ (development)
 *   dist/index.html (the renderer)
 * and in a packaged app the migrations are an extra resource: <resources>/migrations.
 */
import path from 'node:path';

export interface AppPaths {
  /** The office database and its companions. */
  dataDir: string;
  migrationsFolder: string;
  preloadFile: string;
  rendererIndex: string;
  windowStateFile: string;
}

export interface PathInputs {
  /** app.getPath('userData') */
  userData: string;
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** The folder of main.cjs (its __dirname). */
  mainDir: string;
}

export function resolveAppPaths(inputs: PathInputs): AppPaths {
  return {
    dataDir: path.join(inputs.userData, 'data'),
    migrationsFolder: inputs.isPackaged
      ? path.join(inputs.resourcesPath, 'migrations')
      : path.join(inputs.mainDir, 'migrations'),
    preloadFile: path.join(inputs.mainDir, 'preload.cjs'),
    rendererIndex: path.join(inputs.mainDir, '..', 'dist', 'index.html'),
    windowStateFile: path.join(inputs.userData, 'window-state.json'),
  };
}

/**
 * DOUDI_USER_DATA_DIR moves the whole profile (database, window state, Chromium data) elsewhere:
 * used by tests and by offices that keep data on a second disk. Only absolute paths are honoured.
 */
export function userDataOverride(env: Record<string, string | undefined>): string | undefined {
  const dir = env.DOUDI_USER_DATA_DIR?.trim();
  return dir && path.isAbsolute(dir) ? path.normalize(dir) : undefined;
}

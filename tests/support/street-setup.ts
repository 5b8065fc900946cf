/** Sets up 张贵庄街道 on a fresh backend and signs in through the login screen (browser-mode e2e). */
import { expect, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/app';
import { signInAs } from './ui';

export const ZGZ = { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室' } as const;

export interface Admin {
  username: string;
  displayName: string;
  password: string;
}

/** Runs the set-up wizard's call; returns the administrator's session token. */
export async function initializeStreet(backend: Pick<Backend, 'call'>, admin: Admin): Promise<string> {
  const r = await backend.call('setup.initialize', { ...ZGZ, admin }, null);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { result: { token: string } }).result.token;
}

/**
 * Opens the app at `url` and signs in (see ui.ts), then goes on from the 工作台 (the first screen)
 * to the household list, one click away, where the specs using this start.
 */
export async function signIn(page: Page, url: string, admin: Pick<Admin, 'username' | 'password'>): Promise<void> {
  await page.goto(url);
  await signInAs(page, admin.username, admin.password);
  await page.getByTestId('wb-households').click();
}

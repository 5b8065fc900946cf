/** Small steps the browser-mode e2e specs share: signing in on the open login screen, 立即同步, API calls, 重复登记 of a ledger item. */
import { expect, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/app';

/** Fills the login screen already open in `page` and waits for the signed-in frame. */
export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByLabel('当前用户')).toBeVisible();
}

/** 同步 › 立即同步, waiting for this run's toast (an earlier run's must be gone first). */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '同步' }).click();
  await expect(page.getByText(/同步完成/)).toHaveCount(0);
  await page.getByTestId('sync-now').click();
  await expect(page.getByText(/同步完成/)).toBeVisible();
}

/** A backend procedure's result, or an error naming the procedure and the refusal. */
export async function backendCall<T>(backend: Pick<Backend, 'call'>, token: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await backend.call(procedure, input, token);
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

/** Nothing scrolls sideways at the page's width: neither the page nor the ledger table. */
export async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const table = document.querySelector('[data-testid=ledger-table] .ant-table-content, [data-testid=ledger-table] .ant-table-body');
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      table: table ? [table.scrollWidth, table.clientWidth] : [0, 0],
    };
  });
  expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
  expect(widths.table[0]).toBeLessThanOrEqual(widths.table[1]!);
}

/** On an open ledger item: 重复登记，销号 against `originalNo` (an item of the same household); waits for the closed item to link it. */
export async function closeAsDuplicate(page: Page, originalNo: string): Promise<void> {
  const item = page.getByTestId('ledger-item');
  await page.getByTestId('actions').getByRole('button', { name: '重复登记，销号' }).click();
  const form = page.getByTestId('transition-form');
  await form.getByLabel('所重复的台账事项（同一家庭）').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: originalNo }).click();
  await form.getByLabel('说明（可不填）').fill('热线与网格重复反映');
  await page.getByTestId('transition-ok').click();
  await expect(item.getByText('重复登记（销号）').first()).toBeVisible();
  await expect(item.getByTestId('duplicate-of')).toHaveText(originalNo);
}

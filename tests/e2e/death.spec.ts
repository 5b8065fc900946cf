/**
 * Issue 17 end to end (browser mode, the demo street): a 特困分散供养 person with a signed care
 * agreement and a card dies; the death is recorded on the household page, and 救助政策 › 应补尽补 ›
 * 死亡停发 lists the person with everything it stopped and the month paid after the death to recover;
 * 更正死亡日期 (confirmed) moves the date and what is recovered with it; 撤销死亡登记 (the death was
 * recorded on the wrong person) makes the person living again, the agreement, card and 特困 restored.
 */
import { addMonths, monthOf } from '../../shared/policy/months';
import { shanghaiDate } from '../../shared/time/shanghai';
import type { EndedEntitlements } from '../../shared/assistance/entitlements-ended';
import type { BoardRow } from '../../shared/care/types';
import type { SearchHit } from '../../shared/registry/types';
import { formatFen } from '../../renderer/src/lib/money';
import { goHash } from '../support/assistance-street';
import { backendCall, signInAs } from '../support/ui';
import { expect, screenshot, test } from './fixtures';

test('a death recorded on the demo street stops every entitlement, listed with what stopped and the 扣回', async ({ page, app, clock }) => {
  test.setTimeout(300_000);
  const b = app.backend;
  await backendCall(b, null, 'setup.loadDemo', {});
  const token = (await backendCall<{ token: string }>(b, null, 'auth.login', { username: 'supervisor', password: 'demo' })).token;
  const board = await backendCall<BoardRow[]>(b, token, 'care.board', {});
  // A person with a signed agreement and a card, whose name finds one person.
  let person: { id: string; name: string; householdId: string } | null = null;
  for (const r of board.filter((x) => x.activeCardId && x.agreementId)) {
    const hits = (await backendCall<SearchHit[]>(b, token, 'registry.search', { q: r.name })).filter((x) => x.kind === 'person');
    if (hits.length === 1) person = { id: r.personId, name: r.name, householdId: hits[0]!.householdId };
    if (person) break;
  }
  expect(person).not.toBeNull();
  const p = person!;
  // Last month's 特困 batch confirmed: it paid the person for a month after the death (two months ago).
  const today = shanghaiDate(clock.now());
  const lastMonth = addMonths(monthOf(today), -1);
  const diedOn = `${addMonths(monthOf(today), -2)}-01`;
  const batch = await backendCall<{ id: string }>(b, token, 'batches.generate', { programme: 'tekun-home', month: lastMonth });
  const confirmed = await backendCall<{ rows: { personId: string | null; amountFen: number }[] }>(b, token, 'batches.confirm', { id: batch.id });
  const paid = confirmed.rows.filter((r) => r.personId === p.id).reduce((s, r) => s + r.amountFen, 0);
  expect(paid).toBeGreaterThan(0);

  await page.goto(app.url);
  await signInAs(page, 'demo', 'demo');
  await goHash(page, `#/households/${p.householdId}`);
  await page.getByRole('button', { name: `登记死亡 ${p.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `登记 ${p.name} 死亡` });
  await page.getByTestId('death-date').click();
  await page.getByTestId('death-date').fill(diedOn);
  await page.keyboard.press('Enter');
  await page.getByTestId('death-note').fill('家属持死亡医学证明办理');
  await screenshot(page, 'death-01-record');
  await dialog.getByRole('button', { name: /确认登记/ }).click();
  await expect(page.getByTestId('died-tag')).toContainText(`已故 ${diedOn}`);

  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  await page.getByTestId('tab-deaths').click();
  const row = page.getByTestId('ended-table').locator('tbody tr', { hasText: p.name });
  await expect(row).toContainText(diedOn);
  await expect(row).toContainText('家属持死亡医学证明办理');
  await expect(row).toContainText(`特困分散供养：${lastMonth}起停发`);
  await expect(row).toContainText('照料协议');
  await expect(row).toContainText('服务卡');
  await expect(row.getByTestId('ended-recover')).toHaveText(formatFen(paid));
  await row.getByRole('button', { name: /展开/ }).click();
  const recoveries = page.getByTestId('ended-recoveries');
  await expect(recoveries.locator('tbody tr', { hasText: lastMonth })).toContainText(formatFen(paid));
  await screenshot(page, 'death-02-entitlements-ended');

  // The API says the same: the agreement and the card ended, the person off the 四有 board.
  const [ended] = (await backendCall<EndedEntitlements[]>(b, token, 'assistance.entitlementsEnded', {})).filter((e) => e.personId === p.id);
  expect(ended).toMatchObject({ recoverTotalFen: paid, agreements: [expect.anything()], cards: [expect.anything()] });
  expect((await backendCall<BoardRow[]>(b, token, 'care.board', {})).map((r) => r.personId)).not.toContain(p.id);

  // 更正死亡日期: the death was in fact last month, so what last month's batch paid is no longer recovered.
  const correctedOn = `${lastMonth}-10`;
  await goHash(page, `#/households/${p.householdId}`);
  await page.getByRole('button', { name: `更正死亡日期 ${p.name}` }).click();
  const fix = page.getByRole('dialog', { name: `更正 ${p.name} 的死亡日期` });
  await page.getByTestId('correct-death-date').click();
  await page.getByTestId('correct-death-date').fill(correctedOn);
  await page.keyboard.press('Enter');
  await page.getByTestId('correct-death-reason').fill('以火化证明记载的日期为准');
  await fix.getByRole('button', { name: /更\s*正/ }).click();
  const sure = page.locator('.ant-modal-confirm');
  await expect(sure).toContainText(`由 ${diedOn} 更正为 ${correctedOn}`);
  await screenshot(page, 'death-03-correct');
  await sure.getByRole('button', { name: /确认更正/ }).click();
  await expect(page.getByTestId('died-tag')).toContainText(`已故 ${correctedOn}`);
  const [corrected] = (await backendCall<EndedEntitlements[]>(b, token, 'assistance.entitlementsEnded', {})).filter((e) => e.personId === p.id);
  expect(corrected).toMatchObject({ diedOn: correctedOn, recoverTotalFen: 0, correction: { from: diedOn, reason: '以火化证明记载的日期为准' } });

  // 撤销死亡登记: it was a namesake. The confirmation names the person and what is restored.
  await page.getByRole('button', { name: `撤销死亡登记 ${p.name}` }).click();
  const withdraw = page.getByRole('dialog', { name: `撤销 ${p.name} 的死亡登记` });
  await expect(withdraw).toContainText('特困分散供养');
  await page.getByTestId('withdraw-death-reason').fill('同名误登记，经入户核实本人健在');
  await withdraw.getByRole('button', { name: /撤\s*销/ }).click();
  const sureWithdraw = page.locator('.ant-modal-confirm');
  await expect(sureWithdraw).toContainText(`原登记死亡日期 ${correctedOn}`);
  await expect(sureWithdraw).toContainText('照料协议恢复履行');
  await expect(sureWithdraw).toContainText('补发');
  await screenshot(page, 'death-04-withdraw');
  await sureWithdraw.getByRole('button', { name: /确认撤销/ }).click();
  await expect(page.getByTestId('died-tag')).toHaveCount(0);
  expect((await backendCall<EndedEntitlements[]>(b, token, 'assistance.entitlementsEnded', {})).map((e) => e.personId)).not.toContain(p.id);
  // Back on the 四有 board with the agreement and the card: visits are due again.
  const back = (await backendCall<BoardRow[]>(b, token, 'care.board', {})).find((r) => r.personId === p.id);
  expect(back).toMatchObject({ agreementId: expect.any(String), activeCardId: expect.any(String) });
});

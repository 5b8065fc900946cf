/**
 * The admin CLI with the server running (issue 13, item 1): the server process holds its data
 * directory, the CLI's commands reach it through the loopback admin endpoint and take effect at
 * once; a CLI that can neither reach it nor lock the directory refuses and opens nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, startServerProcess, type ServerProcess } from '../../tests/support/server-process';
import { createScratchDatabase, type ScratchDatabase } from '../../tests/support/scratch-postgres';
import { createBackend } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import { enrollDevice, syncConfig, syncOnce } from '../../electron/backend/sync/session';
import { exportBundle, importAnswer } from '../../electron/backend/sync/bundle';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const STREET = '120110001000';

async function pull(url: string, token: string): Promise<{ status: number; code?: string }> {
  const r = await fetch(`${url}/v1/pull?after=0&limit=10`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await r.json()) as { code?: string };
  return { status: r.status, code: body.code };
}

// With SYNC_TEST_DATABASE_URL (.ci/run) the server and the CLI use a scratch PostgreSQL database
// (held by an advisory lock), otherwise PGlite in the data directory (held by its lock file).
const pgAdmin = process.env.SYNC_TEST_DATABASE_URL;

describe(`the admin CLI while the server runs (${pgAdmin ? 'PostgreSQL' : 'PGlite'})`, () => {
  let dataDir: string;
  let server: ServerProcess | null = null;
  let scratch: ScratchDatabase | null = null;
  let env: Record<string, string> = {};
  const cli = (args: string[], stdin?: string) => runCli(dataDir, args, { stdin, env });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-admin-cli-'));
    if (pgAdmin) {
      scratch = await createScratchDatabase(pgAdmin, 'doudi_cli');
      env = { DATABASE_URL: scratch.url };
    }
    const init = await cli(['init']);
    expect(init.code, init.stderr).toBe(0);
    server = await startServerProcess(dataDir, env);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await scratch?.drop();
    removeTestDir(dataDir);
  });

  test('the admin secret is readable by the server\'s user only', () => {
    expect(fs.statSync(path.join(dataDir, 'admin-secret.json')).mode & 0o777).toBe(0o600);
    if (!pgAdmin) expect(fs.readFileSync(path.join(dataDir, 'server.lock'), 'utf8').trim()).toBe(String(server!.pid));
  });

  test('a code issued and a device revoked while it runs take effect at once and after a restart', async () => {
    const issued = await cli(['issue-code', '--street', STREET]);
    expect(issued.code, issued.stderr).toBe(0);
    const code = /登记码：([0-9A-Z-]+)/.exec(issued.stdout)?.[1];
    expect(code).toBeTruthy();

    const enrolled = await fetch(`${server!.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: '\u001b[2J\u001b[31m被盗电脑\u202e', node: 'stolen-pc' }),
    });
    expect(enrolled.status).toBe(200);
    const { deviceId, token } = (await enrolled.json()) as { deviceId: string; token: string };
    expect(await pull(server!.url, token)).toMatchObject({ status: 200 });

    // the device's name is printed escaped: no terminal control or bidi override reaches the screen
    const listed = await cli(['list-devices']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(deviceId);
    expect(listed.stdout).toContain('被盗电脑');
    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);

    const revoked = await cli(['revoke-device', deviceId]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('已停用设备');
    expect(await pull(server!.url, token)).toEqual({ status: 403, code: 'device-revoked' });

    await server!.stop();
    server = await startServerProcess(dataDir, env);
    expect(await pull(server.url, token)).toEqual({ status: 403, code: 'device-revoked' });
  }, 120_000);

  test('a second server on the same database refuses to start', async () => {
    const second = await startServerProcess(dataDir, env).catch((err: Error) => err);
    if (!(second instanceof Error)) await second.stop();
    expect(String(second instanceof Error ? second.message : 'started')).toMatch(/正在被进程 \d+ 使用|数据库正在被另一个区级服务器进程/);
  }, 60_000);

  test('create-user takes no password on the command line, and a weak one from stdin is refused', async () => {
    const onLine = await cli(['create-user', '--username', 'zgz_admin', '--name', '王一', '--role', 'street-admin', '--street', STREET, '--password', 'zgz-admin-2026']);
    expect(onLine.code).not.toBe(0);
    expect(onLine.stderr).toContain('--password-stdin');

    const weak = await cli(['create-user', '--username', 'zgz_admin', '--name', '王一', '--role', 'street-admin', '--street', STREET, '--password-stdin'], '1234567890\n');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('密码');

    const empty = await cli(['create-user', '--username', 'zgz_admin', '--name', '王一', '--role', 'street-admin', '--street', STREET, '--password-stdin'], '');
    expect(empty.code).not.toBe(0);

    const good = await cli(['create-user', '--username', 'zgz_admin', '--name', '王一', '--role', 'street-admin', '--street', STREET, '--password-stdin'], 'Zgz-admin-2026\n');
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('已创建用户 zgz_admin');
  }, 60_000);

  test('import-bundle imports an office PC\'s 同步包 through the running server and writes its answer, once', async () => {
    const issued = await cli(['issue-code', '--street', STREET]);
    const code = /登记码：([0-9A-Z-]+)/.exec(issued.stdout)![1]!;
    const pcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-usb-pc-'));
    const pc = createBackend({ dataDir: pcDir, logError: () => undefined, sync: { autoStart: false } });
    try {
      await enrollDevice(pc.store, httpTransport(server!.url, null), { serverUrl: server!.url, code, deviceName: '断网的电脑' });
      await syncOnce(pc.store, httpTransport(server!.url, syncConfig(pc.store)!.token));
      pc.store.tx(() => {
        for (let i = 0; i < 3; i++) pc.store.insert('communities', { streetCode: STREET, name: `断网新建-${i}` }, { userId: null, username: 'test', streetCode: STREET }, null);
      });
      const exported = await exportBundle(pc.store);
      const file = path.join(pcDir, exported.fileName);
      fs.writeFileSync(file, exported.bytes);

      const imported = await cli(['import-bundle', file]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('已导入同步包');
      expect(imported.stdout).toContain('断网的电脑');
      expect(imported.stdout).toContain('接收 3 条修改，拒收 0 条');
      // by default the answer is written beside the bundle
      const answer = fs.readdirSync(pcDir).find((f) => f.startsWith('同步应答-') && f.endsWith(`-${exported.seq}.doudi`));
      expect(answer, imported.stdout).toBeTruthy();
      expect(fs.statSync(path.join(pcDir, answer!)).mode & 0o777).toBe(0o600);
      const applied = await importAnswer(pc.store, new Uint8Array(fs.readFileSync(path.join(pcDir, answer!))));
      expect(applied).toMatchObject({ already: false, acknowledged: 3 });

      const again = await cli(['import-bundle', file, '--answer', path.join(pcDir, 'again.doudi')]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('该同步包已导入过');
      expect(fs.existsSync(path.join(pcDir, 'again.doudi'))).toBe(true);

      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
      fs.writeFileSync(file, bytes);
      const tampered = await cli(['import-bundle', file]);
      expect(tampered.code).not.toBe(0);
      expect(tampered.stderr).toContain('同步包校验失败');
      expect(tampered.stderr).toContain('（bundle-tampered）');
      const missing = await cli(['import-bundle', path.join(pcDir, 'none.doudi')]);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('无法读取同步包文件');
    } finally {
      pc.close();
      removeTestDir(pcDir);
    }
  }, 120_000);
});

describe('a data directory held by a live process that is no reachable server', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-admin-lock-'));
  });
  afterAll(() => removeTestDir(dataDir));

  test('the CLI refuses with a Chinese message and opens nothing', async () => {
    fs.writeFileSync(path.join(dataDir, 'server.lock'), `${process.pid}\n`);
    const r = await runCli(dataDir, ['list-devices']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`正在被进程 ${process.pid} 使用`);
    expect(fs.readdirSync(dataDir)).toEqual(['server.lock']);
  }, 30_000);

  test('a secret file left by an ended server is not used: the command goes nowhere', async () => {
    let contacted = 0;
    const other = http.createServer((_req, res) => {
      contacted++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      fs.writeFileSync(path.join(dataDir, 'admin-secret.json'), JSON.stringify({ url: `http://127.0.0.1:${port}`, secret: 'old', pid: 999999999 }));
      const r = await runCli(dataDir, ['create-user', '--username', 'zgz_admin', '--name', '王一', '--role', 'street-admin', '--street', STREET, '--password-stdin'], { stdin: 'Zgz-admin-2026\n' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('不是它写的');
      expect(contacted).toBe(0);
    } finally {
      other.close();
      fs.rmSync(path.join(dataDir, 'admin-secret.json'), { force: true });
    }
  }, 30_000);

  test('a lock left by a process that has ended is taken over', async () => {
    fs.writeFileSync(path.join(dataDir, 'server.lock'), '999999999\n');
    const r = await runCli(dataDir, ['list-devices']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
  }, 60_000);
});

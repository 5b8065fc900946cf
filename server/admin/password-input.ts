/**
 * The password of `create-user`: read from stdin with --password-stdin (one line; for scripts), or
 * prompted twice on the terminal without echo. Never from the command line, where it would stay in
 * the shell's history and show in the process list.
 */
import readline from 'node:readline';
import { AdminError } from './errors';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // the prompt is written, then nothing of what is typed is echoed
    let muted = false;
    const out = rl as unknown as { _writeToOutput(s: string): void };
    out._writeToOutput = (s) => {
      if (!muted) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readNewPassword(o: { fromStdin: boolean; onCommandLine: boolean }): Promise<string> {
  if (o.onCommandLine) {
    throw new AdminError(
      'password-on-command-line',
      '不接受在命令行中给出密码（会留在命令历史和进程列表中）：请去掉 --password，在终端中按提示输入，或用 --password-stdin 从标准输入读入',
    );
  }
  if (o.fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new AdminError('password-missing', '请在终端中运行以便输入密码，或用 --password-stdin 从标准输入读入密码');
  const first = await promptHidden('新用户的密码（不回显）：');
  const again = await promptHidden('再次输入密码：');
  if (first !== again) throw new AdminError('password-mismatch', '两次输入的密码不一致');
  return first;
}

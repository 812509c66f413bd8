/**
 * `--password-stdin` for a process: a pipe is read to its end; a terminal gets a prompt and one
 * line read without echo, so that the password never shows on screen.
 */
import { CommandError } from './cli-io.ts';

/** A password, even a long passphrase, is far below this; anything larger is a mistake. */
const STDIN_MAX_BYTES = 64 * 1024;
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

export function readProcessStdin(): Promise<string> {
  return process.stdin.isTTY ? readHiddenLine() : readToEnd();
}

async function readToEnd(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > STDIN_MAX_BYTES) throw new CommandError('standard input too long for a password');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readHiddenLine(): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (char === CTRL_C) return finish(new CommandError('cancelled'));
        if (char === '\r' || char === '\n' || char === CTRL_D) return finish();
        if (BACKSPACES.has(char)) line = Array.from(line).slice(0, -1).join('');
        else line += char;
        if (line.length > STDIN_MAX_BYTES) return finish(new CommandError('password too long'));
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

import type { Readable, Writable } from 'node:stream';

interface TerminalInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

/**
 * Asks for a password on the terminal without echoing it. Only for an
 * interactive terminal: the caller checks stdin.isTTY and CI first.
 */
export function promptPassword(
  stdin: TerminalInput,
  stderr: Writable,
  question: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let password = '';
    stderr.write(question);
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (ENTER.has(char) || char === CTRL_D) return finish();
        if (char === CTRL_C) return finish(new Error('password prompt cancelled'));
        if (BACKSPACE.has(char)) password = password.slice(0, -1);
        else password += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The person pressed Ctrl+C (or Ctrl+D on an empty line) at the passphrase prompt. */
export class PromptCancelled extends Error {}

/**
 * Asks for a secret on the terminal without echoing it: raw mode, so the characters never reach
 * the screen (nor the scrollback). Backspace deletes; Enter ends; Ctrl+C cancels.
 */
export function askHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    const finish = (cancelled: boolean, rest: string) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      // Typed ahead (or pasted with the next answer): left for the next question.
      if (rest !== '') stdin.unshift(Buffer.from(rest));
      stderr.write('\n');
      if (cancelled) reject(new PromptCancelled('cancelled at the passphrase prompt'));
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const chars = Array.from(chunk.toString());
      for (const [index, char] of chars.entries()) {
        // A pasted Windows line end (\r\n) ends one answer, not two.
        const rest = () => chars.slice(char === '\r' && chars[index + 1] === '\n' ? index + 2 : index + 1).join('');
        if (char === '\r' || char === '\n') return finish(false, rest());
        if (char === '\u0003' || (char === '\u0004' && value === '')) return finish(true, '');
        if (char === '\u007f' || char === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

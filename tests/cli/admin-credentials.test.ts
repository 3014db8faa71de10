import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { adminCredentialsFromEnvOrPrompt } from '../../src/cli/admin-credentials';

describe('adminCredentialsFromEnvOrPrompt', () => {
  const noTerminal = {
    stdin: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream,
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
  };

  it('takes both from the environment', async () => {
    const env = { DOSING_LEDGER_ADMIN_USERNAME: 'admin', DOSING_LEDGER_ADMIN_PASSWORD: 'secret pass' };
    await expect(adminCredentialsFromEnvOrPrompt(env, noTerminal)).resolves.toEqual({
      username: 'admin',
      password: 'secret pass',
    });
  });

  it('without them and without a terminal, says in one line what to set', async () => {
    const env = { DOSING_LEDGER_ADMIN_USERNAME: 'admin' };
    await expect(adminCredentialsFromEnvOrPrompt(env, noTerminal)).rejects.toThrow(
      /^Set DOSING_LEDGER_ADMIN_USERNAME and DOSING_LEDGER_ADMIN_PASSWORD [^\n]+$/,
    );
  });

  it('asks on a terminal: the username shown, the password not echoed', async () => {
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      isRaw: false,
      setRawMode(mode: boolean) {
        input.isRaw = mode;
        return input;
      },
    });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      shown += text;
      if (text.includes('Administrator username: ')) setImmediate(() => input.write('admin\n'));
      if (text.includes('Password: ')) setImmediate(() => input.write('s3cret pass\r'));
    });
    const credentials = await adminCredentialsFromEnvOrPrompt(
      {},
      {
        stdin: input as unknown as NodeJS.ReadStream,
        stderr: output as unknown as NodeJS.WriteStream,
      },
    );
    expect(credentials).toEqual({ username: 'admin', password: 's3cret pass' });
    expect(shown).not.toContain('s3cret');
  });
});

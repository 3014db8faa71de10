import { createInterface } from 'node:readline/promises';
import type { AdminCredentials } from '../server/host-certificate';
import { askHidden, PromptCancelled } from './passphrase-prompt';

/** Where a headless host's scripts put an administrator's credentials (never on the command line). */
export const usernameVariable = 'DOSING_LEDGER_ADMIN_USERNAME';
export const passwordVariable = 'DOSING_LEDGER_ADMIN_PASSWORD';

export type { AdminCredentials };

export interface CredentialsTerminal {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

async function askVisible(prompt: string, terminal: CredentialsTerminal): Promise<string> {
  const lines = createInterface({ input: terminal.stdin, output: terminal.stderr, terminal: true });
  try {
    return await lines.question(prompt);
  } finally {
    lines.close();
  }
}

/**
 * An administrator's credentials for a command that acts as one (issuing the host certificate,
 * enrolling devices): from DOSING_LEDGER_ADMIN_USERNAME and
 * DOSING_LEDGER_ADMIN_PASSWORD when both are set (a service manager starting the host), else
 * asked on the terminal (the password without echo). Never from the command line (ps, history).
 */
export async function adminCredentialsFromEnvOrPrompt(
  env: NodeJS.ProcessEnv,
  terminal: CredentialsTerminal = { stdin: process.stdin, stderr: process.stderr },
  /** One line saying what the password is for, shown before the prompt. */
  purpose?: string,
): Promise<AdminCredentials> {
  const username = env[usernameVariable];
  const password = env[passwordVariable];
  if (username !== undefined && username !== '' && password !== undefined && password !== '') {
    return { username, password };
  }
  if (terminal.stdin.isTTY !== true) {
    throw new Error(
      `Set ${usernameVariable} and ${passwordVariable} to an administrator's username and password (they are asked for only on a terminal).`,
    );
  }
  try {
    if (purpose !== undefined) terminal.stderr.write(`${purpose}\n`);
    const asked =
      username !== undefined && username !== ''
        ? username
        : (await askVisible('Administrator username: ', terminal)).trim();
    const secret = await askHidden('Password: ', terminal.stdin, terminal.stderr);
    return { username: asked, password: secret };
  } catch (error) {
    if (error instanceof PromptCancelled) throw new Error('Cancelled at the prompt: nothing was done.');
    throw error;
  }
}

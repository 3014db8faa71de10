import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/serve';
import { jobsInFlight } from '../../src/services/backup-jobs';
import type { SignIn } from '../../src/services/sign-in';
import { filesIn, tempFolder } from '../backup/backup-fixture';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { setUpBackups } from './backup-test-app';

/** `serve` and `start` stop through RunningServer.close() (on SIGINT/SIGTERM): the backup on quit runs there. */
describe('stopping the server', () => {
  let app: TestApp;
  let admin: SignIn;
  let folder: ReturnType<typeof tempFolder>;

  beforeAll(async () => {
    app = createTestApp();
    admin = setUpClinic(app, 'UTC');
    folder = tempFolder('quit');
    await setUpBackups(app, admin, folder.dir, { onQuit: true });
  });
  afterAll(async () => {
    await jobsInFlight();
    app.cleanup();
    folder.cleanup();
  });

  it('takes the backup on quit before it stops, when the settings ask for one', async () => {
    const server = await startServer({ ledger: app.ledger, staticDir: folder.dir });
    await server.close();
    const [run] = app.ok(admin, 'backups.list', {}).runs;
    expect(run).toMatchObject({ kind: 'quit', ok: true, fileInFolder: true });
    expect(filesIn(folder.dir)).toEqual([run?.fileName, `${run?.fileName}.json`]);
  });

  it('does not wait longer than its limit', async () => {
    const server = await startServer({ ledger: app.ledger, staticDir: folder.dir, quitBackupTimeoutMs: 1 });
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

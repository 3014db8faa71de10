import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export-command';
import { listenForCtrlC, progressLine, timeLeft } from '../../src/cli/progress-line';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';

/** A stand-in for stderr that keeps what is written to it; a terminal or not, as the test says. */
function fakeStderr(isTTY: boolean) {
  const written: string[] = [];
  return {
    stream: {
      isTTY,
      write: (text: string) => {
        written.push(text);
        return true;
      },
    },
    written,
  };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

let app: TestApp;

beforeAll(() => {
  app = createTestApp();
  setUpClinic(app);
}, 600_000);
afterAll(() => app.cleanup());

describe('`dosing-ledger export` progress', () => {
  it('draws a progress line on a terminal, redrawn in place and cleared before the result', async () => {
    const stderr = fakeStderr(true);
    const { io, out, err } = capture();
    const target = join(app.dir, 'export-on-a-terminal');
    expect(await exportCommand(['--db', app.path, '--out', target], io, stderr.stream)).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^Export written to /);
    const lines = stderr.written.slice(0, -1);
    expect(lines.length).toBeGreaterThan(1);
    // Each drawing starts at the line's beginning and erases what an earlier, longer one left.
    const eraseToEnd = '\u001b[K';
    for (const line of lines) {
      expect(line.startsWith('\r') && line.endsWith(eraseToEnd)).toBe(true);
      expect(line.slice(1, -eraseToEnd.length)).toMatch(/^Writing file \d+ of \d+… \d+%( \(about .+ left\))?$/);
    }
    expect(lines[0]).toMatch(/ 0%/);
    expect(lines.at(-1)).toMatch(/ 100%/);
    expect(stderr.written.at(-1)).toBe('\r\u001b[K');
  });

  it('is quiet when stderr is not a terminal (scripts, logs)', async () => {
    const stderr = fakeStderr(false);
    const { io, out } = capture();
    const target = join(app.dir, 'export-in-a-script');
    expect(await exportCommand(['--db', app.path, '--out', target], io, stderr.stream)).toBe(0);
    expect(stderr.written).toEqual([]);
    expect(out[0]).toMatch(/^Export written to /);
  });
});

describe('Ctrl+C during `dosing-ledger export`', () => {
  it('stops it leaving no partial file and nothing recorded, and exits 130', async () => {
    const stderr = fakeStderr(true);
    const { io, out, err } = capture();
    const folder = join(app.dir, 'interrupted');
    mkdirSync(folder);
    const target = join(folder, 'export.zip');
    const head = ledgerState(app.ledger.raw).head;
    let listening = 0;
    const code = await exportCommand(['--db', app.path, '--out', target], io, stderr.stream, (stop) => {
      listening += 1;
      stop(); // pressed as soon as the export listens for it
      return () => {
        listening -= 1;
      };
    });
    expect(code).toBe(130);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'dosing-ledger: the export was cancelled; no files were left behind and nothing was recorded.',
    ]);
    expect(listening).toBe(0);
    expect(readdirSync(folder)).toEqual([]); // neither the zip nor its hidden temporary file
    expect(ledgerState(app.ledger.raw).head).toEqual(head);
  });
});

describe('Ctrl+C for a long job', () => {
  it("calls the job's stop on SIGINT instead of ending the process, until it stops listening", () => {
    const listeners = process.listenerCount('SIGINT');
    let stops = 0;
    const stopListening = listenForCtrlC(() => {
      stops += 1;
    });
    process.emit('SIGINT', 'SIGINT');
    expect(stops).toBe(1);
    stopListening();
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});

describe('the progress line', () => {
  it('adds the estimate once the job has run long enough to tell', () => {
    const stderr = fakeStderr(true);
    let nowMs = 0;
    const line = progressLine(stderr.stream, () => nowMs);
    line.onProgress?.(0.01, 'Copying');
    nowMs = 10_000;
    line.onProgress?.(0.25, 'Encrypting');
    line.end();
    expect(stderr.written).toEqual([
      '\rCopying… 1%\u001b[K',
      '\rEncrypting… 25% (about 30 s left)\u001b[K',
      '\r\u001b[K',
    ]);
    expect(timeLeft(10_000, 0.25)).toBe(' (about 30 s left)');
    expect(timeLeft(1000, 0.25)).toBe('');
  });
});

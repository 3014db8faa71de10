import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../src/domain/session-view';
import { renderSessionRecordSync } from '../../src/pdf/session-record';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { sessionRecordInput } from './session-record-fixture';

function text(pdf: Buffer): string {
  const path = writeScratch(scratchDirectory(), 'session-supervision.pdf', pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const t = (hhmm: string) => `2026-11-16T${hhmm}:00.000Z`;
const instructions = 'Do not drive until tomorrow morning.\n\nCall the clinic on 555-0100 if you feel unwell.';

/** The fixture session supervised by Dr Ruiz, handed over to Dr Okoye at 15:30, with instructions given. */
function supervised(session: SessionView): SessionView {
  const entries = session.entries.map((entry): SessionView['entries'][number] => {
    if (entry.kind === 'checklist') {
      return {
        ...entry,
        content: {
          ...entry.content,
          supervision: { physicianUserId: 2, printedName: 'Ana Ruiz, MD', availability: 'on-site' },
          monitoring: { pulseOximetry: true, ecg: false, capnography: false, nibp: true, supplementalOxygen: false },
          monitoringAcknowledgement: { missing: ['capnography'], reason: 'Capnograph under repair' },
        },
      };
    }
    if (entry.kind === 'discharge') {
      const given = {
        configurationVersion: 4,
        versionLabel: 'Rev. 2',
        text: instructions,
        givenBy: 'Li Chen, RN',
        givenAt: entry.occurredAt,
      };
      return { ...entry, content: { ...entry.content, instructions: given } };
    }
    return entry;
  });
  const handover = {
    ...entries[0],
    id: 700,
    kind: 'supervision' as const,
    occurredAt: t('15:30'),
    recordedAt: t('15:30'),
    correctsEntryId: null,
    correctionReason: null,
    correctedByEntryId: null,
    witnessPrintedName: null,
    content: {
      physicianUserId: 5,
      printedName: 'Chidi Okoye, MD',
      availability: 'immediately-available' as const,
      note: 'Dr Ruiz called to theatre',
    },
  } as SessionView['entries'][number];
  return { ...session, entries: [...entries, handover] };
}

let pages: string;
beforeAll(() => {
  pages = text(renderSessionRecordSync(sessionRecordInput(supervised)));
});

describe('session record: supervision, monitoring, recovery checks and discharge instructions (issue 22 point 5)', () => {
  it('prints who supervised from when, and the handover', () => {
    expect(pages).toContain('Supervising physician: Ana Ruiz, MD (on site)');
    expect(pages).toMatch(/Ana Ruiz, MD \(on site\) from 10:00 UTC−05:00 until 10:30 UTC−05:00/);
    expect(pages).toContain('Supervised by');
    expect(pages).toMatch(/Chidi Okoye, MD \(immediately available\) from 10:30 UTC−05:00: Dr Ruiz called to theatre/);
  });

  it('prints the monitoring in use and the reason required monitoring was not', () => {
    expect(pages).toContain('Monitoring in use: Pulse oximetry, Non-invasive blood pressure');
    expect(pages).toContain(
      'Required monitoring not in use: Capnography (EtCO2). Reason given: Capnograph under repair',
    );
  });

  it('labels checks after the end as recovery checks', () => {
    expect(pages).toMatch(/10:55 UTC−05:00 Recovery check/);
    expect(pages).toMatch(/10:45 UTC−05:00 Check/);
  });

  it('prints the instructions as given, with who gave them and when', () => {
    expect(pages).toContain('Written discharge instructions, as given');
    expect(pages).toMatch(/Given by Li Chen, RN, 11:20 UTC−05:00/);
    expect(pages).toContain('session settings version 4 (Rev. 2)');
    expect(pages).toContain('Do not drive until tomorrow morning.');
    expect(pages).toContain('Call the clinic on 555-0100 if you feel unwell.');
  });
});

describe('session record of a session from before issue 22', () => {
  it('prints no supervision section and no instructions text', () => {
    const before = text(renderSessionRecordSync(sessionRecordInput()));
    expect(before).not.toContain('Supervised by');
    expect(before).not.toContain('Written discharge instructions');
  });
});

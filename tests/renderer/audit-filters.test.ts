import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { auditFilterOf, isFiltered, noAuditFilter } from '../../src/renderer/features/audit/audit-filter-form';
import { AuditFilters } from '../../src/renderer/features/audit/AuditFilters';
import { AuditTable } from '../../src/renderer/features/audit/AuditTable';

/** The audit log's filter controls as the browser gets them, and what they send to `audit.list`. */
describe('the audit log filters', () => {
  it('offers days in the clinic zone, the actors by name, action and entity, apply and clear', () => {
    const html = renderToStaticMarkup(
      createElement(AuditFilters, {
        actors: [{ userId: 2, name: 'Ana Ruiz, MD' }],
        clinicTimeZone: 'America/New_York',
        busy: false,
        onApply: () => undefined,
      }),
    );
    for (const label of ['From day', 'To day', 'Actor', 'Action', 'Entity type', 'Entity ID']) {
      expect(html).toMatch(new RegExp(`<label[^>]*>${label}`));
    }
    expect(html).toContain('days in America/New_York');
    expect(html).toContain('<option value="">Anyone</option><option value="2">Ana Ruiz, MD</option>');
    expect(html).toMatch(/<button type="submit"[^>]*>Apply filters<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*>Clear filters<\/button>/);
  });

  it('sends only the filters typed, dates as yyyy-mm-dd', () => {
    expect(auditFilterOf(noAuditFilter)).toEqual({ ok: true, filter: {} });
    expect(isFiltered({})).toBe(false);
    const read = auditFilterOf({
      ...noAuditFilter,
      from: '01-Mar-2026',
      to: '2026-03-07',
      actorUserId: '2',
      action: ' record.signed ',
      entityId: '17',
    });
    expect(read).toEqual({
      ok: true,
      filter: { from: '2026-03-01', to: '2026-03-07', actorUserId: 2, action: 'record.signed', entityId: '17' },
    });
  });

  it('says in words what is wrong with a date or a range', () => {
    expect(auditFilterOf({ ...noAuditFilter, from: '07/03/2026' })).toEqual({
      ok: false,
      problems: [{ field: 'from', message: 'Enter a real date as dd-Mmm-yyyy or yyyy-mm-dd.' }],
    });
    expect(auditFilterOf({ ...noAuditFilter, from: '2026-03-08', to: '2026-03-07' })).toEqual({
      ok: false,
      problems: [{ field: 'to', message: 'The last day is before the first day. Swap them.' }],
    });
  });

  it('names the actor of each entry beside the ID the filter matches', () => {
    const entry = {
      seq: 4,
      at: '2026-03-01T15:00:00.000Z',
      actorUserId: 2,
      actorName: 'Ana Ruiz, MD',
      action: 'record.signed',
      entityType: 'record',
      entityId: '9',
      details: {},
      prevHash: 'a',
      hash: 'b',
    };
    const html = renderToStaticMarkup(createElement(AuditTable, { entries: [entry], clinicTimeZone: 'UTC' }));
    expect(html).toContain('Ana Ruiz, MD (user 2)');
  });
});

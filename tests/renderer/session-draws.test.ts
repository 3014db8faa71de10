import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../src/contract/errors';
import { drawsFrom, emptyDraws } from '../../src/renderer/features/sessions/draw-form';
import { eventFormValues, eventFrom } from '../../src/renderer/features/sessions/event-form';

/** The start's "Drawn from" rows: the lot comes from the container, each chosen row needs its volume. */
describe('drawing from the register at the start', () => {
  it('asks for the lot only when no container is chosen', () => {
    const typed = { ...eventFormValues(null), rateMlPerH: '151.09' };
    const issues: FieldIssue[] = [];
    expect(eventFrom('start', typed, issues)).toBeNull();
    expect(issues.map((issue) => issue.path)).toEqual(['lotNumber', 'lotExpiry']);

    const drawn = { ...typed, draws: [{ containerId: '4', volumeMl: '0.8' }, ...emptyDraws.slice(1)] };
    const none: FieldIssue[] = [];
    expect(eventFrom('start', drawn, none)).toMatchObject({ type: 'start', lotNumber: '', lotExpiry: '' });
    expect(none).toEqual([]);
    expect(drawsFrom(drawn.draws, none)).toEqual([{ containerId: 4, volumeMl: '0.8' }]);
  });

  it('needs a volume for each container chosen, written as a number with a leading zero', () => {
    const issues: FieldIssue[] = [];
    expect(
      drawsFrom(
        [
          { containerId: '4', volumeMl: '' },
          { containerId: '5', volumeMl: '.5' },
        ],
        issues,
      ),
    ).toEqual([]);
    expect(issues.map((issue) => issue.path)).toEqual(['draws.0.volumeMl', 'draws.1.volumeMl']);
    expect(issues[0]?.message).toBe('Enter the volume drawn from this container in mL');
    expect(issues[1]?.message).toMatch(/leading zero/);
  });
});

import type { SessionEntryBody } from '../domain/infusion-session';
import { lastUseDay } from '../domain/lot-expiry';
import { formatQuantity, toDecimal } from '../domain/quantity';
import type { Balance } from '../domain/register-balance';
import { isZero } from '../domain/register-balance';
import type { ContainerRow } from '../db/register-repo';
import { listSessionRegisterEntries } from '../db/register-repo';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import type { ServiceContext } from './context';
import { fromMg, requireContainer } from './register-moves';
import { draw, recordWaste, undrawnLeft } from './register-use';
import { ServiceError } from './service-error';

/**
 * The register inside session charting, so nothing is entered twice: the start of an infusion
 * names the containers it was drawn from (their lot and expiry become the start's), and the
 * witnessed waste charted at its end is recorded against those containers.
 */

/** A container and the volume drawn from it for this infusion, as charted at its start. */
export interface SessionDraw {
  containerId: number;
  volumeMl: string;
}

function lotProblem(path: string, message: string, detail: string): ServiceError {
  return new ServiceError('INVALID_INPUT', message, [{ path, message: detail }]);
}

/**
 * The start event with the lot and expiry of the containers drawn from: one lot, or each lot
 * named ("K1, K2") with the earliest expiry. A lot the nurse typed must be the container's.
 */
export function withDrawnLots(
  context: ServiceContext,
  body: SessionEntryBody,
  draws: readonly SessionDraw[] | undefined,
): { body: SessionEntryBody; containers: ContainerRow[] } {
  if (draws === undefined || draws.length === 0) return { body, containers: [] };
  if (body.kind !== 'event' || body.content.type !== 'start') {
    throw lotProblem('draws', 'Containers are drawn from when the infusion starts.', 'Only at the start');
  }
  const containers = draws.map((item) => requireContainer(context, item.containerId));
  if (new Set(containers.map((container) => container.id)).size !== containers.length) {
    throw lotProblem('draws', 'Name each container once, with the whole volume drawn from it.', 'A container twice');
  }
  const drugs = new Set(containers.map((container) => `${container.drugId} ${container.concentrationMgPerMl}`));
  if (drugs.size > 1) {
    throw lotProblem('draws', 'The containers hold different drugs or concentrations.', 'Not the same drug');
  }
  const lots = [...new Set(containers.map((container) => container.lotNumber))];
  const lotNumber = lots.join(', ');
  const typed = body.content.lotNumber.trim();
  if (typed !== '' && typed !== lotNumber) {
    throw lotProblem(
      'entry.content.lotNumber',
      `The lot typed (${typed}) is not the lot of the container drawn from (${lotNumber}). Check the vial.`,
      'Not the container’s lot',
    );
  }
  if (lotNumber.length > 50)
    throw lotProblem('draws', 'Too many lots for one start: chart fewer containers.', 'Too many lots');
  const earliest = containers.reduce((first, container) =>
    lastUseDay(container.lotExpiry) < lastUseDay(first.lotExpiry) ? container : first,
  );
  return {
    body: { ...body, content: { ...body.content, lotNumber, lotExpiry: earliest.lotExpiry } },
    containers,
  };
}

/** Records the start's draws against its entry, in the same transaction. */
export function recordStartDraws(
  context: ServiceContext,
  session: SessionRow,
  entry: EntryRow,
  draws: readonly SessionDraw[] | undefined,
): void {
  for (const item of draws ?? []) {
    draw(
      context,
      { containerId: item.containerId, sessionId: session.id, volumeMl: item.volumeMl, occurredAt: entry.occurredAt },
      entry.id,
    );
  }
}

/**
 * Records the waste charted at the end against the containers this session drew from, the
 * last drawn first. Nothing when the session drew from no register container (a clinic not
 * keeping the register here); refused when more is wasted than was drawn and not yet wasted.
 */
export function recordEndWaste(
  context: ServiceContext,
  session: SessionRow,
  entry: EntryRow,
  body: SessionEntryBody,
  witness: { userId: number; printedName: string } | null,
): void {
  if (body.kind !== 'event' || body.content.wasteMg === null || witness === null) return;
  if (toDecimal(body.content.wasteMg).isZero()) return;
  const drawnFrom = [
    ...new Set(
      listSessionRegisterEntries(context.ledger.db, session.id)
        .filter((row) => row.kind === 'drawn')
        .map((row) => row.containerId),
    ),
  ].reverse();
  if (drawnFrom.length === 0) return;
  let remainingMg = toDecimal(body.content.wasteMg);
  const shares: { container: ContainerRow; amount: Balance }[] = [];
  for (const containerId of drawnFrom) {
    if (remainingMg.isZero()) break;
    const container = requireContainer(context, containerId);
    const left = undrawnLeft(context, session.id, containerId);
    if (isZero(left) || toDecimal(left.mg).isNegative()) continue;
    const takeMg = toDecimal(left.mg).lessThan(remainingMg) ? toDecimal(left.mg) : remainingMg;
    shares.push({ container, amount: fromMg(container, takeMg.toFixed(), 'entry.content.wasteMg') });
    remainingMg = remainingMg.minus(takeMg);
  }
  if (!remainingMg.isZero()) {
    const accounted = toDecimal(body.content.wasteMg).minus(remainingMg);
    throw new ServiceError(
      'INVALID_INPUT',
      `The waste charted (${formatQuantity(body.content.wasteMg, 'mg')}) is more than this infusion drew from the register and has not yet wasted (${formatQuantity(accounted, 'mg')}). Check the waste, or correct the draw in the register first.`,
      [{ path: 'entry.content.wasteMg', message: 'More than was drawn' }],
    );
  }
  for (const share of shares) {
    recordWaste(context, share.container, {
      sessionId: session.id,
      amount: share.amount,
      witness,
      occurredAt: entry.occurredAt,
      sessionEntryId: entry.id,
    });
  }
}

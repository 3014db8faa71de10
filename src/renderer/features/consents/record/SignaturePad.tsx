import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { SignatureStrokes } from '../../../../domain/consent-signature';
import { signatureGrid, signatureGridHeight } from '../../../../domain/consent-signature';
import { FieldError } from '../../../components/FieldError';
import { gridPoint, extendLastStroke, polylinePoints, startStroke } from './signature-strokes';

/**
 * The box the patient signs in with a finger, pen or mouse. It records pointer events as
 * vector strokes on the fixed grid of the stored signature and draws them back as SVG
 * polylines (the PDF draws the same strokes). `onFinished` gets the time each stroke ends:
 * the last one is when the patient finished signing.
 */
export function SignaturePad({
  id,
  strokes,
  onChange,
  onFinished,
  error,
}: {
  id: string;
  strokes: SignatureStrokes;
  onChange: (strokes: SignatureStrokes) => void;
  onFinished: () => void;
  error?: string | undefined;
}) {
  const drawing = useRef<number | null>(null);
  // Times are kept from the signature's first point (the stored tMs); a cleared box starts again.
  const firstPointMs = useRef(0);
  // The strokes as drawn so far: several pointer events may arrive before the next render.
  const latest = useRef(strokes);
  useEffect(() => {
    latest.current = strokes;
  }, [strokes]);
  const noteId = `${id}-note`;
  const statusId = `${id}-status`;
  const errorId = error === undefined ? undefined : `${id}-error`;

  const pointOf = (event: ReactPointerEvent<SVGSVGElement>, clientX = event.clientX, clientY = event.clientY) =>
    gridPoint(clientX, clientY, event.currentTarget.getBoundingClientRect(), firstPointMs.current, Date.now());

  const down = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (drawing.current !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = event.pointerId;
    if (latest.current.length === 0) firstPointMs.current = Date.now();
    latest.current = startStroke(latest.current, pointOf(event));
    onChange(latest.current);
  };

  const move = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (drawing.current !== event.pointerId) return;
    // A fast pen reports several positions per frame: take them all, or curves turn into corners.
    const moves = event.nativeEvent.getCoalescedEvents?.() ?? [];
    let next = latest.current;
    for (const position of moves.length > 0 ? moves : [event.nativeEvent]) {
      next = extendLastStroke(next, pointOf(event, position.clientX, position.clientY));
    }
    if (next !== latest.current) {
      latest.current = next;
      onChange(next);
    }
  };

  const up = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (drawing.current !== event.pointerId) return;
    drawing.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    onFinished();
  };

  return (
    <div className={error === undefined ? 'field signature-field' : 'field signature-field field-invalid'}>
      <p className="field-label" id={`${id}-label`}>
        Signature
      </p>
      <p className="hint" id={noteId}>
        Sign inside the box with a finger, pen or mouse. A drawn signature is needed: it cannot be made with the
        keyboard. If the signer cannot draw, ask the clinician how the clinic records consent then.
      </p>
      <FieldError id={errorId} error={error} />
      <div className="signature-box">
        <svg
          id={id}
          className="signature-pad"
          role="img"
          aria-labelledby={`${id}-label`}
          aria-describedby={[noteId, statusId, errorId].filter((part) => part !== undefined).join(' ')}
          tabIndex={-1}
          viewBox={`0 0 ${signatureGrid} ${signatureGridHeight}`}
          preserveAspectRatio="none"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        >
          <line
            className="signature-baseline"
            x1={signatureGrid * 0.05}
            x2={signatureGrid * 0.95}
            y1={signatureGridHeight * 0.78}
            y2={signatureGridHeight * 0.78}
          />
          {strokes.map((stroke, index) =>
            stroke.length === 1 ? (
              <circle key={index} className="signature-dot" cx={stroke[0]?.[0]} cy={stroke[0]?.[1]} r={6} />
            ) : (
              <polyline key={index} className="signature-ink" points={polylinePoints(stroke)} />
            ),
          )}
        </svg>
      </div>
      <div className="signature-actions">
        <p className="signature-status" id={statusId} aria-live="polite">
          {strokes.length === 0
            ? 'Nothing drawn yet.'
            : `Signature drawn (${strokes.length} ${strokes.length === 1 ? 'stroke' : 'strokes'}).`}
        </p>
        <button
          type="button"
          className="button button-secondary"
          disabled={strokes.length === 0}
          onClick={() => {
            drawing.current = null;
            latest.current = [];
            onChange([]);
          }}
        >
          Clear
        </button>
      </div>
    </div>
  );
}

import type { WeightFinding } from '../../../domain/weight-check';
import { MessageText } from '../../components/MessageText';

/**
 * In the signing dialog, part of what is being signed: what the weight check surfaced and
 * the reason the physician gave for keeping the weight.
 */
export function SigningWeightCheck({ findings, reason }: { findings: readonly WeightFinding[]; reason: string }) {
  if (findings.length === 0) return null;
  return (
    <section className="sign-weight-check" aria-labelledby="sign-weight-check-title">
      <h3 id="sign-weight-check-title" className="panel-subtitle">
        Weight check you acknowledged
      </h3>
      <ul className="findings">
        {findings.map((finding) => (
          <li key={finding.kind}>
            <MessageText text={finding.message} />
          </li>
        ))}
      </ul>
      <p>
        <span className="label">Your reason</span>{' '}
        <span className="value">{reason.trim() === '' ? 'None' : reason}</span>
      </p>
    </section>
  );
}

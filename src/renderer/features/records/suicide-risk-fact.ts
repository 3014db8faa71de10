import type { ExamContent } from '../../../domain/exam';
import { suicideRiskFlags, suicideRiskFlagText } from '../../../domain/suicide-risk';
import type { Fact } from '../../components/Facts';

/** The suicide risk on the signing summary: the flag in words and what was done, or that none is flagged. */
export function suicideRiskFact(content: ExamContent): Fact {
  const flags = suicideRiskFlags(content);
  if (flags.length === 0) return { label: 'Suicide risk', value: 'Not flagged by the answers recorded' };
  const done = content.riskAcknowledgement?.actionTaken.trim() ?? '';
  return {
    label: 'Suicide risk',
    value: `FLAGGED: ${suicideRiskFlagText(flags)}. What was done: ${done === '' ? 'Not recorded' : done}`,
    autoDirection: true,
  };
}

import type { ExamContent } from '../../../domain/exam';
import type { Fact } from '../../components/Facts';

/** The pre-treatment results for the signing step: how many, and any gaps signed with their reason. */
export function pretreatmentFact(content: ExamContent): Fact {
  const results = content.pretreatment?.results.length ?? 0;
  const recorded =
    results === 0 ? 'None recorded' : results === 1 ? '1 result recorded' : `${results} results recorded`;
  const acknowledgement = content.pretreatment?.acknowledgement;
  if (acknowledgement === undefined || acknowledgement.problems.length === 0) {
    return { label: 'Pre-treatment results', value: recorded };
  }
  return {
    label: 'Pre-treatment results',
    value: `${recorded}. Required but missing or stale: ${acknowledgement.problems.join('; ')}. Your reason: ${acknowledgement.reason.trim()}`,
    autoDirection: true,
  };
}

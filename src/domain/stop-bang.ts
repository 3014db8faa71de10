import { z } from 'zod';

/**
 * STOP-BANG: eight yes/no questions for obstructive sleep apnoea. Only the answers are
 * stored; the score is counted from them wherever it is shown, so a score can never
 * disagree with the answers it came from.
 */
export const stopBangQuestions = {
  snoring: 'Snoring loudly',
  tired: 'Tired, fatigued or sleepy during the day',
  observed: 'Observed to stop breathing during sleep',
  pressure: 'High blood pressure (treated or not)',
  bmiOver35: 'BMI more than 35 kg/m²',
  ageOver50: 'Age over 50 years',
  neckOver40Cm: 'Neck circumference more than 40 cm',
  genderMale: 'Male sex',
} as const;
export type StopBangQuestion = keyof typeof stopBangQuestions;
export const stopBangQuestionIds = Object.keys(stopBangQuestions) as StopBangQuestion[];

const yesNo = z.enum(['yes', 'no']).nullable();

export const stopBangAnswersSchema = z
  .object(Object.fromEntries(stopBangQuestionIds.map((id) => [id, yesNo])) as Record<StopBangQuestion, typeof yesNo>)
  .strict();
export type StopBangAnswers = z.infer<typeof stopBangAnswersSchema>;

export function blankStopBang(): StopBangAnswers {
  return Object.fromEntries(stopBangQuestionIds.map((id) => [id, null])) as StopBangAnswers;
}

/** The count of "yes" answers (0–8), or null while any question is unanswered. */
export function stopBangScore(answers: StopBangAnswers): number | null {
  if (stopBangQuestionIds.some((id) => answers[id] === null)) return null;
  return stopBangQuestionIds.filter((id) => answers[id] === 'yes').length;
}

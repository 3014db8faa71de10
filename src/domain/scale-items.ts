import type { ScaleId } from './scales';
import { scaleDefinitions } from './scales';

/**
 * The published wording of each questionnaire, so that what the patient answered can be
 * read back item by item on screen and on paper. PHQ-9 and GAD-7 (Spitzer, Williams,
 * Kroenke and colleagues) may be reproduced without permission; the PCL-5 (Weathers et al.,
 * National Center for PTSD, 2013) is in the public domain. Wording is kept exactly as
 * published: a paraphrase would no longer be the validated instrument.
 */
export interface ScaleWording {
  /** The question every item completes. */
  stem: string;
  /** Item texts, in order; item 1 first. */
  items: readonly string[];
  /** The answer label for each score, score 0 first. */
  answers: readonly string[];
}

const frequency = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;

export const scaleWording: Record<ScaleId, ScaleWording> = {
  phq9: {
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    answers: frequency,
  },
  gad7: {
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ],
    answers: frequency,
  },
  pcl5: {
    stem: 'In the past month, how much were you bothered by:',
    items: [
      'Repeated, disturbing, and unwanted memories of the stressful experience?',
      'Repeated, disturbing dreams of the stressful experience?',
      'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
      'Feeling very upset when something reminded you of the stressful experience?',
      'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
      'Avoiding memories, thoughts, or feelings related to the stressful experience?',
      'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
      'Trouble remembering important parts of the stressful experience?',
      'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
      'Blaming yourself or someone else for the stressful experience or what happened after it?',
      'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
      'Loss of interest in activities that you used to enjoy?',
      'Feeling distant or cut off from other people?',
      'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
      'Irritable behavior, angry outbursts, or acting aggressively?',
      'Taking too many risks or doing things that could cause you harm?',
      'Being "superalert" or watchful or on guard?',
      'Feeling jumpy or easily startled?',
      'Having difficulty concentrating?',
      'Trouble falling or staying asleep?',
    ],
    answers: ['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'],
  },
};

/** The item's text as published; index 0 is item 1. */
export function scaleItemText(scale: ScaleId, index: number): string {
  const text = scaleWording[scale].items[index];
  if (text === undefined) throw new RangeError(`${scaleDefinitions[scale].name} has no item ${index + 1}`);
  return text;
}

/** A name that tells items apart across questionnaires: "PHQ-9 item 1: Little interest or pleasure in doing things". */
export function scaleItemName(scale: ScaleId, index: number): string {
  return `${scaleDefinitions[scale].name} item ${index + 1}: ${scaleItemText(scale, index)}`;
}

/** "2 More than half the days": the score and the answer it stands for. */
export function scaleAnswerText(scale: ScaleId, score: number): string {
  const label = scaleWording[scale].answers[score];
  if (label === undefined)
    throw new RangeError(`${scaleDefinitions[scale].name} answers are 0–${scaleDefinitions[scale].maxItemScore}`);
  return `${score} ${label}`;
}

import type { ResponseDefinition } from '../../../domain/response-definitions';
import { definitionsInForce, definitionText } from '../../../domain/response-definitions';
import { FieldError } from '../../components/FieldError';
import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';

const id = (path: string) => fieldId('plan', path);

/**
 * The goal of the series and how response will be judged, chosen from the clinic's own
 * definitions. The app offers no goal and no threshold of its own: with no definitions
 * configured, the goal is free text and optional.
 */
export function CourseGoalSection({
  register,
  values,
  messages,
  setValue,
  definitions,
}: PlanSectionProps & { definitions: readonly ResponseDefinition[] | undefined }) {
  const inForce = definitionsInForce(definitions);
  const chosen = values.courseGoal.definitionIds;
  // A definition chosen before the clinic retired it stays listed, so it can be unchosen.
  const listed = [
    ...inForce,
    ...(definitions ?? []).filter((definition) => definition.retired && chosen.includes(definition.id)),
  ];
  const toggle = (definitionId: string, on: boolean) => {
    const next = on ? [...chosen, definitionId] : chosen.filter((one) => one !== definitionId);
    // In the clinic's order, whatever the order of the clicks.
    const ordered = listed.map((definition) => definition.id).filter((one) => next.includes(one));
    setValue('courseGoal.definitionIds', ordered, { shouldDirty: true });
  };
  const listError = messages.get('courseGoal.responseDefinitionIds');
  return (
    <section className="card form-card" aria-labelledby="plan-goal-title">
      <h2 id="plan-goal-title">Goal of the series</h2>
      <TextArea
        id={id('courseGoal.goal')}
        label="Goal of this series"
        optional={inForce.length === 0}
        maxLength={2000}
        hint="What the patient and you aim for, in your own words."
        registration={register('courseGoal.goal')}
        error={messages.get('courseGoal.goal')}
      />
      <fieldset className="session-fieldset" id={id('courseGoal.responseDefinitionIds')}>
        <legend className="form-subsection-title">How response will be judged</legend>
        {listed.length === 0 ? (
          <p className="value-unknown">
            Your clinic has configured no response definitions. An administrator can add them in the clinic’s infusion
            session settings.
          </p>
        ) : (
          <>
            <p className="hint">Your clinic’s definitions. The plan keeps their wording as it is when saved.</p>
            <FieldError id={`${id('courseGoal.responseDefinitionIds')}-error`} error={listError} />
            {listed.map((definition) => {
              const boxId = id(`courseGoal.definition.${definition.id}`);
              return (
                <div className="field" key={definition.id}>
                  <label className="checkbox" htmlFor={boxId}>
                    <input
                      id={boxId}
                      type="checkbox"
                      checked={chosen.includes(definition.id)}
                      onChange={(event) => toggle(definition.id, event.target.checked)}
                    />
                    <span>
                      {definitionText(definition)}
                      {definition.retired ? ' (no longer in your clinic’s list)' : ''}
                    </span>
                  </label>
                </div>
              );
            })}
          </>
        )}
      </fieldset>
    </section>
  );
}

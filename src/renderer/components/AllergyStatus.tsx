import type { Allergies } from '../../domain/patient';
import { formatAllergies } from '../../domain/patient';
import { Icon } from './Icon';

/**
 * Allergies as the banner shows them, always visible: listed in red with the word
 * "Allergies" (never colour alone), or "No known allergies", or "Allergies not recorded".
 */
export function AllergyStatus({ allergies }: { allergies: Allergies }) {
  if (allergies.status === 'recorded') {
    return (
      <p className="allergy allergy-recorded">
        <Icon name="warning" className="allergy-icon" />
        <span className="allergy-label">Allergies</span>{' '}
        <span className="allergy-items" dir="auto">
          {formatAllergies(allergies)}
        </span>
      </p>
    );
  }
  return (
    <p className={allergies.status === 'none-known' ? 'allergy allergy-none' : 'allergy allergy-unknown'}>
      <Icon name={allergies.status === 'none-known' ? 'check' : 'warning'} className="allergy-icon" />
      <span className="allergy-label">{formatAllergies(allergies)}</span>
    </p>
  );
}

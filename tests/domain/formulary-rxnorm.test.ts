import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoKetamine } from '../../src/cli/demo-clinical';
import { canonicalJson } from '../../src/domain/canonical-json';
import { drugSchema, formularyContentSchema, starterScreeningItems } from '../../src/domain/formulary';

/** Issue 12, point 7: a formulary drug entry may carry its RxNorm code (RxCUI), digits only. */
const issuesOf = (rxNormCode: unknown) => {
  const parsed = drugSchema.safeParse({ ...demoKetamine, rxNormCode });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the RxNorm code of a formulary drug', () => {
  it('is kept when it is digits only, trimmed', () => {
    expect(drugSchema.parse({ ...demoKetamine, rxNormCode: ' 6130 ' }).rxNormCode).toBe('6130');
  });

  it('is no code at all when left empty', () => {
    expect(drugSchema.parse({ ...demoKetamine, rxNormCode: '  ' }).rxNormCode).toBeUndefined();
    const content = formularyContentSchema.parse({ drugs: [{ ...demoKetamine, rxNormCode: '' }], screeningItems: [] });
    expect(canonicalJson(content)).not.toContain('rxNormCode');
  });

  it('is optional: formulary versions saved before it existed still parse, unchanged', () => {
    const stored = canonicalJson({ drugs: [demoKetamine], screeningItems: starterScreeningItems });
    const parsed = formularyContentSchema.parse(JSON.parse(stored));
    expect(parsed.drugs[0]).not.toHaveProperty('rxNormCode');
    expect(canonicalJson(parsed)).toBe(stored);
  });

  it('is refused, on its own field and in words, when it is not a plain RxCUI', () => {
    for (const bad of ['abc', '61 30', '6130a', '-6130', '0', '0612', '12345678901', 'RX6130', '6.13']) {
      expect(issuesOf(bad), bad).toEqual([
        'rxNormCode: Enter the RxNorm code (RxCUI) as digits only, e.g. 6130, or leave it empty',
      ]);
    }
  });

  it('accepts every RxCUI-shaped value and refuses anything with a character other than a digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (rxcui) => {
        expect(issuesOf(String(rxcui))).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((text) => /[^\d\s]/.test(text)),
        (text) => {
          expect(issuesOf(text)).toHaveLength(1);
        },
      ),
    );
  });
});

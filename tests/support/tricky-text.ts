import fc from 'fast-check';

/**
 * Text for a field that takes a decimal: things that look like numbers to a person or to
 * decimal.js ("1e5", "Infinity", "0x10", "1,5", Arabic-Indic and full-width digits), blanks,
 * and arbitrary strings. A schema must answer each with a message on the field.
 */
export const trickyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'abc',
    '',
    ' ',
    '1e5',
    '1E-3',
    'Infinity',
    '-Infinity',
    'NaN',
    '0x10',
    '0b11',
    '0o7',
    '-1',
    '+1',
    '1,5',
    '1.5.5',
    '.5',
    '5.',
    '٣',
    '１２',
    '1 000',
    '72.4 kg',
    '00.5',
    '0.0000001',
    '9999999999',
    '0',
    '0.000001',
    '999999999.999999',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[-+]?[0-9.eE,x ]{1,12}$/),
);

/** The part of the NLM's UCUM library (it ships no type definitions) that the tests use. */
declare module '@lhncbc/ucum-lhc' {
  interface UnitValidation {
    status: 'valid' | 'invalid' | 'error';
    msg: string[];
  }
  export const UcumLhcUtils: {
    getInstance(): { validateUnitString(unit: string, suggest?: boolean): UnitValidation };
  };
}

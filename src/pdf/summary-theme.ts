import type { TextStyle } from './text-style';

/**
 * Type, colour and spacing of the summary. Labels are quieter than values (UI conventions);
 * nothing depends on colour alone: status and range findings are always written in words.
 */
export const colors = {
  text: '#1a1a1a',
  label: '#56606b',
  heading: '#0b3a5d',
  rule: '#c5ccd4',
  banner: '#edf1f5',
  bannerEdge: '#b8c2cc',
  stripe: '#f6f8fa',
  alert: '#9b1c1c',
  alertBackground: '#fdf1f1',
  keyFigure: '#eef4f9',
} as const;

export const pagePaddingPt = { left: 46, right: 46, top: 36, bottom: 40 } as const;
/** Height reserved for the footer at the bottom of every page. */
export const footerHeightPt = 34;

export const styles = {
  body: { size: 9, color: colors.text },
  bodyBold: { size: 9, bold: true, color: colors.text },
  label: { size: 7.5, color: colors.label },
  small: { size: 7.5, color: colors.label },
  smallBold: { size: 7.5, bold: true, color: colors.text },
  title: { size: 15, bold: true, color: colors.heading },
  heading: { size: 11.5, bold: true, color: colors.heading },
  subheading: { size: 9.5, bold: true, color: colors.heading },
  clinic: { size: 11, bold: true, color: colors.text },
  patientName: { size: 13, bold: true, color: colors.text },
  alert: { size: 9, bold: true, color: colors.alert },
  alertLabel: { size: 7.5, bold: true, color: colors.alert },
  figure: { size: 14, bold: true, color: colors.text },
  signature: { size: 10.5, bold: true, color: colors.text },
  mono: { size: 7, color: colors.text },
} as const satisfies Record<string, TextStyle>;

/** Line height as a multiple of the largest font size on the line. */
export const leading = 1.3;
/** Baseline below a line's top, as a multiple of its font size. */
export const baselineRatio = 0.98;
/** The same for lines with Arabic, whose marks need more room above and below. */
export const tallLeading = 1.62;
export const tallBaselineRatio = 1.12;

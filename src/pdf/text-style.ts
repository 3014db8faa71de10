/** How a run of text is set: the theme's styles and every section's spans use it. */
export interface TextStyle {
  /** Font size in points. */
  size: number;
  bold?: boolean;
  /** CSS hex colour. */
  color?: string;
}

export interface Span {
  text: string;
  style: TextStyle;
}

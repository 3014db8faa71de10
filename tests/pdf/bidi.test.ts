import { describe, expect, it } from 'vitest';
import { bidiLevels, hasRightToLeftScript, visualOrder } from '../../src/pdf/bidi';

const levels = (text: string) => bidiLevels(Array.from(text)).join('');

describe('bidi levels in a left-to-right document', () => {
  it('keeps Latin, Greek, Cyrillic and CJK left to right', () => {
    expect(levels('Zoë Ελένη Пётр 王小明 12')).toBe('0'.repeat(Array.from('Zoë Ελένη Пётр 王小明 12').length));
  });

  it('makes Arabic words and the spaces between them one right-to-left run', () => {
    expect(levels('عائشة محمد')).toBe('1111111111');
    // The space between Latin and Arabic takes the paragraph direction.
    expect(levels('Dr عائشة')).toBe('000' + '11111');
  });

  it('keeps numbers inside Arabic text left to right (level 2)', () => {
    expect(levels('بنسلين 500 ملغ')).toBe('111111' + '1' + '222' + '1' + '111');
    expect(levels('MRN 500')).toBe('0000000');
  });

  it('orders runs visually: right-to-left sequences reversed, numbers inside kept in order', () => {
    const runs = [
      { text: 'بنسلين ', level: 1 },
      { text: '500', level: 2 },
      { text: ' ملغ', level: 1 },
    ];
    expect(visualOrder([{ text: 'A ', level: 0 }, ...runs]).map((run) => run.text)).toEqual([
      'A ',
      ' ملغ',
      '500',
      'بنسلين ',
    ]);
  });

  it('knows which text fontkit shapes right to left', () => {
    expect(hasRightToLeftScript('عائشة')).toBe(true);
    expect(hasRightToLeftScript(', ')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { encodingOf, segmentCount } from '#functions/sms/segments';

describe('SMS segments', () => {
  it('GSM-7: 160 characters in one segment, 153 a segment once split', () => {
    expect(segmentCount('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentCount('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(segmentCount('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(segmentCount('a'.repeat(307))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3 });
  });

  it('GSM-7 extension characters take two septets, and an escape pair is never split', () => {
    expect(segmentCount('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentCount(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toEqual({ encoding: 'GSM-7', units: 164, segments: 2 });
    // 152 + 2 does not fit the first part's 153: the € moves to the second.
    expect(segmentCount(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
    expect(encodingOf('Ü ß é ñ @ £ $ ¥ Δ')).toBe('GSM-7');
  });

  it('UCS-2 (any Cyrillic letter): 70 in one segment, 67 a segment once split', () => {
    expect(segmentCount('я'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentCount('я'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(segmentCount('я'.repeat(134))).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
    expect(segmentCount('я'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
    // One Cyrillic letter turns a Latin text into UCS-2.
    expect(segmentCount(`${'a'.repeat(70)}я`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(encodingOf('№1001')).toBe('UCS-2');
  });

  it('a character outside the BMP is two UCS-2 units and is not split across parts', () => {
    expect(segmentCount('🗳'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentCount(`${'я'.repeat(66)}🗳${'я'.repeat(5)}`)).toEqual({ encoding: 'UCS-2', units: 73, segments: 2 });
    expect(segmentCount(`${'я'.repeat(66)}🗳${'я'.repeat(66)}`).segments).toBe(3);
  });

  it('counts nothing for an empty text', () => {
    expect(segmentCount('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});

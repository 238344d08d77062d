import { countSegments } from './segments';

const GSM_EXTENSION = ['€', '[', ']', '{', '}', '^', '~', '|', '\\', '\f'];

describe('countSegments', () => {
  it('should answer no segments and a full segment left when the message is empty', () => {
    expect(countSegments('')).toEqual({
      encoding: 'GSM-7',
      segments: 0,
      units: 0,
      perSegment: 160,
      charactersLeft: 160,
      ucs2Characters: [],
    });
  });

  it('should fit 160 GSM-7 characters in one segment and split the 161st into 153-septet parts', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({
      segments: 1,
      perSegment: 160,
      charactersLeft: 0,
    });
    expect(countSegments('a'.repeat(161))).toMatchObject({
      segments: 2,
      perSegment: 153,
      charactersLeft: 145,
    });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it.each(GSM_EXTENSION)('should count the extension character %j twice and stay GSM-7', (ch) => {
    expect(countSegments(`${'a'.repeat(158)}${ch}`)).toMatchObject({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      charactersLeft: 0,
    });
    expect(countSegments(`${'a'.repeat(159)}${ch}`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('should keep an extension character whole when it falls on a segment boundary', () => {
    // 152 septets, then € (2) does not fit in the 153-septet first part: it starts the second.
    const count = countSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`);
    expect(count).toMatchObject({ segments: 2, units: 164, charactersLeft: 141 });
  });

  it('should keep accented letters of the GSM basic table in GSM-7', () => {
    expect(countSegments('Café à Zürich, señor Øre ÄÖÑÜ§¿¡ £$¥').encoding).toBe('GSM-7');
  });

  it.each([
    ['an emoji', 'See you soon 😀', ['😀']],
    ['a lowercase c-cedilla (only Ç is GSM-7)', 'Garçon', ['ç']],
    ['a curly apostrophe', 'It’s ready', ['’']],
    ['Cyrillic', 'Привет', ['П', 'р', 'и', 'в', 'е', 'т']],
  ])('should switch to UCS-2 when the message has %s', (_label, text, chars) => {
    const count = countSegments(text);
    expect(count.encoding).toBe('UCS-2');
    expect(count.perSegment).toBe(70);
    expect(count.ucs2Characters).toEqual(chars);
  });

  it('should count an emoji as two UCS-2 units', () => {
    expect(countSegments('Hi 😀')).toMatchObject({ units: 5, segments: 1, charactersLeft: 65 });
  });

  it('should fit 70 UCS-2 units in one segment and split the 71st into 67-unit parts', () => {
    expect(countSegments('ć'.repeat(70))).toMatchObject({ segments: 1, charactersLeft: 0 });
    expect(countSegments('ć'.repeat(71))).toMatchObject({
      segments: 2,
      perSegment: 67,
      charactersLeft: 63,
    });
    expect(countSegments('ć'.repeat(135)).segments).toBe(3);
  });

  it('should never split an emoji across two segments', () => {
    // 66 units, then the emoji's 2 would overflow the 67-unit first part.
    const count = countSegments(`${'ć'.repeat(66)}😀${'ć'.repeat(3)}`);
    expect(count).toMatchObject({ units: 71, segments: 2, charactersLeft: 62 });
  });
});

import {
  classifyKeyword,
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  type KeywordKind,
} from './keywords';

const mixedCase = (word: string): string =>
  [...word].map((ch, i) => (i % 2 ? ch.toLowerCase() : ch.toUpperCase())).join('');

const MATRIX: [string, KeywordKind][] = [
  ...OPT_OUT_KEYWORDS.map((k) => [k, 'OPT_OUT'] as [string, KeywordKind]),
  ...OPT_IN_KEYWORDS.map((k) => [k, 'OPT_IN'] as [string, KeywordKind]),
  ...HELP_KEYWORDS.map((k) => [k, 'HELP'] as [string, KeywordKind]),
];
const SPELLINGS: [string, (k: string) => string][] = [
  ['upper case', (k) => k.toUpperCase()],
  ['lower case', (k) => k.toLowerCase()],
  ['mixed case', mixedCase],
  ['surrounding spaces', (k) => `  ${k}   `],
  ['tabs and newlines', (k) => `\t${k.toLowerCase()}\n`],
  ['a non-breaking space', (k) => `\u00a0${mixedCase(k)}`],
];

describe('classifyKeyword', () => {
  it('should know exactly the documented keywords', () => {
    expect([...OPT_OUT_KEYWORDS]).toEqual([
      'STOP',
      'STOPALL',
      'UNSUBSCRIBE',
      'CANCEL',
      'END',
      'QUIT',
      'REVOKE',
      'OPTOUT',
    ]);
    expect([...OPT_IN_KEYWORDS]).toEqual(['START', 'YES', 'UNSTOP']);
    expect([...HELP_KEYWORDS]).toEqual(['HELP', 'INFO']);
  });

  describe.each(MATRIX)('%s', (keyword, kind) => {
    it.each(SPELLINGS)(`should classify it as ${kind} when written in %s`, (_label, spell) => {
      expect(classifyKeyword(spell(keyword))).toBe(kind);
    });
  });

  it.each([
    'STOP!',
    'stop.',
    'please stop',
    'stop texting me',
    'S TOP',
    'STOPP',
    'yes please',
    'helpme',
    '',
    '   ',
    'constructor',
    '__proto__',
  ])('should not classify %j as a keyword', (body) => {
    expect(classifyKeyword(body)).toBeNull();
  });
});

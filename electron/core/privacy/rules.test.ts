import { describe, expect, it } from 'vitest';
import { dropErasedQuotes, likeFragments, mentionPattern, scrubText, termsOf } from './rules';

describe('erasure rules', () => {
  const pattern = mentionPattern(termsOf(['Anna Łukasik', 'anna.l@example.com']))!;

  it('replaces whole-word mentions of the name and e-mail, letter case ignored', () => {
    expect(scrubText('Call ANNA ŁUKASIK, cc anna.l@example.com.', pattern)).toBe('Call [erased], cc [erased].');
    // Inside another word it is not the person.
    expect(scrubText('Anna Łukasiková and xanna.l@example.com', pattern)).toBe('Anna Łukasiková and xanna.l@example.com');
  });

  it('finds a name inside JSON text, escaped as JSON writes it', () => {
    const quoted = mentionPattern(termsOf(['Jo "JJ" Jones']))!;
    expect(scrubText(JSON.stringify({ speaker: 'Jo "JJ" Jones, CTO' }), quoted)).toBe('{"speaker":"[erased], CTO"}');
  });

  it("prefilters by each term's longest ASCII run (LIKE ignores its letter case), LIKE's wildcards escaped", () => {
    expect(likeFragments(['Anna Łukasik', 'a_b%c@example.com'])).toEqual(['%ukasik%', '%a\\_b\\%c@example.com%']);
    expect(likeFragments(['Ярослава Петренко'])).toBeNull();
  });

  it('does not look for names shorter than three characters', () => {
    expect(termsOf(['Al', ' ', null, undefined])).toEqual([]);
    expect(mentionPattern([])).toBeNull();
  });

  it("drops a story's quotes whose speaker was erased, and keeps the text as it was when none was", () => {
    const quotes = JSON.stringify([
      { text: 'Fast.', speaker: '[erased], COO' },
      { text: 'Clear.', speaker: 'Someone Else' },
    ]);
    expect(JSON.parse(dropErasedQuotes(quotes))).toEqual([{ text: 'Clear.', speaker: 'Someone Else' }]);
    const untouched = '[ {"text": "x", "speaker": "y"} ]';
    expect(dropErasedQuotes(untouched)).toBe(untouched);
    expect(dropErasedQuotes('not json')).toBe('not json');
  });
});

import {
  SearchQueryError,
  customerNumberSequence,
  customerSearchText,
  foldSearchText,
  planSearch,
  textHasTerm,
} from '../../../src/plugins/crm/server/src/domain';

describe('foldSearchText', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['ZOË', 'zoe'],
    ['Zoe\u0308', 'zoe'],
    ['Ångström', 'angstrom'],
    ['François Müller', 'francois muller'],
    ['Straße', 'strasse'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Æsir Œuvre', 'aesir oeuvre'],
    ['ﬁnn', 'finn'],
    ['O’Brien', "o'brien"],
    ['  Ada \t\n Lovelace  ', 'ada lovelace'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('folds %p to %p', (input, expected) => {
    expect(foldSearchText(input)).toBe(expected);
  });

  it('folds nothing to an empty string', () => {
    expect(foldSearchText(null)).toBe('');
    expect(foldSearchText(undefined)).toBe('');
    expect(foldSearchText(42)).toBe('');
  });
});

describe('customerSearchText', () => {
  it('holds names, business name, number, emails and phone digits, each word after a space', () => {
    const text = customerSearchText({
      customerNumber: 'C-000042',
      firstName: 'Zoë',
      middleName: null,
      lastName: 'Lovelace',
      businessName: 'Analytical Engines',
      emails: ['zoe@analytical.example', null],
      phones: ['+14155552671'],
    });
    expect(text).toBe(
      ' zoe lovelace analytical engines c-000042 zoe@analytical.example 14155552671 '
    );
  });

  it('keeps each word once and is a single space when there is nothing', () => {
    expect(customerSearchText({ firstName: 'Ann', lastName: 'ann', emails: [] })).toBe(' ann ');
    expect(customerSearchText({})).toBe(' ');
  });
});

describe('customerNumberSequence', () => {
  it('reads the number of a customer number', () => {
    expect(customerNumberSequence('C-000042')).toBe(42);
    expect(customerNumberSequence('C-1000001')).toBe(1000001);
    expect(customerNumberSequence('nope')).toBeNull();
    expect(customerNumberSequence(null)).toBeNull();
  });
});

describe('planSearch', () => {
  it('refuses queries shorter than two characters', () => {
    expect(() => planSearch('a')).toThrow(SearchQueryError);
    expect(() => planSearch('  é ')).toThrow('at least 2 characters');
    expect(() => planSearch('a b')).toThrow('a word of at least 2 characters');
  });

  it('matches words of three characters anywhere and shorter ones at a word start', () => {
    const plan = planSearch('Zoë LO');
    expect(plan.words).toEqual([
      { text: 'zoe', wordStart: false },
      { text: 'lo', wordStart: true },
    ]);
    expect(plan.prefixWords).toEqual([
      { text: 'zoe', wordStart: true },
      { text: 'lo', wordStart: true },
    ]);
    expect(plan.digits).toBeNull();
  });

  it('reads phone-like queries as digits too', () => {
    const plan = planSearch('(415) 555-2671');
    expect(plan.digits).toEqual({ text: '4155552671', wordStart: false });
    expect(plan.prefixDigits).toEqual({ text: '4155552671', wordStart: true });
    expect(planSearch('C-000042').digits).toBeNull();
    // A lone run of digits is already a word: no second, identical test.
    expect(planSearch('5552671')).toMatchObject({
      words: [{ text: '5552671', wordStart: false }],
      digits: null,
      prefixDigits: null,
    });
    expect(planSearch('42').digits).toBeNull();
  });

  it('knows an exact customer number or email', () => {
    expect(planSearch('c-42').exactNumber).toBe('C-000042');
    expect(planSearch('Ada@Example.COM').exactEmail).toBe('ada@example.com');
    expect(planSearch('ada lovelace')).toMatchObject({ exactNumber: null, exactEmail: null });
  });

  it('drops punctuation around words and keeps at most five words', () => {
    expect(planSearch('lovelace, ada').words.map((word) => word.text)).toEqual(['lovelace', 'ada']);
    expect(planSearch('aa bb cc dd ee ff gg').words).toHaveLength(5);
  });

  it('finds what the text holds', () => {
    const text = customerSearchText({
      firstName: 'Zoë',
      lastName: 'Lovelace',
      phones: ['+14155552671'],
    });
    const plan = planSearch('ZOE lov');
    expect(plan.words.every((term) => textHasTerm(text, term))).toBe(true);
    expect(plan.prefixWords.every((term) => textHasTerm(text, term))).toBe(true);
    expect(textHasTerm(text, planSearch('ove').words[0])).toBe(true);
    expect(textHasTerm(text, planSearch('ove').prefixWords[0])).toBe(false);
    expect(textHasTerm(text, planSearch('ov').words[0])).toBe(false);
    expect(textHasTerm(text, planSearch('555 2671').digits!)).toBe(true);
  });
});

import {
  areGivenNameVariants,
  canonicalGivenNames,
} from '../../../../src/plugins/crm/server/src/domain/duplicates';
import { areGenderedForms } from '../../../../src/plugins/crm/server/src/domain/duplicates/given-names';
import { GIVEN_NAME_GROUPS } from '../../../../src/plugins/crm/server/src/domain/duplicates/nicknames';

describe('the given-name list', () => {
  const groups = GIVEN_NAME_GROUPS.map((line) => line.split(' '));

  it('holds several hundred groups of lower-case ASCII names', () => {
    expect(groups.length).toBeGreaterThanOrEqual(300);
    for (const names of groups) {
      expect(names.length).toBeGreaterThanOrEqual(2);
      for (const name of names) expect(name).toMatch(/^[a-z]+$/);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('names each group once by its canonical form', () => {
    const canonical = groups.map(([first]) => first);
    expect(new Set(canonical).size).toBe(canonical.length);
  });

  it('keeps translations apart (Jean is not John)', () => {
    expect(areGivenNameVariants('Jean', 'John')).toBe(false);
    expect(areGivenNameVariants('Giovanni', 'John')).toBe(false);
    expect(areGivenNameVariants('Juan', 'John')).toBe(false);
  });
});

describe('areGivenNameVariants', () => {
  it.each([
    ['Bob', 'Robert'],
    ['Bobby', 'Rob'],
    ['Bill', 'William'],
    ['Liam', 'William'],
    ['Liz', 'Elizabeth'],
    ['Betty', 'Elisabeth'],
    ['Peggy', 'Margaret'],
    ['Jim', 'James'],
    ['Dick', 'Richard'],
    ['Kate', 'Katherine'],
    ['Cathy', 'Catherine'],
    ['Kathryn', 'Catherine'],
    ['Jack', 'John'],
    ['Ted', 'Edward'],
    ['Ted', 'Theodore'],
    ['Polly', 'Mary'],
    ['Sally', 'Sarah'],
    ['Chuck', 'Charles'],
    ['Steve', 'Stephen'],
    ['Steven', 'Stephen'],
    ['Sasha', 'Alexander'],
    ['Sasha', 'Alexandra'],
    ['Pepe', 'José'],
    ['Paco', 'Francisco'],
    ['Beppe', 'Giuseppe'],
    ['Hans', 'Johannes'],
    ['Sepp', 'Josef'],
    ['Gretchen', 'Margarete'],
    ['Misha', 'Mikhail'],
    ['Kasia', 'Katarzyna'],
    ['Mohammed', 'Muhammad'],
    ['BOB', 'robert'],
  ])('%p and %p are one name', (a, b) => {
    expect(areGivenNameVariants(a, b)).toBe(true);
    expect(areGivenNameVariants(b, a)).toBe(true);
  });

  it.each([
    ['Robert', 'Richard'],
    ['Alexander', 'Alexandra'],
    ['Christopher', 'Christine'],
    ['Anna', 'Hanna'],
    ['Mary', 'Margaret'],
    ['Bob', 'Bill'],
    ['Maria', 'Jose'],
    ['', 'Robert'],
  ])('%p and %p are two names', (a, b) => {
    expect(areGivenNameVariants(a, b)).toBe(false);
  });

  it('finds a name equal to itself once folded, listed or not', () => {
    expect(areGivenNameVariants('Zoë', 'ZOE')).toBe(true);
    expect(areGivenNameVariants('Oluwaseun', 'oluwaseun')).toBe(true);
  });
});

describe('canonicalGivenNames', () => {
  it('gives the canonical forms a name stands for', () => {
    expect(canonicalGivenNames('Bob')).toEqual(['robert']);
    expect(canonicalGivenNames('Robert')).toEqual(['robert']);
    expect(canonicalGivenNames('Chris')).toEqual(
      expect.arrayContaining(['christopher', 'christian', 'christine', 'christina'])
    );
    expect(canonicalGivenNames('Oluwaseun')).toEqual([]);
  });
});

describe('areGenderedForms', () => {
  it.each([
    ['mario', 'maria'],
    ['daniel', 'daniela'],
    ['louis', 'louise'],
    ['jean', 'jeanne'],
    ['paul', 'pauline'],
    ['julius', 'julia'],
    ['francis', 'frances'],
    ['gabriel', 'gabrielle'],
    ['simon', 'simone'],
  ])('%p and %p are the male and female forms of one name', (male, female) => {
    expect(areGenderedForms(male, female)).toBe(true);
    expect(areGenderedForms(female, male)).toBe(true);
  });

  it.each([
    ['john', 'johnny'],
    ['karen', 'karin'],
    ['maria', 'marta'],
    ['li', 'lia'],
  ])('%p and %p are not (or too short to tell)', (a, b) => {
    expect(areGenderedForms(a, b)).toBe(false);
  });
});

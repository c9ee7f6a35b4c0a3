import { businessNameKey } from '../../../../src/plugins/crm/server/src/domain/duplicates';
import {
  acronymOf,
  compareBusinessNames,
  prepareBusinessName,
} from '../../../../src/plugins/crm/server/src/domain/duplicates/business-names';
import { companyKey } from '../../../../src/plugins/crm/server/src/domain/import/company-match';

const agreement = (a: string, b: string) =>
  compareBusinessNames(prepareBusinessName(a), prepareBusinessName(b));

describe('businessNameKey', () => {
  it('builds on companyKey: case, accents, punctuation, "&" and legal suffixes', () => {
    expect(businessNameKey('ACME, Inc.')).toBe(companyKey('ACME, Inc.'));
    expect(businessNameKey('Café Müller GmbH')).toBe('cafe muller');
    expect(businessNameKey('Smith & Sons Co. Ltd')).toBe('smith and sons');
  });

  it.each([
    ['Telefónica S.A.', 'telefonica'],
    ['Caffè Vergnano S.p.A.', 'caffe vergnano'],
    ['Boulangerie Duval S.A.R.L.', 'boulangerie duval'],
    ['Van Leeuwen B.V.', 'van leeuwen'],
    ['Müller Logistik GmbH & Co. KG', 'muller logistik'],
    ['The Coca-Cola Company', 'coca cola'],
    ['Smith & Co.', 'smith'],
    ['Construtora São Paulo Ltda', 'construtora sao paulo'],
    ["Joe's Pizza", 'joes pizza'],
    ["McDonald's Corporation", 'mcdonalds'],
    ['Nokia Oyj', 'nokia'],
    ['Grupo Bimbo S.A. de C.V.', 'grupo bimbo'],
    ['Krakowskie Meble Sp. z o.o.', 'krakowskie meble'],
  ])('normalises %p to %p', (name, key) => {
    expect(businessNameKey(name)).toBe(key);
  });

  it('keeps a name that is only a legal form or an article', () => {
    expect(businessNameKey('The')).toBe('the');
    expect(businessNameKey('Limited')).toBe('limited');
    expect(businessNameKey(null)).toBe('');
  });

  it('keeps "and" inside a name', () => {
    expect(businessNameKey('Johnson & Johnson')).toBe('johnson and johnson');
  });
});

describe('acronymOf', () => {
  it('gives the initials of names of two words or more', () => {
    expect(acronymOf('international business machines')).toBe('ibm');
    expect(acronymOf('bank of america')).toBe('ba');
    expect(acronymOf('procter and gamble')).toBe('pg');
    expect(acronymOf('acme')).toBeNull();
  });
});

describe('compareBusinessNames', () => {
  it.each([
    ['ACME, Inc.', 'Acme Incorporated', 'exact'],
    ['Micro Soft', 'Microsoft', 'exact'],
    ['IBM', 'International Business Machines Corp.', 'acronym'],
    ['P&G', 'Procter & Gamble', 'acronym'],
    ['Globex Corporation', 'Globx Corp', 'similar'],
    ['Precision Tools', 'Precision Tool', 'similar'],
    ['Consolidated Freightways', 'Consolidated Frieghtways', 'similar'],
    ['Acme', 'Acme Tools', 'close'],
    ['Acme Tools', 'Acme Foods', 'conflict'],
    ['Johnson & Johnson', 'Johnson Controls', 'different'],
    ['Siemens Healthineers', 'Siemens Energy', 'different'],
    ['Apple', 'Pear', 'conflict'],
    ['', 'Pear', 'unknown'],
  ])('%p and %p: %p', (a, b, expected) => {
    expect(agreement(a, b)).toBe(expected);
  });
});

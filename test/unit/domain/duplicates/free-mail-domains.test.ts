import { isFreeMailDomain } from '../../../../src/plugins/crm/server/src/domain/duplicates';
import {
  businessDomainOf,
  mailboxOf,
} from '../../../../src/plugins/crm/server/src/domain/duplicates/email-identity';

describe('isFreeMailDomain', () => {
  it.each([
    'gmail.com',
    'googlemail.com',
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.fr',
    'outlook.com',
    'outlook.de',
    'hotmail.com',
    'hotmail.co.uk',
    'live.fr',
    'icloud.com',
    'gmx.de',
    'gmx.net',
    'gmx.at',
    'web.de',
    't-online.de',
    'orange.fr',
    'free.fr',
    'libero.it',
    'comcast.net',
    'mail.ru',
    'qq.com',
  ])('%p is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each([
    'acme.com',
    'acme.co.uk',
    'siemens.de',
    'outlook.acme-consulting.com',
    'yahooligans-fanclub.com',
    'gmail.acme.com',
  ])('%p is a business domain', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});

describe('mailboxOf', () => {
  it('lower-cases and drops a +tag', () => {
    expect(mailboxOf(' Jane.Doe+CRM@Acme.COM ')).toBe('jane.doe@acme.com');
  });

  it('ignores dots at Gmail and treats googlemail.com as gmail.com', () => {
    expect(mailboxOf('Jane.Doe@gmail.com')).toBe('janedoe@gmail.com');
    expect(mailboxOf('jane.doe+news@googlemail.com')).toBe('janedoe@gmail.com');
  });

  it('keeps dots elsewhere', () => {
    expect(mailboxOf('jane.doe@outlook.com')).toBe('jane.doe@outlook.com');
  });

  it('is null for what is not an address', () => {
    expect(mailboxOf('not an address')).toBeNull();
    expect(mailboxOf('@acme.com')).toBeNull();
    expect(mailboxOf('jane@')).toBeNull();
  });
});

describe('businessDomainOf', () => {
  it('gives the domain of business addresses only', () => {
    expect(businessDomainOf('jane@acme.com')).toBe('acme.com');
    expect(businessDomainOf('jane@gmail.com')).toBeNull();
    expect(businessDomainOf('jane@yahoo.co.jp')).toBeNull();
  });
});

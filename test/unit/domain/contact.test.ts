import {
  canonicalLanguageTag,
  canonicalTimeZone,
  customerFromContact,
  validateComment,
  validateContact,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

const options = { defaultCountry: 'US', hasUser: false, today: new Date('2026-06-01T00:00:00Z') };
const minimal = { firstName: ' Ada ', lastName: 'Lovelace' };

describe('validateContact', () => {
  it('applies the defaults to a minimal contact', () => {
    expect(validateContact(minimal, options)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      contactPreference: 'any',
      active: true,
      isUser: false,
      doNotEmail: false,
      doNotCall: false,
      email: null,
      timezone: null,
    });
  });

  it('requires first and last name', () => {
    expect(issuesOf(() => validateContact({ lastName: 'X' }, options))[0]).toMatchObject({
      path: ['firstName'],
      rule: 'contact.required',
    });
    expect(issuesOf(() => validateContact({ firstName: 'X' }, options))[0]).toMatchObject({
      path: ['lastName'],
      rule: 'contact.required',
    });
  });

  it('reads national numbers in the configured default country', () => {
    const contact = validateContact(
      { ...minimal, workPhone: '020 7946 0958' },
      { ...options, defaultCountry: 'GB' }
    );
    expect(contact.workPhone).toBe('+442079460958');
  });

  it('normalises phones and emails, naming the field of a bad one', () => {
    const contact = validateContact(
      { ...minimal, mobilePhone: '(415) 555-2671', email2: ' A@Example.COM ' },
      options
    );
    expect(contact).toMatchObject({ mobilePhone: '+14155552671', email2: 'a@example.com' });
    expect(
      issuesOf(() => validateContact({ ...minimal, workPhone: '12' }, options))[0]
    ).toMatchObject({ path: ['workPhone'], rule: 'phone.invalid' });
    expect(issuesOf(() => validateContact({ ...minimal, email: 'x@' }, options))[0]).toMatchObject({
      path: ['email'],
      rule: 'email.invalid',
    });
  });

  it('accepts IANA zones and BCP 47 tags, in canonical form', () => {
    expect(
      validateContact({ ...minimal, timezone: 'America/New_York', language: 'zh-hant-tw' }, options)
    ).toMatchObject({
      timezone: 'America/New_York',
      language: 'zh-Hant-TW',
    });
    expect(
      issuesOf(() => validateContact({ ...minimal, timezone: 'Nowhere/City' }, options))[0].rule
    ).toBe('contact.timezone');
    expect(
      issuesOf(() => validateContact({ ...minimal, language: 'english please' }, options))[0].rule
    ).toBe('contact.language');
  });

  it('needs a user exactly when isUser is set', () => {
    expect(issuesOf(() => validateContact({ ...minimal, isUser: true }, options))[0]).toMatchObject(
      { path: ['user'], rule: 'contact.user' }
    );
    expect(
      issuesOf(() => validateContact(minimal, { ...options, hasUser: true }))[0]
    ).toMatchObject({ path: ['isUser'], rule: 'contact.user' });
    expect(
      validateContact({ ...minimal, isUser: true }, { ...options, hasUser: true }).isUser
    ).toBe(true);
  });

  it('refuses a birthday in the future, an unknown preference and long notes', () => {
    expect(
      issuesOf(() => validateContact({ ...minimal, birthday: '2026-06-02' }, options))[0].rule
    ).toBe('contact.birthday.future');
    expect(
      issuesOf(() => validateContact({ ...minimal, contactPreference: 'fax' }, options))[0].rule
    ).toBe('field.enum');
    expect(
      issuesOf(() => validateContact({ ...minimal, notes: 'x'.repeat(5001) }, options))[0].rule
    ).toBe('field.maxLength');
  });

  it('keeps active false when given', () => {
    expect(validateContact({ ...minimal, active: false }, options).active).toBe(false);
  });
});

describe('zone and language helpers', () => {
  it('spells zones canonically and refuses offsets', () => {
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('+02:00')).toBeNull();
  });
  it('canonicalises language tags', () => {
    expect(canonicalLanguageTag('EN-us')).toBe('en-US');
    expect(canonicalLanguageTag('')).toBeNull();
  });
});

describe('customerFromContact', () => {
  it('carries names, birthday, phones, emails and wishes over to an individual', () => {
    const contact = validateContact(
      {
        ...minimal,
        middleName: 'King',
        birthday: '1815-12-10',
        mobilePhone: '(415) 555-2671',
        mobilePhone2: '(415) 555-2672',
        workPhone: '(617) 555-0101',
        email: 'ada@home.example',
        email2: 'ada@work.example',
        doNotEmail: true,
        contactPreference: 'mobilePhone',
      },
      options
    );
    expect(customerFromContact(contact)).toEqual({
      type: 'individual',
      firstName: 'Ada',
      middleName: 'King',
      lastName: 'Lovelace',
      dateOfBirth: '1815-12-10',
      noEmail: true,
      noPhoneCalls: false,
      preferredContact: 'phone',
      phones: [
        { type: 'cell', number: '+14155552671' },
        { type: 'home', number: '+14155552672' },
        { type: 'work', number: '+16175550101' },
      ],
      emails: [
        { type: 'personal', address: 'ada@home.example' },
        { type: 'work', address: 'ada@work.example' },
      ],
    });
  });

  it('leaves out what the contact does not have', () => {
    const result = customerFromContact(
      validateContact({ ...minimal, email2: 'only@work.example' }, options)
    );
    expect(result.phones).toEqual([]);
    expect(result.emails).toEqual([{ type: 'work', address: 'only@work.example' }]);
    expect(result.preferredContact).toBeNull();
  });
});

describe('validateComment', () => {
  it('trims and accepts up to 5,000 characters', () => {
    expect(validateComment('  Called back  ')).toBe('Called back');
    expect(validateComment('x'.repeat(5000))).toHaveLength(5000);
  });
  it('refuses empty, too long and non-text bodies', () => {
    expect(issuesOf(() => validateComment('   '))[0].rule).toBe('comment.required');
    expect(issuesOf(() => validateComment('x'.repeat(5001)))[0].rule).toBe('field.maxLength');
    expect(issuesOf(() => validateComment(42))[0].rule).toBe('field.type');
  });
});

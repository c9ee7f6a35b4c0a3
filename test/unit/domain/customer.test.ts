import {
  BUSINESS_NAME_MAX_LENGTH,
  CUSTOMER_FIELD_NAMES,
  CUSTOMER_NUMBER_PREFIX,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  DomainValidationError,
  GENDERS,
  MARITAL_STATUSES,
  NAME_MAX_LENGTH,
  PREFERRED_CONTACTS,
  customerDisplayName,
  formatCustomerNumber,
  parseCustomerNumber,
  validateCustomer,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

const today = new Date('2024-06-15T12:00:00Z');
const jane = { firstName: 'Jane', lastName: 'Doe' };

describe('customer constants', () => {
  it('lists the enums in the agreed order', () => {
    expect(CUSTOMER_TYPES).toEqual(['individual', 'business']);
    expect(GENDERS).toEqual(['female', 'male', 'non_binary', 'undisclosed']);
    expect(MARITAL_STATUSES).toEqual([
      'single',
      'married',
      'domestic_partnership',
      'separated',
      'divorced',
      'widowed',
    ]);
    expect(PREFERRED_CONTACTS).toEqual(['email', 'mail', 'phone', 'text']);
    expect(CUSTOMER_STATUSES).toEqual(['active', 'inactive']);
    expect(NAME_MAX_LENGTH).toBe(100);
    expect(BUSINESS_NAME_MAX_LENGTH).toBe(200);
  });

  it('names exactly the fields validateCustomer returns', () => {
    const result = validateCustomer(jane, { today });
    expect([...CUSTOMER_FIELD_NAMES].sort()).toEqual(Object.keys(result).sort());
  });
});

describe('validateCustomer', () => {
  describe('normalisation', () => {
    it('applies every default for a minimal individual', () => {
      expect(validateCustomer(jane, { today })).toEqual({
        type: 'individual',
        firstName: 'Jane',
        middleName: null,
        lastName: 'Doe',
        businessName: null,
        gender: null,
        dateOfBirth: null,
        maritalStatus: null,
        noEmail: false,
        noMail: false,
        noPhoneCalls: false,
        preferredContact: null,
        status: 'active',
        externalId: null,
      });
    });

    it('keeps every valid value given', () => {
      const input = {
        type: 'individual',
        firstName: 'Jane',
        middleName: 'Q',
        lastName: 'Doe',
        businessName: 'Acme',
        gender: 'non_binary',
        dateOfBirth: '1990-02-28',
        maritalStatus: 'domestic_partnership',
        noEmail: true,
        noMail: true,
        noPhoneCalls: true,
        preferredContact: 'text',
        status: 'inactive',
        externalId: '0015g00000XyZab',
      };
      expect(validateCustomer(input, { today })).toEqual(input);
    });

    it("trims strings and turns '' and blank into null", () => {
      const result = validateCustomer(
        {
          firstName: '  Jane ',
          middleName: '   ',
          lastName: '\tDoe\n',
          businessName: '',
          gender: '',
          preferredContact: ' ',
        },
        { today }
      );
      expect(result.firstName).toBe('Jane');
      expect(result.middleName).toBeNull();
      expect(result.lastName).toBe('Doe');
      expect(result.businessName).toBeNull();
      expect(result.gender).toBeNull();
      expect(result.preferredContact).toBeNull();
    });

    it('treats null like a missing value and applies the defaults', () => {
      const result = validateCustomer(
        {
          ...jane,
          type: null,
          status: null,
          noEmail: null,
          noMail: undefined,
          gender: null,
          dateOfBirth: null,
        },
        { today }
      );
      expect(result.type).toBe('individual');
      expect(result.status).toBe('active');
      expect(result.noEmail).toBe(false);
      expect(result.noMail).toBe(false);
      expect(result.gender).toBeNull();
      expect(result.dateOfBirth).toBeNull();
    });

    it('trims enum values', () => {
      expect(
        validateCustomer({ ...jane, gender: ' female ', status: 'inactive ' }, { today })
      ).toMatchObject({
        gender: 'female',
        status: 'inactive',
      });
    });

    it('ignores unknown keys', () => {
      const result = validateCustomer(
        { ...jane, id: 7, customerNumber: 'C-000007', createdAt: 'x', phones: [] },
        { today }
      );
      expect(Object.keys(result)).not.toContain('id');
      expect(Object.keys(result)).not.toContain('phones');
    });

    it('does not mutate its input', () => {
      const input = { firstName: ' Jane ', lastName: 'Doe' };
      validateCustomer(input, { today });
      expect(input).toEqual({ firstName: ' Jane ', lastName: 'Doe' });
    });
  });

  describe('required names', () => {
    it('requires firstName and lastName for an individual, reporting both', () => {
      expect(issuesOf(() => validateCustomer({}, { today }))).toEqual([
        {
          path: ['firstName'],
          rule: 'customer.required',
          message: 'an individual customer needs a firstName',
        },
        {
          path: ['lastName'],
          rule: 'customer.required',
          message: 'an individual customer needs a lastName',
        },
      ]);
    });

    it('requires firstName for an individual', () => {
      expect(
        issuesOf(() => validateCustomer({ type: 'individual', lastName: 'Doe' }, { today }))
      ).toEqual([
        {
          path: ['firstName'],
          rule: 'customer.required',
          message: 'an individual customer needs a firstName',
        },
      ]);
    });

    it('requires lastName for an individual', () => {
      expect(
        issuesOf(() => validateCustomer({ firstName: 'Jane', lastName: '  ' }, { today }))
      ).toEqual([
        {
          path: ['lastName'],
          rule: 'customer.required',
          message: 'an individual customer needs a lastName',
        },
      ]);
    });

    it('does not require a businessName for an individual but keeps one given', () => {
      expect(validateCustomer({ ...jane, businessName: 'Acme' }, { today }).businessName).toBe(
        'Acme'
      );
    });

    it('requires businessName for a business', () => {
      expect(
        issuesOf(() =>
          validateCustomer({ type: 'business', firstName: 'Jane', lastName: 'Doe' }, { today })
        )
      ).toEqual([
        {
          path: ['businessName'],
          rule: 'customer.required',
          message: 'a business customer needs a businessName',
        },
      ]);
    });

    it('lets a business have no first or last name', () => {
      const result = validateCustomer({ type: 'business', businessName: 'Acme Ltd' }, { today });
      expect(result).toMatchObject({
        type: 'business',
        businessName: 'Acme Ltd',
        firstName: null,
        lastName: null,
      });
    });

    it('keeps first and last names given for a business', () => {
      const result = validateCustomer(
        { type: 'business', businessName: 'Acme', firstName: 'Jane', lastName: 'Doe' },
        { today }
      );
      expect(result).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
    });

    it('does not add a required issue on top of a wrong-type issue', () => {
      expect(
        issuesOf(() => validateCustomer({ firstName: 42, lastName: 'Doe' }, { today }))
      ).toEqual([
        { path: ['firstName'], rule: 'field.type', message: 'firstName must be a string' },
      ]);
    });

    it('reports no name requirement when the type itself is refused', () => {
      expect(issuesOf(() => validateCustomer({ type: 'robot' }, { today }))).toEqual([
        {
          path: ['type'],
          rule: 'field.enum',
          message: 'type must be one of: individual, business',
        },
      ]);
    });
  });

  describe('enums', () => {
    it.each([
      ['type', 'company', 'type must be one of: individual, business'],
      ['gender', 'other', 'gender must be one of: female, male, non_binary, undisclosed'],
      [
        'maritalStatus',
        'engaged',
        'maritalStatus must be one of: single, married, domestic_partnership, separated, divorced, widowed',
      ],
      ['preferredContact', 'fax', 'preferredContact must be one of: email, mail, phone, text'],
      ['status', 'deleted', 'status must be one of: active, inactive'],
    ])('refuses %s %p', (field, value, message) => {
      const issues = issuesOf(() => validateCustomer({ ...jane, [field]: value }, { today }));
      expect(issues).toContainEqual({ path: [field], rule: 'field.enum', message });
    });

    it('is case-sensitive', () => {
      expect(issuesOf(() => validateCustomer({ ...jane, gender: 'Female' }, { today }))).toEqual([
        {
          path: ['gender'],
          rule: 'field.enum',
          message: 'gender must be one of: female, male, non_binary, undisclosed',
        },
      ]);
    });

    it.each(GENDERS.map((gender) => [gender]))('accepts gender %s', (gender) => {
      expect(validateCustomer({ ...jane, gender }, { today }).gender).toBe(gender);
    });

    it.each(MARITAL_STATUSES.map((status) => [status]))(
      'accepts maritalStatus %s',
      (maritalStatus) => {
        expect(validateCustomer({ ...jane, maritalStatus }, { today }).maritalStatus).toBe(
          maritalStatus
        );
      }
    );

    it.each(PREFERRED_CONTACTS.map((contact) => [contact]))(
      'accepts preferredContact %s',
      (preferredContact) => {
        expect(validateCustomer({ ...jane, preferredContact }, { today }).preferredContact).toBe(
          preferredContact
        );
      }
    );
  });

  describe('wrong JavaScript types', () => {
    it.each(['firstName', 'middleName', 'lastName', 'businessName'])(
      'refuses a number for %s',
      (field) => {
        const issues = issuesOf(() =>
          validateCustomer({ ...jane, businessName: 'Acme', [field]: 12 }, { today })
        );
        expect(issues).toEqual([
          { path: [field], rule: 'field.type', message: `${field} must be a string` },
        ]);
      }
    );

    it.each(['noEmail', 'noMail', 'noPhoneCalls'])(
      'refuses a string, a number and an object for %s',
      (field) => {
        for (const value of ['true', 1, {}]) {
          const issues = issuesOf(() => validateCustomer({ ...jane, [field]: value }, { today }));
          expect(issues).toEqual([
            { path: [field], rule: 'field.type', message: `${field} must be true or false` },
          ]);
        }
      }
    );

    it('refuses a non-string enum value as a type error', () => {
      expect(issuesOf(() => validateCustomer({ ...jane, status: true }, { today }))).toEqual([
        { path: ['status'], rule: 'field.type', message: 'status must be a string' },
      ]);
    });

    it.each([19900101, true, {}, []])('refuses %p for dateOfBirth', (value) => {
      expect(issuesOf(() => validateCustomer({ ...jane, dateOfBirth: value }, { today }))).toEqual([
        {
          path: ['dateOfBirth'],
          rule: 'field.type',
          message: 'dateOfBirth must be a date string in YYYY-MM-DD form',
        },
      ]);
    });

    it.each([null, undefined, 'customer', 42, [], new Date()])(
      'refuses %p as the whole input',
      (input) => {
        expect(
          issuesOf(() => validateCustomer(input as unknown as Record<string, unknown>, { today }))
        ).toEqual([{ path: [], rule: 'field.type', message: 'customer must be an object' }]);
      }
    );
  });

  describe('lengths', () => {
    it.each(['firstName', 'middleName', 'lastName'])(
      'allows %s up to 100 characters and refuses 101',
      (field) => {
        expect(() =>
          validateCustomer({ ...jane, [field]: 'a'.repeat(100) }, { today })
        ).not.toThrow();
        expect(
          issuesOf(() => validateCustomer({ ...jane, [field]: 'a'.repeat(101) }, { today }))
        ).toEqual([
          {
            path: [field],
            rule: 'field.maxLength',
            message: `${field} must be at most 100 characters`,
          },
        ]);
      }
    );

    it('allows businessName up to 200 characters and refuses 201', () => {
      expect(() =>
        validateCustomer({ type: 'business', businessName: 'b'.repeat(200) }, { today })
      ).not.toThrow();
      expect(
        issuesOf(() =>
          validateCustomer({ type: 'business', businessName: 'b'.repeat(201) }, { today })
        )
      ).toEqual([
        {
          path: ['businessName'],
          rule: 'field.maxLength',
          message: 'businessName must be at most 200 characters',
        },
      ]);
    });

    it('measures length after trimming', () => {
      expect(
        validateCustomer({ ...jane, firstName: `  ${'a'.repeat(100)}  ` }, { today }).firstName
      ).toHaveLength(100);
    });

    it('counts characters, not UTF-16 units', () => {
      expect(() =>
        validateCustomer({ ...jane, firstName: '😀'.repeat(100) }, { today })
      ).not.toThrow();
    });
  });

  describe('dateOfBirth', () => {
    it('accepts YYYY-MM-DD', () => {
      expect(validateCustomer({ ...jane, dateOfBirth: '1985-12-31' }, { today }).dateOfBirth).toBe(
        '1985-12-31'
      );
    });

    it('keeps the written calendar date of an ISO timestamp', () => {
      expect(
        validateCustomer({ ...jane, dateOfBirth: '1985-12-31T00:00:00.000Z' }, { today })
          .dateOfBirth
      ).toBe('1985-12-31');
      expect(
        validateCustomer({ ...jane, dateOfBirth: '1985-12-31T23:30:00-05:00' }, { today })
          .dateOfBirth
      ).toBe('1985-12-31');
      expect(
        validateCustomer({ ...jane, dateOfBirth: '1985-12-31T08:15' }, { today }).dateOfBirth
      ).toBe('1985-12-31');
    });

    it('accepts a Date, read in UTC', () => {
      expect(
        validateCustomer({ ...jane, dateOfBirth: new Date(Date.UTC(1985, 11, 31)) }, { today })
          .dateOfBirth
      ).toBe('1985-12-31');
    });

    it('accepts 29 February in a leap year only', () => {
      expect(validateCustomer({ ...jane, dateOfBirth: '2000-02-29' }, { today }).dateOfBirth).toBe(
        '2000-02-29'
      );
      expect(
        issuesOf(() => validateCustomer({ ...jane, dateOfBirth: '1900-02-29' }, { today }))[0]!.rule
      ).toBe('customer.dateOfBirth.invalid');
    });

    it.each([
      '2023-02-30',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '0000-01-01',
      '2023-1-5',
      '05/01/1990',
      'yesterday',
      '1990-01-01T25:00:00Z',
      '1990-01-01Z',
    ])('refuses %p as not a real date', (value) => {
      expect(issuesOf(() => validateCustomer({ ...jane, dateOfBirth: value }, { today }))).toEqual([
        {
          path: ['dateOfBirth'],
          rule: 'customer.dateOfBirth.invalid',
          message: 'dateOfBirth must be a real date in YYYY-MM-DD form',
        },
      ]);
    });

    it('refuses an invalid Date', () => {
      expect(
        issuesOf(() => validateCustomer({ ...jane, dateOfBirth: new Date('nope') }, { today }))[0]!
          .rule
      ).toBe('customer.dateOfBirth.invalid');
    });

    it('accepts today and refuses tomorrow', () => {
      expect(validateCustomer({ ...jane, dateOfBirth: '2024-06-15' }, { today }).dateOfBirth).toBe(
        '2024-06-15'
      );
      expect(
        issuesOf(() => validateCustomer({ ...jane, dateOfBirth: '2024-06-16' }, { today }))
      ).toEqual([
        {
          path: ['dateOfBirth'],
          rule: 'customer.dateOfBirth.future',
          message: 'dateOfBirth cannot be in the future',
        },
      ]);
    });

    it('refuses a future Date object and a future timestamp', () => {
      expect(
        issuesOf(() =>
          validateCustomer({ ...jane, dateOfBirth: new Date('2030-01-01T00:00:00Z') }, { today })
        )[0]!.rule
      ).toBe('customer.dateOfBirth.future');
      expect(
        issuesOf(() =>
          validateCustomer({ ...jane, dateOfBirth: '2024-06-16T00:00:00Z' }, { today })
        )[0]!.rule
      ).toBe('customer.dateOfBirth.future');
    });

    it('uses the real clock when no today is given', () => {
      expect(
        issuesOf(() => validateCustomer({ ...jane, dateOfBirth: '9999-12-31' }))[0]!.rule
      ).toBe('customer.dateOfBirth.future');
      expect(validateCustomer({ ...jane, dateOfBirth: '1970-01-01' }).dateOfBirth).toBe(
        '1970-01-01'
      );
    });
  });

  it('collects every issue into one error', () => {
    let caught: unknown;
    try {
      validateCustomer(
        {
          type: 'individual',
          firstName: 5,
          gender: 'x',
          noMail: 'no',
          dateOfBirth: '2099-01-01',
          middleName: 'm'.repeat(101),
        },
        { today }
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainValidationError);
    const error = caught as DomainValidationError;
    expect(error.issues.map((issue) => issue.rule).sort()).toEqual(
      [
        'customer.dateOfBirth.future',
        'customer.required',
        'field.enum',
        'field.maxLength',
        'field.type',
        'field.type',
      ].sort()
    );
    expect(error.message).toBe(error.issues.map((issue) => issue.message).join('; '));
  });
});

describe('customer numbers', () => {
  it('has the C- prefix', () => {
    expect(CUSTOMER_NUMBER_PREFIX).toBe('C-');
  });

  it.each([
    [1, 'C-000001'],
    [42, 'C-000042'],
    [999999, 'C-999999'],
    [1000000, 'C-1000000'],
    [1234567, 'C-1234567'],
  ])('formats %d as %s', (sequence, text) => {
    expect(formatCustomerNumber(sequence)).toBe(text);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses sequence %p with a RangeError',
    (sequence) => {
      expect(() => formatCustomerNumber(sequence)).toThrow(RangeError);
    }
  );

  it.each([
    ['C-000042', 42],
    ['c-42', 42],
    ['C-1234567', 1234567],
    [' C-000001 ', 1],
  ])('parses %p as %d', (text, sequence) => {
    expect(parseCustomerNumber(text)).toBe(sequence);
  });

  it.each([
    '',
    '42',
    'C-',
    'C-0',
    'C-000000',
    'C-12a',
    'D-42',
    'C--42',
    'C-4 2',
    'C-1.5',
    'C-9999999999999999',
  ])('parses %p as null', (text) => {
    expect(parseCustomerNumber(text)).toBeNull();
  });

  it('round-trips', () => {
    for (const sequence of [1, 42, 123456, 7654321]) {
      expect(parseCustomerNumber(formatCustomerNumber(sequence))).toBe(sequence);
    }
  });
});

describe('customerDisplayName', () => {
  it('shows an individual by first and last name', () => {
    expect(
      customerDisplayName({
        type: 'individual',
        firstName: 'Jane',
        lastName: 'Doe',
        businessName: 'Acme',
      })
    ).toBe('Jane Doe');
  });

  it('treats a missing type as individual', () => {
    expect(customerDisplayName({ firstName: 'Jane', lastName: 'Doe' })).toBe('Jane Doe');
    expect(customerDisplayName({ type: null, firstName: 'Jane', lastName: 'Doe' })).toBe(
      'Jane Doe'
    );
  });

  it('shows a business by its businessName', () => {
    expect(
      customerDisplayName({
        type: 'business',
        firstName: 'Jane',
        lastName: 'Doe',
        businessName: 'Acme Ltd',
      })
    ).toBe('Acme Ltd');
  });

  it('uses whichever name part exists', () => {
    expect(customerDisplayName({ firstName: 'Jane', lastName: null })).toBe('Jane');
    expect(customerDisplayName({ firstName: '  ', lastName: ' Doe ' })).toBe('Doe');
  });

  it('falls back between the person and business names', () => {
    expect(
      customerDisplayName({
        type: 'business',
        firstName: 'Jane',
        lastName: 'Doe',
        businessName: ' ',
      })
    ).toBe('Jane Doe');
    expect(customerDisplayName({ type: 'individual', businessName: 'Acme' })).toBe('Acme');
  });

  it('is empty when there is no name at all', () => {
    expect(customerDisplayName({})).toBe('');
    expect(customerDisplayName({ type: 'business' })).toBe('');
  });
});

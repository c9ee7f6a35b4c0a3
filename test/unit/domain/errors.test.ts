import {
  DomainValidationError,
  RuleIssue,
  assertNoIssues,
} from '../../../src/plugins/crm/server/src/domain';

const firstNameIssue: RuleIssue = {
  path: ['firstName'],
  message: 'an individual customer needs a firstName',
  rule: 'customer.required',
};
const lastNameIssue: RuleIssue = {
  path: ['lastName'],
  message: 'an individual customer needs a lastName',
  rule: 'customer.required',
};

describe('DomainValidationError', () => {
  it('joins the messages of several issues', () => {
    const error = new DomainValidationError([firstNameIssue, lastNameIssue]);
    expect(error.message).toBe(
      'an individual customer needs a firstName; an individual customer needs a lastName'
    );
    expect(error.issues).toEqual([firstNameIssue, lastNameIssue]);
  });

  it('accepts a single issue', () => {
    const error = new DomainValidationError(firstNameIssue);
    expect(error.message).toBe('an individual customer needs a firstName');
    expect(error.issues).toEqual([firstNameIssue]);
  });

  it('is an Error and a DomainValidationError with its own name', () => {
    const error = new DomainValidationError(firstNameIssue);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.name).toBe('DomainValidationError');
  });

  it('is not changed by later mutation of the issues passed in', () => {
    const issues: RuleIssue[] = [{ ...firstNameIssue, path: ['firstName'] }];
    const error = new DomainValidationError(issues);
    issues.push(lastNameIssue);
    issues[0]!.path.push('extra');
    expect(error.issues).toEqual([firstNameIssue]);
  });

  describe('withPathPrefix', () => {
    it('prepends the prefix to every path and keeps messages and rules', () => {
      const error = new DomainValidationError([
        { path: ['number'], message: '123 is not a valid phone number', rule: 'phone.invalid' },
        {
          path: ['type'],
          message: 'type must be one of: home, cell, fax, work',
          rule: 'field.enum',
        },
      ]);
      const nested = error.withPathPrefix(['phones', 1]);
      expect(nested).toBeInstanceOf(DomainValidationError);
      expect(nested.issues).toEqual([
        {
          path: ['phones', 1, 'number'],
          message: '123 is not a valid phone number',
          rule: 'phone.invalid',
        },
        {
          path: ['phones', 1, 'type'],
          message: 'type must be one of: home, cell, fax, work',
          rule: 'field.enum',
        },
      ]);
      expect(nested.message).toBe(error.message);
    });

    it('leaves the original error untouched', () => {
      const error = new DomainValidationError(firstNameIssue);
      error.withPathPrefix(['customer']);
      expect(error.issues[0]!.path).toEqual(['firstName']);
    });

    it('works with an empty prefix and an empty path', () => {
      const error = new DomainValidationError({
        path: [],
        message: 'customer must be an object',
        rule: 'field.type',
      });
      expect(error.withPathPrefix([]).issues[0]!.path).toEqual([]);
      expect(error.withPathPrefix(['customer']).issues[0]!.path).toEqual(['customer']);
    });
  });
});

describe('assertNoIssues', () => {
  it('does nothing for no issues', () => {
    expect(() => assertNoIssues([])).not.toThrow();
  });

  it('throws one DomainValidationError carrying all issues', () => {
    let caught: unknown;
    try {
      assertNoIssues([firstNameIssue, lastNameIssue]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainValidationError);
    expect((caught as DomainValidationError).issues).toEqual([firstNameIssue, lastNameIssue]);
  });
});

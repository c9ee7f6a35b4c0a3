import {
  DISPLAY_NAME_MAX_LENGTH,
  contactStoredDisplayName,
  customerStoredDisplayName,
  fitDisplayName,
} from '../../../src/plugins/crm/server/src/domain';

describe('customerStoredDisplayName', () => {
  it('shows a business by its name and number', () => {
    expect(
      customerStoredDisplayName({
        type: 'business',
        businessName: 'Globex Corporation',
        customerNumber: 'C-000001',
      })
    ).toBe('Globex Corporation (C-000001)');
  });

  it('shows a person by first and last name and number', () => {
    expect(
      customerStoredDisplayName({
        type: 'individual',
        firstName: 'Jane',
        lastName: 'Doe',
        customerNumber: 'C-000002',
      })
    ).toBe('Jane Doe (C-000002)');
  });

  it('falls back to the number without a name, to the name without a number, to nothing', () => {
    expect(customerStoredDisplayName({ type: 'individual', customerNumber: 'C-000003' })).toBe(
      'C-000003'
    );
    expect(customerStoredDisplayName({ type: 'business', businessName: 'Acme' })).toBe('Acme');
    expect(customerStoredDisplayName({ customerNumber: '  ' })).toBe('');
  });

  it('uses the same name as lists do (a business without its name by its people)', () => {
    expect(
      customerStoredDisplayName({
        type: 'business',
        firstName: 'Owner',
        lastName: 'Only',
        customerNumber: 'C-000004',
      })
    ).toBe('Owner Only (C-000004)');
  });

  it('fits the stored column, counting characters as the databases do', () => {
    const name = customerStoredDisplayName({
      type: 'individual',
      firstName: '😀'.repeat(150),
      lastName: 'x'.repeat(150),
      customerNumber: 'C-000005',
    });
    expect(Array.from(name)).toHaveLength(DISPLAY_NAME_MAX_LENGTH);
    expect(name.startsWith('😀'.repeat(150))).toBe(true);
  });
});

describe('contactStoredDisplayName', () => {
  it("joins the person and their company's name (without its number)", () => {
    expect(
      contactStoredDisplayName(
        { firstName: 'Jane', lastName: 'Doe' },
        { type: 'business', businessName: 'Globex Corporation', customerNumber: 'C-000001' }
      )
    ).toBe('Jane Doe — Globex Corporation');
  });

  it('is the person alone without a company, or with a company without a name', () => {
    expect(contactStoredDisplayName({ firstName: ' Jane ', lastName: 'Doe' })).toBe('Jane Doe');
    expect(contactStoredDisplayName({ firstName: 'Jane', lastName: 'Doe' }, null)).toBe('Jane Doe');
    expect(
      contactStoredDisplayName({ firstName: 'Jane', lastName: 'Doe' }, { type: 'business' })
    ).toBe('Jane Doe');
  });

  it('names a company-only contact by its company', () => {
    expect(contactStoredDisplayName({}, { type: 'business', businessName: 'Initech' })).toBe(
      'Initech'
    );
  });
});

describe('fitDisplayName', () => {
  it('keeps short names and cuts long ones at the column length', () => {
    expect(fitDisplayName('short')).toBe('short');
    expect(fitDisplayName('y'.repeat(300))).toBe('y'.repeat(DISPLAY_NAME_MAX_LENGTH));
  });
});

import {
  pointDraftOf,
  pointFieldsOf,
} from '../../../src/plugins/crm/admin/src/components/customers/contact-point-draft';
import {
  NONE,
  customerFieldsOf,
  draftOfCustomer,
  toRequest,
} from '../../../src/plugins/crm/admin/src/components/customers/new-customer/draft';
import type { Customer } from '../../../src/plugins/crm/contracts';

// The overview's edit form starts from the stored customer and sends what changed the way an
// update clears fields; the New customer dialog still sends only what was filled in.
const stored: Customer = {
  documentId: 'c1',
  customerNumber: 'C-000001',
  type: 'individual',
  firstName: 'Ada',
  middleName: 'K',
  lastName: 'Lovelace',
  gender: 'female',
  dateOfBirth: '1815-12-10',
  maritalStatus: null,
  ssn: '***-**-1234',
  noEmail: true,
  noMail: false,
  noPhoneCalls: false,
  preferredContact: 'email',
  status: 'active',
  externalId: 'legacy-7',
  phones: [{ documentId: 'p1', type: 'home', isPrimary: true, number: '+14155550100' }],
};

describe('the customer edit draft', () => {
  it('starts from the stored fields, leaving the masked SSN blank', () => {
    const draft = draftOfCustomer(stored);
    expect(draft.type).toBe('individual');
    expect(draft.fields).toMatchObject({
      firstName: 'Ada',
      middleName: 'K',
      lastName: 'Lovelace',
      gender: 'female',
      dateOfBirth: '1815-12-10',
      maritalStatus: '',
      status: 'active',
      externalId: 'legacy-7',
    });
    expect(draft.fields.ssn).toBeUndefined();
    expect(draft.privacy).toEqual({ noEmail: true, noMail: false, noPhoneCalls: false });
    expect(draft.preferredContact).toBe('email');
    expect(draftOfCustomer({ ...stored, preferredContact: null }).preferredContact).toBe(NONE);
  });

  it('sends cleared fields as null on an update, keeps a blank SSN and sends the working data', () => {
    const draft = draftOfCustomer(stored);
    draft.fields.middleName = '  ';
    draft.fields.lastName = ' Byron ';
    draft.fields.externalId = '';
    draft.preferredContact = NONE;
    const data = customerFieldsOf(draft, 'update');
    expect(data).toMatchObject({
      type: 'individual',
      firstName: 'Ada',
      middleName: null,
      lastName: 'Byron',
      maritalStatus: null,
      externalId: null,
      status: 'active',
      preferredContact: null,
      noEmail: true,
    });
    expect(data).not.toHaveProperty('ssn');
    expect(data).not.toHaveProperty('businessName');
  });

  it('leaves blank fields and the working data out of a create', () => {
    const draft = draftOfCustomer(stored);
    draft.fields.middleName = '';
    const { data } = toRequest(draft);
    expect(data).not.toHaveProperty('middleName');
    expect(data).not.toHaveProperty('status');
    expect(data).not.toHaveProperty('externalId');
    expect(data).toMatchObject({ firstName: 'Ada', preferredContact: 'email' });
  });

  it("sends a business's name only", () => {
    const draft = draftOfCustomer({ ...stored, type: 'business', businessName: 'Acme' });
    const data = customerFieldsOf(draft, 'update');
    expect(data).toMatchObject({ type: 'business', businessName: 'Acme' });
    expect(data).not.toHaveProperty('firstName');
    expect(data).not.toHaveProperty('gender');
  });
});

describe('a contact point draft', () => {
  it('starts from a stored point and sends its fields trimmed, cleared ones as null on an update', () => {
    const row = pointDraftOf('address', {
      type: 'work',
      line1: '1 Main St',
      line2: null,
      city: 'Springfield',
    });
    expect(row.type).toBe('work');
    expect(row.fields).toMatchObject({ line1: '1 Main St', line2: '', city: 'Springfield' });
    row.fields.city = ' Shelbyville ';
    expect(pointFieldsOf('address', row)).toEqual({ line1: '1 Main St', city: 'Shelbyville' });
    expect(pointFieldsOf('address', row, 'update')).toEqual({
      line1: '1 Main St',
      line2: null,
      city: 'Shelbyville',
      region: null,
      postalCode: null,
      country: null,
    });
  });
});

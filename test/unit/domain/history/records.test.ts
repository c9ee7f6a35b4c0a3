import {
  historyRecordLabel,
  historySubjects,
  relatedLabel,
} from '../../../../src/plugins/crm/server/src/domain';

describe('history records', () => {
  it('labels a related record by the field that names it', () => {
    expect(relatedLabel('customer', { displayName: 'Acme (C-1)', customerNumber: 'C-1' })).toBe(
      'Acme (C-1)'
    );
    expect(relatedLabel('customer', { displayName: '', customerNumber: 'C-1' })).toBe('C-1');
    expect(relatedLabel('user', { username: null, email: 'a@b.c' })).toBe('a@b.c');
    expect(relatedLabel('marketing-list', {})).toBeNull();
  });

  it('labels each kind of record', () => {
    expect(historyRecordLabel('customer', {}, 'Jane Doe (C-2)')).toBe('Jane Doe (C-2)');
    expect(historyRecordLabel('address', { line1: '1 Main St', city: 'Springfield' })).toBe(
      '1 Main St, Springfield'
    );
    expect(historyRecordLabel('phone', { number: '+15551234567' })).toBe('+15551234567');
    expect(
      historyRecordLabel('connection', {
        customer: { documentId: 'a', label: 'Acme' },
        connectedCustomer: { documentId: 'b', label: 'Jane' },
      })
    ).toBe('Acme — Jane');
    expect(
      historyRecordLabel('relationship', {
        parent: { documentId: 'a', label: 'Group' },
        child: { documentId: 'b', label: 'Branch' },
      })
    ).toBe('Group → Branch');
    expect(historyRecordLabel('activity', { body: 'x'.repeat(100) })).toHaveLength(80);
  });

  it('shows an entry in the history of the customers or contact it belongs to', () => {
    const a = { documentId: 'a', label: null };
    const b = { documentId: 'b', label: null };
    expect(historySubjects('customer', 'c1', {})).toEqual(['c1', null]);
    expect(historySubjects('email', 'e1', { customer: a })).toEqual(['a', null]);
    expect(historySubjects('connection', 'k1', { customer: a, connectedCustomer: b })).toEqual([
      'a',
      'b',
    ]);
    expect(
      historySubjects('relationship', 'r1', { customer: a, linkedCustomer: b, parent: null })
    ).toEqual(['a', 'b']);
    expect(historySubjects('activity', 'x1', { contact: b })).toEqual(['b', null]);
  });
});

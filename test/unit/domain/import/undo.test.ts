import {
  reasonsToKeepContact,
  reasonsToKeepCustomer,
} from '../../../../src/plugins/crm/server/src/domain';

describe('what an undo keeps', () => {
  it('removes a contact nobody built on, keeps one with comments, lists, a login or a conversion', () => {
    const bare = { comments: 0, marketingLists: 0, hasLogin: false, converted: false };
    expect(reasonsToKeepContact(bare)).toEqual([]);
    expect(
      reasonsToKeepContact({ comments: 2, marketingLists: 1, hasLogin: true, converted: true })
    ).toEqual([
      'has 2 comments on its activity feed',
      'is on 1 marketing list',
      'has a login',
      'was converted to a customer',
    ]);
  });

  it('removes a customer nobody built on, keeps one with contacts, links or points added since', () => {
    expect(
      reasonsToKeepCustomer({ contacts: 0, connections: 0, relationships: 0, addedPoints: {} })
    ).toEqual([]);
    expect(
      reasonsToKeepCustomer({
        contacts: 1,
        connections: 2,
        relationships: 1,
        addedPoints: { phone: 1, address: 2 },
      })
    ).toEqual([
      'has 1 contact',
      'has 2 connections',
      'has 1 relationship',
      'has 1 phone added since the import',
      'has 2 addresses added since the import',
    ]);
  });
});

import {
  csvLine,
  leftOutReason,
  neutralizeCell,
  reachCounts,
  reachEmail,
  reachPhone,
} from '../../../src/plugins/crm/server/src/domain';

const reachable = {
  active: true,
  doNotEmail: false,
  doNotCall: false,
  email: 'a@example.com',
  mobilePhone: '+14155552671',
  workPhone: null,
  postalAddress: '1 Main St, Boston',
};

describe('leftOutReason', () => {
  it('keeps a contact reachable on the channel', () => {
    for (const channel of ['email', 'phone', 'mail'] as const)
      expect(leftOutReason(reachable, channel)).toBeNull();
  });
  it('leaves out inactive contacts from every channel', () => {
    for (const channel of ['email', 'phone', 'mail'] as const) {
      expect(leftOutReason({ ...reachable, active: false }, channel)).toBe('inactive');
    }
  });
  it('respects do-not-email and do-not-call on their channels only', () => {
    expect(leftOutReason({ ...reachable, doNotEmail: true }, 'email')).toBe('does not want emails');
    expect(leftOutReason({ ...reachable, doNotEmail: true }, 'phone')).toBeNull();
    expect(leftOutReason({ ...reachable, doNotCall: true }, 'phone')).toBe('does not want calls');
    expect(leftOutReason({ ...reachable, doNotCall: true }, 'email')).toBeNull();
  });
  it('leaves out who cannot be reached on the channel', () => {
    expect(leftOutReason({ ...reachable, email: null }, 'email')).toBe('no email address');
    expect(
      leftOutReason({ ...reachable, email: null, email2: 'b@example.com' }, 'email')
    ).toBeNull();
    expect(leftOutReason({ ...reachable, mobilePhone: null }, 'phone')).toBe('no phone number');
    expect(leftOutReason({ ...reachable, postalAddress: null }, 'mail')).toBe('no postal address');
  });
});

describe('CSV cells', () => {
  it.each(['=1+1', '+44', '-2', '@SUM(A1)', '\tx', '\rx', '  =1+1', '\n=cmd'])(
    'neutralises %p',
    (value) => {
      expect(neutralizeCell(value)).toBe(`'${value}`);
    }
  );
  it('leaves plain text alone and prints nothing for null', () => {
    expect(neutralizeCell('Ada')).toBe('Ada');
    expect(neutralizeCell(null)).toBe('');
  });
  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe(
      '"a,b","say ""hi""","two\nlines",plain'
    );
  });
  it('quotes cells a spreadsheet in another locale would split (semicolon, tab)', () => {
    expect(csvLine(['Sale;@SUM(A1)', 'a\tb'])).toBe('"Sale;@SUM(A1)","a\tb"');
  });
  it('keeps a comment line with a formula after a separator in one text cell', () => {
    expect(csvLine(['# Spring, =HYPERLINK("http://evil.example")'])).toBe(
      '"# Spring, =HYPERLINK(""http://evil.example"")"'
    );
  });
});

describe('reachEmail and reachPhone', () => {
  it('take the first address and number a contact has', () => {
    expect(reachEmail({ email: null, email2: 'b@example.test' })).toBe('b@example.test');
    expect(reachEmail({ email: '', email2: null })).toBeNull();
    expect(reachPhone({ mobilePhone: null, workPhone: '+1', mobilePhone2: '+2' })).toBe('+1');
    expect(reachPhone({ mobilePhone: null, workPhone: null, mobilePhone2: '+2' })).toBe('+2');
    expect(reachPhone({ mobilePhone: null, workPhone: null })).toBeNull();
  });
});

describe('reachCounts', () => {
  it("counts members, each channel's reach and the list's export by leftOutReason", () => {
    const members = [
      reachable,
      { ...reachable, doNotEmail: true },
      { ...reachable, active: false },
      { ...reachable, email: null, mobilePhone: null, postalAddress: null },
    ];
    expect(reachCounts(members, 'email')).toEqual({
      members: 4,
      exported: 1,
      reachable: { email: 1, phone: 2, mail: 2 },
    });
    expect(reachCounts(members, 'phone').exported).toBe(2);
    for (const channel of ['email', 'phone', 'mail'] as const) {
      expect(reachCounts(members, channel).exported).toBe(
        members.filter((member) => leftOutReason(member, channel) === null).length
      );
    }
  });

  it('counts nothing for an empty list', () => {
    expect(reachCounts([], 'mail')).toEqual({
      members: 0,
      exported: 0,
      reachable: { email: 0, phone: 0, mail: 0 },
    });
  });
});

import { createHash } from 'node:crypto';

import {
  gravatarHash,
  gravatarProfileSchema,
  profileFromGravatar,
} from '../../../../src/plugins/crm/server/src/domain';

const mapped = (body: unknown) => profileFromGravatar(gravatarProfileSchema.parse(body));

describe('gravatarHash', () => {
  it('is the SHA-256 hex of the trimmed, lower-cased address', () => {
    expect(gravatarHash('  Jane.Doe@Example.COM ')).toBe(
      createHash('sha256').update('jane.doe@example.com').digest('hex')
    );
  });
});

describe('profileFromGravatar', () => {
  const documented = {
    hash: 'abc',
    display_name: 'Jane Q. Doe',
    profile_url: 'https://gravatar.com/janedoe',
    avatar_url: 'https://0.gravatar.com/avatar/abc',
    avatar_alt_text: '',
    location: 'Lisbon, Portugal',
    description: 'Writes code',
    job_title: 'Engineer',
    company: 'Globex',
    pronunciation: '',
    pronouns: 'she/her',
    verified_accounts: [
      {
        service_type: 'github',
        service_label: 'GitHub',
        service_icon: 'https://gravatar.com/icons/github.svg',
        url: 'https://github.com/janedoe',
        is_hidden: false,
      },
      {
        service_type: 'mastodon',
        service_label: '',
        service_icon: '',
        url: 'https://mastodon.social/@jane',
        is_hidden: false,
      },
      {
        service_type: 'x',
        service_label: 'X',
        service_icon: '',
        url: 'https://x.com/hidden',
        is_hidden: true,
      },
      {
        service_type: 'evil',
        service_label: 'Evil',
        service_icon: '',
        url: 'javascript:alert(1)',
        is_hidden: false,
      },
    ],
    links: [{ label: 'Blog', url: 'https://jane.example' }],
    interests: [],
  };

  it('maps the documented answer, leaving out hidden accounts and non-web urls', () => {
    expect(mapped(documented)).toEqual({
      firstName: 'Jane Q.',
      lastName: 'Doe',
      displayName: 'Jane Q. Doe',
      jobTitle: 'Engineer',
      company: 'Globex',
      location: 'Lisbon, Portugal',
      avatarUrl: 'https://0.gravatar.com/avatar/abc',
      accounts: [
        { service: 'GitHub', url: 'https://github.com/janedoe' },
        { service: 'mastodon', url: 'https://mastodon.social/@jane' },
      ],
    });
  });

  it('takes first and last name as given when the answer has them (authenticated requests)', () => {
    const profile = mapped({ ...documented, first_name: 'Jane', last_name: 'Doe-Smith' });
    expect(profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe-Smith' });
  });

  it('does not split a display name of one word', () => {
    const profile = mapped({ hash: 'abc', display_name: 'jane' });
    expect(profile).toEqual({ displayName: 'jane', accounts: [] });
  });

  it('leaves out an avatar that is not an http(s) URL, and empty texts', () => {
    const profile = mapped({
      hash: 'abc',
      avatar_url: 'data:image/png;base64,AAAA',
      job_title: '  ',
      company: null,
    });
    expect(profile).toEqual({ accounts: [] });
  });

  it('refuses an answer of another shape', () => {
    expect(gravatarProfileSchema.safeParse({ display_name: 'no hash' }).success).toBe(false);
    expect(
      gravatarProfileSchema.safeParse({ hash: 'abc', verified_accounts: 'github' }).success
    ).toBe(false);
    expect(gravatarProfileSchema.safeParse(['hash']).success).toBe(false);
  });
});

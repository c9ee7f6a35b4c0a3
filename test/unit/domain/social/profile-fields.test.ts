import {
  SOCIAL_PROFILES_MAX,
  assertTakeableFields,
  erasedHistoryOrigin,
  mergedSocialFields,
  socialProfileOrigin,
  unionSocialProfiles,
  validateSocialFields,
} from '../../../../src/plugins/crm/server/src/domain';
import { issuesOf } from '../issues-of';

const github = { service: 'GitHub', url: 'https://github.com/jane' };

describe('validateSocialFields', () => {
  it('reads only the fields given, trimmed', () => {
    expect(validateSocialFields({ firstName: 'Jane' })).toEqual({});
    expect(
      validateSocialFields({
        avatarUrl: ' https://example.com/a.png ',
        socialProfiles: [{ service: ' GitHub ', url: 'https://github.com/jane', username: 'jane' }],
      })
    ).toEqual({
      avatarUrl: 'https://example.com/a.png',
      socialProfiles: [{ service: 'GitHub', url: 'https://github.com/jane', username: 'jane' }],
    });
  });

  it('clears them with null or an empty avatar', () => {
    expect(validateSocialFields({ avatarUrl: '', socialProfiles: null })).toEqual({
      avatarUrl: null,
      socialProfiles: [],
    });
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/a.png', 'example.com/a.png', 42])(
    'refuses the avatar %p',
    (avatarUrl) => {
      expect(issuesOf(() => validateSocialFields({ avatarUrl }))[0].path).toEqual(['avatarUrl']);
    }
  );

  it('refuses an avatar URL longer than 2048 characters', () => {
    const avatarUrl = `https://example.com/${'a'.repeat(2048)}`;
    expect(issuesOf(() => validateSocialFields({ avatarUrl }))).toEqual([
      {
        path: ['avatarUrl'],
        rule: 'field.maxLength',
        message: 'avatarUrl must be at most 2048 characters',
      },
    ]);
  });

  it('names each broken profile field', () => {
    const issues = issuesOf(() =>
      validateSocialFields({
        socialProfiles: [
          github,
          { service: '', url: 'https://x.com/jane' },
          { service: 'X', url: 'mailto:jane@example.com' },
          { service: 'S'.repeat(65), url: 'https://s.example', username: 'u'.repeat(256) },
          { service: 'X', url: 'https://x.com/jane', extra: true },
          'https://x.com/jane',
        ],
      })
    );
    expect(issues.map((issue) => [issue.path.join('.'), issue.rule])).toEqual([
      ['socialProfiles.1.service', 'social.service'],
      ['socialProfiles.2.url', 'social.url'],
      ['socialProfiles.3.service', 'social.service'],
      ['socialProfiles.3.username', 'social.username'],
      ['socialProfiles.4.extra', 'field.unknown'],
      ['socialProfiles.5', 'field.type'],
    ]);
  });

  it(`holds at most ${SOCIAL_PROFILES_MAX} profiles`, () => {
    const socialProfiles = Array.from({ length: SOCIAL_PROFILES_MAX + 1 }, (_, index) => ({
      service: 'Site',
      url: `https://example.com/${index}`,
    }));
    expect(issuesOf(() => validateSocialFields({ socialProfiles }))[0]).toMatchObject({
      path: ['socialProfiles'],
      rule: 'social.profiles.max',
    });
    expect(
      validateSocialFields({ socialProfiles: socialProfiles.slice(1) }).socialProfiles
    ).toHaveLength(SOCIAL_PROFILES_MAX);
  });

  it('refuses a list that is not one', () => {
    expect(issuesOf(() => validateSocialFields({ socialProfiles: github }))[0].rule).toBe(
      'field.type'
    );
  });
});

describe('unionSocialProfiles', () => {
  it('adds new profiles after the existing ones and replaces one with the same url in place', () => {
    const x = { service: 'X', url: 'https://x.com/jane' };
    const renamed = { service: 'GitHub', url: 'https://github.com/jane', username: 'jane' };
    const site = { service: 'Site', url: 'https://jane.example' };
    expect(unionSocialProfiles([github, x], [site, renamed, site])).toEqual([renamed, x, site]);
  });
});

describe('mergedSocialFields', () => {
  it("keeps the survivor's avatar and joins every record's profiles by url", () => {
    const x = { service: 'X', url: 'https://x.com/jane' };
    expect(
      mergedSocialFields([
        { avatarUrl: 'https://a.example/1.png', socialProfiles: [github] },
        { avatarUrl: 'https://a.example/2.png', socialProfiles: [{ ...github, username: 'j' }, x] },
      ])
    ).toEqual({ avatarUrl: 'https://a.example/1.png', socialProfiles: [github, x] });
  });

  it("takes a merged record's avatar when the survivor has none", () => {
    expect(
      mergedSocialFields([
        { avatarUrl: null, socialProfiles: null },
        { avatarUrl: '' },
        { avatarUrl: 'https://a.example/3.png' },
      ])
    ).toEqual({ avatarUrl: 'https://a.example/3.png', socialProfiles: [] });
  });
});

describe('assertTakeableFields', () => {
  it('lets an individual take its names, avatar and profiles', () => {
    expect(() =>
      assertTakeableFields('individual', {
        firstName: 'Jane',
        middleName: 'Q',
        lastName: 'Doe',
        avatarUrl: 'https://a.example/1.png',
        socialProfiles: [],
      })
    ).not.toThrow();
  });

  it('refuses, by name, fields of the other type and unknown ones', () => {
    expect(
      issuesOf(() => assertTakeableFields('individual', { businessName: 'Globex', ssn: 'x' })).map(
        (issue) => issue.path.join('.')
      )
    ).toEqual(['data.businessName', 'data.ssn']);
    expect(issuesOf(() => assertTakeableFields('business', { firstName: 'Jane' }))[0]).toEqual({
      path: ['data', 'firstName'],
      rule: 'social.field',
      message:
        'data.firstName cannot be taken from a social profile for a business customer (allowed: avatarUrl, socialProfiles, businessName)',
    });
  });

  it('refuses taking nothing', () => {
    expect(issuesOf(() => assertTakeableFields('business', {}))[0].path).toEqual(['data']);
  });
});

describe('socialProfileOrigin', () => {
  it('names the source and the address, and an erasure keeps the source only', () => {
    const origin = socialProfileOrigin({ service: 'gravatar', email: 'jane@example.com' });
    expect(origin).toBe('social-profile:gravatar jane@example.com');
    expect(erasedHistoryOrigin(origin)).toBe('social-profile:gravatar');
    expect(socialProfileOrigin()).toBe('social-profile');
  });
});

import { DomainValidationError, type RuleIssue, characterCount, fieldIssue } from '../errors';

/** A link to one of a person's public profiles elsewhere (a social network, a website). */
export interface SocialProfile {
  service: string;
  url: string;
  username?: string;
}

/** The customer's fields that a social profile lookup can fill, beside its names. */
export interface SocialFields {
  avatarUrl: string | null;
  socialProfiles: SocialProfile[];
}

export const SOCIAL_URL_MAX_LENGTH = 2048;
export const SOCIAL_SERVICE_MAX_LENGTH = 64;
export const SOCIAL_USERNAME_MAX_LENGTH = 255;
export const SOCIAL_PROFILES_MAX = 50;

/** True for an absolute http or https URL: other schemes (javascript:, data:) never reach a page. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function readUrl(raw: unknown, path: (string | number)[], issues: RuleIssue[]): string | null {
  const name = path.join('.');
  if (typeof raw !== 'string') {
    issues.push({ path, rule: 'field.type', message: `${name} must be a string` });
    return null;
  }
  const url = raw.trim();
  if (characterCount(url) > SOCIAL_URL_MAX_LENGTH) {
    issues.push({
      path,
      rule: 'field.maxLength',
      message: `${name} must be at most ${SOCIAL_URL_MAX_LENGTH} characters`,
    });
    return null;
  }
  if (!isWebUrl(url)) {
    issues.push({ path, rule: 'social.url', message: `${name} must be an http or https URL` });
    return null;
  }
  return url;
}

function readProfile(raw: unknown, index: number, issues: RuleIssue[]): SocialProfile | null {
  const at = (field: string) => ['socialProfiles', index, field];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({
      path: ['socialProfiles', index],
      rule: 'field.type',
      message: `socialProfiles.${index} must be an object { service, url, username? }`,
    });
    return null;
  }
  const { service, url, username, ...unknown } = raw as Record<string, unknown>;
  const before = issues.length;
  for (const key of Object.keys(unknown))
    issues.push({
      path: at(key),
      rule: 'field.unknown',
      message: `socialProfiles.${index}.${key} is not a field of a social profile (service, url, username)`,
    });
  const serviceText = typeof service === 'string' ? service.trim() : null;
  if (
    serviceText === null ||
    serviceText === '' ||
    characterCount(serviceText) > SOCIAL_SERVICE_MAX_LENGTH
  )
    issues.push({
      path: at('service'),
      rule: 'social.service',
      message: `socialProfiles.${index}.service must be text of 1 to ${SOCIAL_SERVICE_MAX_LENGTH} characters`,
    });
  const link = readUrl(url, at('url'), issues);
  let name: string | undefined;
  if (username !== undefined && username !== null) {
    if (
      typeof username !== 'string' ||
      characterCount(username.trim()) > SOCIAL_USERNAME_MAX_LENGTH
    )
      issues.push({
        path: at('username'),
        rule: 'social.username',
        message: `socialProfiles.${index}.username must be text of at most ${SOCIAL_USERNAME_MAX_LENGTH} characters`,
      });
    else if (username.trim() !== '') name = username.trim();
  }
  if (issues.length > before || serviceText === null || link === null) return null;
  return { service: serviceText, url: link, ...(name ? { username: name } : {}) };
}

/**
 * Reads `avatarUrl` and `socialProfiles` of a customer write, when given: trimmed, '' and null
 * clear them. Every write path of a customer (REST, the content manager, merges) passes through
 * it, so no stored link can lead anywhere but to a web page.
 */
export function readSocialFields(
  input: Record<string, unknown>,
  issues: RuleIssue[]
): Partial<SocialFields> {
  const read: Partial<SocialFields> = {};
  if ('avatarUrl' in input) {
    const raw = input.avatarUrl;
    read.avatarUrl =
      raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')
        ? null
        : readUrl(raw, ['avatarUrl'], issues);
  }
  if ('socialProfiles' in input) {
    const raw = input.socialProfiles;
    if (raw === null || raw === undefined) read.socialProfiles = [];
    else if (!Array.isArray(raw))
      issues.push(
        fieldIssue('socialProfiles', 'field.type', 'socialProfiles must be a list of profiles')
      );
    else if (raw.length > SOCIAL_PROFILES_MAX)
      issues.push(
        fieldIssue(
          'socialProfiles',
          'social.profiles.max',
          `socialProfiles holds at most ${SOCIAL_PROFILES_MAX} profiles (got ${raw.length})`
        )
      );
    else {
      const profiles = raw.map((item, index) => readProfile(item, index, issues));
      read.socialProfiles = profiles.filter((item): item is SocialProfile => item !== null);
    }
  }
  return read;
}

/** `readSocialFields` that throws every issue at once. */
export function validateSocialFields(input: Record<string, unknown>): Partial<SocialFields> {
  const issues: RuleIssue[] = [];
  const read = readSocialFields(input, issues);
  if (issues.length > 0) throw new DomainValidationError(issues);
  return read;
}

/**
 * `added` joined to `existing`, one profile per url: an added profile replaces the existing one
 * with its url, in its place; new ones come after, in their order.
 */
export function unionSocialProfiles(
  existing: readonly SocialProfile[],
  added: readonly SocialProfile[]
): SocialProfile[] {
  const addedByUrl = new Map(added.map((profile) => [profile.url, profile]));
  const kept = existing.map((profile) => addedByUrl.get(profile.url) ?? profile);
  const seen = new Set(kept.map((profile) => profile.url));
  const result = [...kept];
  for (const profile of addedByUrl.values()) {
    if (seen.has(profile.url)) continue;
    seen.add(profile.url);
    result.push(profile);
  }
  return result;
}

/** A stored `socialProfiles` value as a list (the column holds JSON, null when never set). */
export const storedSocialProfiles = (value: unknown): SocialProfile[] =>
  Array.isArray(value) ? (value as SocialProfile[]) : [];

/**
 * What a merge gives the survivor: its own avatar unless it has none (then the first merged
 * record's that has one), and the profiles of every record joined by url, the survivor's first.
 * Neither is a choice the merge request makes: a link to a profile is kept rather than lost.
 * The union is cut at the limit so the merged record still passes the rule above.
 */
export function mergedSocialFields(
  records: readonly { avatarUrl?: unknown; socialProfiles?: unknown; [field: string]: unknown }[]
): SocialFields {
  const avatar = records.find(
    (record) => typeof record.avatarUrl === 'string' && record.avatarUrl.trim() !== ''
  )?.avatarUrl as string | undefined;
  let profiles: SocialProfile[] = [];
  for (const record of records) {
    const own = storedSocialProfiles(record.socialProfiles);
    const known = new Set(profiles.map((profile) => profile.url));
    profiles = [...profiles, ...own.filter((profile) => !known.has(profile.url))];
  }
  return { avatarUrl: avatar ?? null, socialProfiles: profiles.slice(0, SOCIAL_PROFILES_MAX) };
}

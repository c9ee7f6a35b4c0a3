import { gravatarHash, gravatarProfileSchema, profileFromGravatar } from '../../domain';
import { SourceUnavailable, type SocialProfileProvider } from './provider';

/**
 * Gravatar's public profile API: `GET {baseUrl}/profiles/{sha256 of the address}`. Only the
 * hash leaves the machine. An API key (optional) raises the rate limit and adds first and last
 * names; without one, the request carries no credentials.
 */
export const createGravatarProvider = (options: {
  baseUrl: string;
  apiKey: string;
}): SocialProfileProvider => ({
  source: 'gravatar',
  async lookup(email, { signal }) {
    const url = `${options.baseUrl.replace(/\/+$/, '')}/profiles/${gravatarHash(email)}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal, redirect: 'error' });
    } catch (error) {
      throw new SourceUnavailable(
        'gravatar',
        signal.aborted ? 'no answer in time' : `request failed (${(error as Error).message})`
      );
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new SourceUnavailable('gravatar', `answered HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new SourceUnavailable(
        'gravatar',
        signal.aborted ? 'no answer in time' : 'answered something that is not JSON'
      );
    }
    const parsed = gravatarProfileSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SourceUnavailable(
        'gravatar',
        `answered a profile of another shape (${issue.path.join('.') || 'body'}: ${issue.message})`
      );
    }
    return profileFromGravatar(parsed.data);
  },
});

import type { FoundProfile } from '../../domain';

/**
 * A source of public profiles. `lookup` answers the profile filed under an e-mail address, null
 * when the source has none, and throws a `SourceUnavailable` when it cannot say (an error, a
 * refusal, an answer it cannot read, or `signal` aborted).
 */
export interface SocialProfileProvider {
  readonly source: 'gravatar';
  lookup(email: string, options: { signal: AbortSignal }): Promise<FoundProfile | null>;
}

/** A source that could not answer; `reason` names why, never the address asked about. */
export class SourceUnavailable extends Error {
  constructor(
    readonly source: string,
    readonly reason: string
  ) {
    super(`${source}: ${reason}`);
    this.name = 'SourceUnavailable';
  }
}

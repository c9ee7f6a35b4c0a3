import * as React from 'react';

import type { DuplicateCandidate } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { toRequest, type Draft } from './draft';

/** How long the form must rest before it is checked: one request per pause, not per key. */
export const CHECK_DELAY_MS = 400;

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** Worth checking once it names someone, or holds an e-mail address or a phone number. */
const isWorthChecking = (data: Record<string, unknown>) =>
  ['firstName', 'lastName', 'businessName'].some((field) => filled(data[field])) ||
  ((data.emails ?? []) as { address?: string }[]).some((email) => filled(email.address)) ||
  ((data.phones ?? []) as { number?: string }[]).some((phone) => filled(phone.number));

/**
 * The existing customers the one being typed may be, asked of the server (`duplicate-check`) once
 * the form has rested for a moment. The last answer stays until the next one arrives; a failed
 * check shows nothing (it is a hint: the create itself is judged by the server again).
 */
export const useDuplicateCheck = (draft: Draft, enabled: boolean): DuplicateCandidate[] => {
  const api = useCrmApi();
  const [found, setFound] = React.useState<{ key: string; candidates: DuplicateCandidate[] }>();
  const { data } = toRequest(draft);
  const key = enabled && isWorthChecking(data) ? JSON.stringify(data) : null;

  React.useEffect(() => {
    if (key === null) {
      setFound(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.duplicates.checkCustomer(JSON.parse(key) as Record<string, unknown>).then(
        (candidates) => current && setFound({ key, candidates }),
        () => current && setFound({ key, candidates: [] })
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return key === null ? [] : (found?.candidates ?? []);
};

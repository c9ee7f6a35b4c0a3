import * as React from 'react';

import type { Customer } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import type { SocialLookupHit } from '../../../api/social-lookup';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { statusOf } from '../../../utils/serverErrors';
import { hasAnything } from './choices';

export type LookupState =
  | { phase: 'idle' }
  | { phase: 'searching'; email?: string }
  | { phase: 'found'; hits: SocialLookupHit[]; searched: string[] }
  /** Nothing found, the provider did not answer, or the search was refused (`message`). */
  | { phase: 'none'; searched: string[]; message?: string };

/**
 * Searches public profiles for a customer's e-mail addresses (or another address). A provider that
 * failed or timed out reads as nothing found: the lookup is an offer, never an error page. A refused
 * request (a malformed address) also says why.
 */
export const useSocialLookup = (customer: Customer | null) => {
  const api = useCrmApi();
  const { messageOf } = useRequestErrors();
  const [state, setState] = React.useState<LookupState>({ phase: 'idle' });
  // Only the latest search may set the state: an older answer arriving late is dropped.
  const latest = React.useRef(0);
  const documentId = customer?.documentId;
  const customerRef = React.useRef(customer);
  customerRef.current = customer;

  const search = React.useCallback(
    async (email?: string) => {
      const customer = customerRef.current;
      if (!customer) return;
      const run = ++latest.current;
      setState({ phase: 'searching', email });
      try {
        const answer = await api.socialLookup(customer.documentId, email);
        if (run !== latest.current) return;
        const hits = (answer.data?.found ?? []).filter((hit) => hasAnything(customer, hit));
        const searched = answer.meta?.searched ?? (email ? [email] : []);
        setState(
          hits.length > 0 ? { phase: 'found', hits, searched } : { phase: 'none', searched }
        );
      } catch (failure) {
        if (run !== latest.current) return;
        const status = statusOf(failure);
        const refused = status !== undefined && status >= 400 && status < 500;
        setState({
          phase: 'none',
          searched: email ? [email] : [],
          message: refused ? messageOf(failure) : undefined,
        });
      }
    },
    [api, messageOf]
  );

  // A customer given (the dialog opened) starts a search of its own addresses.
  React.useEffect(() => {
    if (documentId) void search();
    else {
      latest.current += 1;
      setState({ phase: 'idle' });
    }
  }, [documentId, search]);

  return { state, search };
};

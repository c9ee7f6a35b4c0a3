import { useEffect } from 'react';

import type { ImportJob } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';

/** Soon after a change, then at this pace: a small file is validated in well under a second. */
const FIRST_POLL_MS = 200;
const POLL_MS = 750;

/**
 * While the job is validating (a mapping or mode change judges its rows again on the server, in
 * the background), reloads it until it is done, passing each reload on: its progress, then the
 * validated job.
 */
export const useValidationPolling = (
  job: ImportJob | null,
  onJobChange: (job: ImportJob) => void
) => {
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const validating = job?.stage === 'validating';
  const documentId = job?.documentId;

  useEffect(() => {
    if (!validating || !documentId) return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await api.imports.job(documentId);
        failures = 0;
        if (cancelled) return;
        onJobChange(next);
        if (next.stage === 'validating') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        failures += 1;
        if (failures === 3 && !cancelled) notifyError(error);
        if (!cancelled) timer = setTimeout(poll, POLL_MS * Math.min(failures + 1, 10));
      }
    };
    timer = setTimeout(poll, FIRST_POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [validating, documentId, api, onJobChange, notifyError]);
};

import { useCallback, useEffect, useRef, useState } from 'react';

import type { ImportJob, ImportModeSettings } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { fieldErrorsOf } from '../../../utils/serverErrors';

type ModeField = keyof ImportModeSettings;

/**
 * Saves each change of the mode step at once (PUT …/mode), one request after another so they
 * reach the server in the order made, then reloads the job: only its GET carries the preview, so
 * the job is also reloaded when the step opens. Until the reload the step shows the settings as
 * chosen; a refused change is named beside its field, and the reload brings back what the server
 * kept.
 */
export const useModeSaving = (job: ImportJob, onJobChange: (job: ImportJob) => void) => {
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const { documentId } = job;
  const [unsaved, setUnsaved] = useState<Partial<ImportModeSettings>>({});
  const [errors, setErrors] = useState<Partial<Record<ModeField, string>>>({});
  const [busy, setBusy] = useState(true);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef(0);

  const save = useCallback(
    async (change: Partial<ImportModeSettings>) => {
      try {
        await api.imports.setMode(documentId, change);
      } catch (error) {
        notifyError(error);
        // The server names the setting first in the path (`matchBy`, `matchBy.0`).
        const named = Object.entries(fieldErrorsOf(error)).map(([path, message]) => [
          path.split('.')[0],
          message,
        ]);
        setErrors((current) => ({ ...current, ...Object.fromEntries(named) }));
      }
    },
    [api, documentId, notifyError]
  );

  /** Saves the change, if any, after those before it; the last one in line reloads the job. */
  const enqueue = useCallback(
    (change: Partial<ImportModeSettings> | null) => {
      setBusy(true);
      waiting.current += 1;
      queue.current = queue.current.then(async () => {
        if (change) await save(change);
        waiting.current -= 1;
        if (waiting.current > 0) return;
        let reloaded: ImportJob | null = null;
        try {
          reloaded = await api.imports.job(documentId);
        } catch (error) {
          notifyError(error);
        }
        if (reloaded) onJobChange(reloaded);
        // Changes made during the reload keep their settings shown until their own reload.
        if (waiting.current > 0) return;
        setUnsaved({});
        setBusy(false);
      });
    },
    [api, documentId, notifyError, onJobChange, save]
  );

  // The job may come from an answer without a preview (a mapping change), or an old one.
  useEffect(() => enqueue(null), [enqueue]);

  const change = (patch: Partial<ImportModeSettings>) => {
    setUnsaved((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch) as ModeField[]) delete next[field];
      return next;
    });
    enqueue(patch);
  };

  return { settings: { ...job.mode, ...unsaved }, errors, busy, change };
};

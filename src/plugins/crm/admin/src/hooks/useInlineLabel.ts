import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/**
 * A label set inside a sentence ("Add phone", "Ajouter : téléphone"): lower-cased as English and
 * French write common nouns, kept as it is in German, which capitalises every noun.
 */
export const useInlineLabel = () => {
  const { locale } = useIntl();
  return useCallback(
    (label: string) => (/^de\b/i.test(locale) ? label : label.toLocaleLowerCase(locale)),
    [locale]
  );
};

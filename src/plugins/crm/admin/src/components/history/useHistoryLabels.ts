import { useMemo } from 'react';
import { useIntl } from 'react-intl';

import {
  CONTENT_MANAGER_LAYOUTS,
  type HistoryAction,
  type HistoryActor,
  type HistoryValue,
} from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { useFieldLabel } from '../imports/labels';
import { EMPTY_VALUE, shownValue, type HistoryRecordKind } from './model';

/** The colour family of an action's badge (its 100 background with 700 text passes 4.5:1). */
/** Fields whose values are stored codes (a phone's type, a gender…), shown by their names. */
const CODED_FIELDS = new Set([
  'type',
  'gender',
  'maritalStatus',
  'preferredContact',
  'status',
  'relationshipType',
]);

type BadgeVariant = 'success' | 'primary' | 'danger';

/** The words of the change history: its actions, kinds of record, actors and values. */
export const useHistoryLabels = () => {
  const { formatMessage, locale } = useIntl();
  const importFieldLabel = useFieldLabel();
  const valueLabel = useValueLabel();
  return useMemo(() => {
    const actions: Record<HistoryAction, { label: string; variant: BadgeVariant }> = {
      create: {
        label: formatMessage({ id: 'crm.history.action.create', defaultMessage: 'Created' }),
        variant: 'success',
      },
      update: {
        label: formatMessage({ id: 'crm.history.action.update', defaultMessage: 'Updated' }),
        variant: 'primary',
      },
      delete: {
        label: formatMessage({ id: 'crm.history.action.delete', defaultMessage: 'Deleted' }),
        variant: 'danger',
      },
    };
    const kinds: Record<HistoryRecordKind, string> = {
      customer: formatMessage({ id: 'crm.history.kind.customer', defaultMessage: 'Customer' }),
      address: formatMessage({ id: 'crm.history.kind.address', defaultMessage: 'Address' }),
      phone: formatMessage({ id: 'crm.history.kind.phone', defaultMessage: 'Phone' }),
      email: formatMessage({ id: 'crm.history.kind.email', defaultMessage: 'E-mail' }),
      connection: formatMessage({
        id: 'crm.history.kind.connection',
        defaultMessage: 'Connection',
      }),
      relationship: formatMessage({
        id: 'crm.history.kind.relationship',
        defaultMessage: 'Relationship',
      }),
      contact: formatMessage({ id: 'crm.history.kind.contact', defaultMessage: 'Contact' }),
      activity: formatMessage({ id: 'crm.history.kind.activity', defaultMessage: 'Comment' }),
    };

    /** "Jane (admin)", "API token Sync", "Import 12 for jane@example.com", "Merge 7 for Jane"… */
    const actor = (who: HistoryActor): string => {
      const name = who.name || who.id || '?';
      let own: string;
      switch (who.type) {
        case 'admin':
          own = formatMessage(
            { id: 'crm.history.actor.admin', defaultMessage: '{name} (admin)' },
            { name }
          );
          break;
        case 'user':
          own = formatMessage(
            { id: 'crm.history.actor.user', defaultMessage: '{name} (user)' },
            { name }
          );
          break;
        case 'token':
          own = formatMessage(
            { id: 'crm.history.actor.token', defaultMessage: 'API token {name}' },
            { name }
          );
          break;
        case 'import':
          own = formatMessage(
            { id: 'crm.history.actor.import', defaultMessage: 'Import {id}' },
            { id: who.id ?? '?' }
          );
          break;
        case 'merge':
          own = formatMessage(
            { id: 'crm.history.actor.merge', defaultMessage: 'Merge {id}' },
            { id: who.id ?? '?' }
          );
          break;
        default:
          own = formatMessage({ id: 'crm.history.actor.system', defaultMessage: 'System' });
      }
      const behalf = who.onBehalfOf;
      if (!behalf) return own;
      return formatMessage(
        { id: 'crm.history.actor.onBehalfOf', defaultMessage: '{actor} for {user}' },
        { actor: own, user: behalf.name || behalf.id || '?' }
      );
    };

    const value = (stored: HistoryValue | undefined, field?: string): string => {
      const shown = shownValue(stored);
      switch (shown.kind) {
        case 'empty':
          return EMPTY_VALUE;
        case 'erased':
          return formatMessage({ id: 'crm.history.erased', defaultMessage: '(erased)' });
        case 'boolean':
          return shown.value
            ? formatMessage({ id: 'crm.history.yes', defaultMessage: 'Yes' })
            : formatMessage({ id: 'crm.history.no', defaultMessage: 'No' });
        default:
          return field && CODED_FIELDS.has(field) ? valueLabel(shown.text) : shown.text;
      }
    };

    // A field is named as the content manager names it, in the admin's language.
    const column = locale.startsWith('fr') ? 1 : locale.startsWith('de') ? 2 : 0;
    const fieldLabel = (field: string): string => {
      for (const layout of CONTENT_MANAGER_LAYOUTS) {
        const label = layout.labels[field];
        if (label) return label[column];
      }
      return importFieldLabel(field);
    };
    return { actions, kinds, actor, value, fieldLabel };
  }, [formatMessage, locale, importFieldLabel, valueLabel]);
};

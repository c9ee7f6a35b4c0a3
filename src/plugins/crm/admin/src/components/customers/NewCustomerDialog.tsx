import * as React from 'react';

import {
  Alert,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Modal,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

import { pathKey, readServerError } from '../../utils/strapiErrorDetails';
import { ContactPointRows, POINT_FIELDS, newPointDraft, type PointDraft } from './ContactPointRows';
import {
  CONTACT_POINT_KINDS,
  GENDERS,
  KIND_LABELS,
  MARITAL_STATUSES,
  PLURALS,
  PREFERRED_CONTACTS,
  customerName,
  humanize,
  type ContactPointKind,
  type CrmSettings,
  type Customer,
  type CustomerType,
} from './model';

const NONE = '__none__';

interface Draft {
  type: CustomerType;
  fields: Record<string, string>;
  privacy: { noEmail: boolean; noMail: boolean; noPhoneCalls: boolean };
  preferredContact: string;
  points: Record<ContactPointKind, PointDraft[]>;
  /** The key of the row chosen as primary, per kind (the first row when none was chosen). */
  primary: Partial<Record<ContactPointKind, number>>;
}

const emptyDraft = (settings: CrmSettings): Draft => ({
  type: 'individual',
  fields: {},
  privacy: { noEmail: false, noMail: false, noPhoneCalls: false },
  preferredContact: NONE,
  points: {
    address: [newPointDraft(settings.contactPointTypes.address[0])],
    phone: [newPointDraft(settings.contactPointTypes.phone[0])],
    email: [newPointDraft(settings.contactPointTypes.email[0])],
  },
  primary: {},
});

const NAME_FIELDS: Record<CustomerType, { name: string; label: string; required?: boolean }[]> = {
  individual: [
    { name: 'firstName', label: 'First name', required: true },
    { name: 'middleName', label: 'Middle name' },
    { name: 'lastName', label: 'Last name', required: true },
  ],
  business: [{ name: 'businessName', label: 'Business name', required: true }],
};

const isBlank = (row: PointDraft) => Object.values(row.fields).every((value) => !value.trim());

interface NewCustomerDialogProps {
  open: boolean;
  settings: CrmSettings;
  onClose: () => void;
  /** After a save: `view` opens the new customer, `continue` stays on the search page. */
  onCreated: (customer: Customer, next: 'view' | 'continue') => void;
}

/**
 * The "New customer" dialog: one save creates the customer and all its addresses, phones
 * and emails. The server applies every rule; its messages are shown beside the fields they name.
 */
export const NewCustomerDialog = ({ open, settings, onClose, onCreated }: NewCustomerDialogProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [draft, setDraft] = React.useState<Draft>(() => emptyDraft(settings));
  const [errors, setErrors] = React.useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    if (open) {
      setDraft(emptyDraft(settings));
      setErrors({ fields: {} });
    }
  }, [open, settings]);

  const limits = settings.limits[draft.type];
  const errorAt = (path: (string | number)[]) => errors.fields[pathKey(path)];
  const setField = (name: string, value: string) => setDraft((current) => ({ ...current, fields: { ...current.fields, [name]: value } }));

  const save = async (next: 'view' | 'continue') => {
    // Rows left empty are not sent; the server's paths are mapped back to the rows on screen.
    const rowOfSent: Record<string, number[]> = {};
    const data: Record<string, unknown> = { type: draft.type, ...draft.privacy };
    for (const { name } of [...NAME_FIELDS[draft.type], { name: 'gender' }, { name: 'dateOfBirth' }, { name: 'maritalStatus' }, { name: 'ssn' }]) {
      const value = draft.fields[name]?.trim();
      if (value && (draft.type === 'individual' || name === 'businessName')) data[name] = value;
    }
    if (draft.preferredContact !== NONE) data.preferredContact = draft.preferredContact;
    for (const kind of CONTACT_POINT_KINDS) {
      const rows = draft.points[kind];
      const sent = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
      rowOfSent[PLURALS[kind]] = sent.map(({ index }) => index);
      const primaryKey = sent.some(({ row }) => row.key === draft.primary[kind]) ? draft.primary[kind] : sent[0]?.row.key;
      data[PLURALS[kind]] = sent.map(({ row }) => {
        const fields = Object.fromEntries(
          POINT_FIELDS[kind].map(({ name }) => [name, row.fields[name]?.trim()]).filter(([, value]) => value)
        );
        return { type: row.type, ...fields, ...(row.key === primaryKey ? { isPrimary: true } : {}) };
      });
    }

    setSaving(true);
    try {
      const response = await post<{ data: Customer }>('/crm/customers', { data });
      const customer = response.data.data;
      toggleNotification({ type: 'success', message: `Customer ${customer.customerNumber} (${customerName(customer)}) created` });
      onCreated(customer, next);
    } catch (failure) {
      const { message, fieldErrors } = readServerError(failure);
      const fields: Record<string, string> = {};
      for (const [key, text] of Object.entries(fieldErrors)) {
        const [head, position, ...rest] = key.split('.');
        const shown = rowOfSent[head]?.[Number(position)];
        fields[shown === undefined ? key : pathKey([head, shown, ...rest])] = text;
      }
      setErrors({ message, fields });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '96rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>New customer</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {errors.message && (
              <Alert variant="danger" title="Not saved" closeLabel="Close" onClose={() => setErrors((current) => ({ ...current, message: undefined }))}>
                {errors.message}
              </Alert>
            )}
            <Box padding={4} hasRadius borderColor="neutral200">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root name="type" error={errorAt(['type'])}>
                  <Field.Label>Customer type</Field.Label>
                  <Radio.Group
                    aria-label="Customer type"
                    value={draft.type}
                    onValueChange={(type: string) => setDraft((current) => ({ ...current, type: type as CustomerType }))}
                  >
                    <Flex gap={4}>
                      <Radio.Item value="individual">Individual</Radio.Item>
                      <Radio.Item value="business">Business</Radio.Item>
                    </Flex>
                  </Radio.Group>
                  <Field.Error />
                </Field.Root>
                <Grid.Root gap={4}>
                  {NAME_FIELDS[draft.type].map((field) => (
                    <Grid.Item key={field.name} col={draft.type === 'business' ? 12 : 4} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={field.name} required={field.required} error={errorAt([field.name])}>
                        <Field.Label>{field.label}</Field.Label>
                        <TextInput value={draft.fields[field.name] ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField(field.name, event.target.value)} />
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  ))}
                  {draft.type === 'individual' && (
                    <>
                      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="gender" error={errorAt(['gender'])}>
                          <Field.Label>Gender</Field.Label>
                          <SingleSelect placeholder="—" value={draft.fields.gender ?? ''} onChange={(value: string | number) => setField('gender', String(value))}>
                            {GENDERS.map((value) => (
                              <SingleSelectOption key={value} value={value}>
                                {humanize(value)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="dateOfBirth" error={errorAt(['dateOfBirth'])}>
                          <Field.Label>Date of birth</Field.Label>
                          <TextInput type="date" value={draft.fields.dateOfBirth ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField('dateOfBirth', event.target.value)} />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="maritalStatus" error={errorAt(['maritalStatus'])}>
                          <Field.Label>Marital status</Field.Label>
                          <SingleSelect placeholder="—" value={draft.fields.maritalStatus ?? ''} onChange={(value: string | number) => setField('maritalStatus', String(value))}>
                            {MARITAL_STATUSES.map((value) => (
                              <SingleSelectOption key={value} value={value}>
                                {humanize(value)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="ssn" error={errorAt(['ssn'])} hint="Masked once saved">
                          <Field.Label>SSN</Field.Label>
                          <TextInput type="password" autoComplete="off" value={draft.fields.ssn ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField('ssn', event.target.value)} />
                          <Field.Hint />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                    </>
                  )}
                </Grid.Root>
                <Grid.Root gap={4}>
                  <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                    <Typography variant="pi" fontWeight="bold">
                      Customer privacy
                    </Typography>
                    <Flex gap={4} paddingTop={2}>
                      {(
                        [
                          ['noEmail', 'No email'],
                          ['noMail', 'No mail'],
                          ['noPhoneCalls', 'No phone calls'],
                        ] as const
                      ).map(([name, label]) => (
                        <Checkbox
                          key={name}
                          name={name}
                          checked={draft.privacy[name]}
                          onCheckedChange={(checked: boolean | 'indeterminate') =>
                            setDraft((current) => ({ ...current, privacy: { ...current.privacy, [name]: checked === true } }))
                          }
                        >
                          {label}
                        </Checkbox>
                      ))}
                    </Flex>
                  </Grid.Item>
                  <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="preferredContact" error={errorAt(['preferredContact'])}>
                      <Field.Label>Preferred contact</Field.Label>
                      <SingleSelect value={draft.preferredContact} onChange={(value: string | number) => setDraft((current) => ({ ...current, preferredContact: String(value) }))}>
                        <SingleSelectOption value={NONE}>None</SingleSelectOption>
                        {PREFERRED_CONTACTS.map((value) => (
                          <SingleSelectOption key={value} value={value}>
                            {humanize(value)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Typography variant="pi" fontWeight="bold">
                      Select primary
                    </Typography>
                    <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
                      {CONTACT_POINT_KINDS.map((kind) => {
                        const rows = draft.points[kind];
                        const chosen = rows.some((row) => row.key === draft.primary[kind]) ? draft.primary[kind] : rows[0]?.key;
                        return (
                          <SingleSelect
                            key={kind}
                            size="S"
                            aria-label={`Primary ${KIND_LABELS[kind].one.toLowerCase()}`}
                            disabled={rows.length <= 1}
                            value={chosen === undefined ? '' : String(chosen)}
                            placeholder={`No ${KIND_LABELS[kind].one.toLowerCase()}`}
                            onChange={(value: string | number) =>
                              setDraft((current) => ({ ...current, primary: { ...current.primary, [kind]: Number(value) } }))
                            }
                          >
                            {rows.map((row, index) => (
                              <SingleSelectOption key={row.key} value={String(row.key)}>
                                {`Primary ${KIND_LABELS[kind].one.toLowerCase()}: ${index + 1} (${humanize(row.type)})`}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                        );
                      })}
                    </Flex>
                  </Grid.Item>
                </Grid.Root>
              </Flex>
            </Box>
            {CONTACT_POINT_KINDS.map((kind) => (
              <ContactPointRows
                key={kind}
                kind={kind}
                rows={draft.points[kind]}
                types={settings.contactPointTypes[kind]}
                limit={limits[kind]}
                onePerType={limits.onePerType}
                errorAt={errorAt}
                onChange={(rows) => setDraft((current) => ({ ...current, points: { ...current.points, [kind]: rows } }))}
              />
            ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            Cancel
          </Button>
          <Flex gap={2}>
            <Button variant="secondary" loading={saving} onClick={() => void save('continue')} type="button">
              Save and continue
            </Button>
            <Button loading={saving} onClick={() => void save('view')} type="button">
              Save and view customer
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

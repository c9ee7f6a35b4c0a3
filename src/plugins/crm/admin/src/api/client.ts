import type {
  ActivityEntry,
  Connection,
  ContactView,
  ImportSummary,
  MarketingChannel,
  MarketingListMember,
  MarketingListSummary,
  Pagination,
  ContactPointKind,
  CrmSettings,
  Customer,
  CustomerSearchAnswer,
  DuplicateCandidate,
  DuplicateScan,
  ImportDecisionAction,
  ImportJob,
  ImportLogAnswer,
  ImportModeSettings,
  ImportObject,
  ImportRowOutcome,
  ImportRowStatus,
  Network,
  ReferenceGroup,
  Relationship,
  SsnReveal,
  DateOrder,
  HistoryEntry,
  HistoryQuery,
} from '../../../contracts';
import type { SocialLookupAnswer, SocialProfileUpdate } from './social-lookup';

/** What an upload may say of its file beside the object: all told from the file when absent. */
export interface ImportUploadOptions {
  /** The country national phone numbers are read in (ISO code). */
  defaultCountry?: string;
  /** The text encoding of a CSV file (a label such as windows-1252). */
  encoding?: string;
  /** The worksheet of a workbook: its name or 1-based position. */
  sheet?: string;
}

/** What the client needs of the admin's authenticated fetch client (`useFetchClient`), paths relative to the backend. */
interface FetchClient {
  get(url: string, config: { responseType: 'blob' }): Promise<{ data: Blob; headers?: Headers }>;
  get<T>(url: string, config?: { params?: Record<string, unknown> }): Promise<{ data: T }>;
  post<T>(
    url: string,
    body?: unknown,
    config?: { params?: Record<string, unknown> }
  ): Promise<{ data: T }>;
  put<T>(url: string, body?: unknown): Promise<{ data: T }>;
  del<T>(url: string): Promise<{ data: T }>;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, if any. */
const fileNameFromDisposition = (header: string | null | undefined, fallback: string): string => {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  return match ? decodeURIComponent(match[1]) : fallback;
};

/** What a customer create answers beside the customer: its possible duplicates (empty when none). */
export interface CreatedCustomer {
  customer: Customer;
  possibleDuplicates: DuplicateCandidate[];
}

/** `POST /customers/merge`: the records, the field choices and, over the limits, the points to keep. */
export interface CustomerMergeRequest {
  survivor: string;
  merged: string[];
  /** Per field, the documentId of the record to take it from. */
  fields?: Record<string, string>;
  /** Per kind, the documentIds of the contact points the survivor keeps. */
  keep?: Partial<Record<ContactPointKind, string[]>>;
}

export type ContactMergeRequest = Omit<CustomerMergeRequest, 'keep'>;

/** What a merge (or its dry run) answers beside the survivor. */
export interface MergeMeta {
  /** The merge's documentId, for its undo; absent on a dry run. */
  merge?: string;
  dryRun?: boolean;
  /** What moved to the survivor, was folded into it or removed, per kind of thing. */
  moved: Record<string, number>;
}

/** A stored merge, as its undo answers it. */
export interface MergeView {
  documentId: string;
  object: ImportObject;
  survivor: string;
  merged: string[];
  fields: Record<string, string>;
  moved: Record<string, number>;
  mergedAt: string;
  undoneAt: string | null;
}

/** The plugin's admin routes are served under /crm and guarded by its admin RBAC actions. */
const BASE = '/crm';
const customers = `${BASE}/customers`;
const imports = `${BASE}/imports`;
const contacts = `${BASE}/contacts`;
const lists = `${BASE}/marketing-lists`;

/** A page of a list route: its rows and Strapi's pagination. */
export interface Paged<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/** The Contacts page's query: active contacts only unless `includeInactive`. */
export interface ContactQuery {
  q?: string;
  /** A company's documentId. */
  company?: string;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
}

/** A CSV the server made, as a file to save. */
export interface DownloadedCsv {
  blob: Blob;
  fileName: string;
  /** From the export's `X-Exported-Count` / `X-Left-Out-Count` headers, when sent. */
  exported?: number;
  leftOut?: number;
}

/** The admin route of each kind of contact point. */
const CONTACT_POINT_ROUTES: Record<ContactPointKind, string> = {
  address: 'addresses',
  phone: 'phones',
  email: 'emails',
};

/** What an erasure answers: which records it erased, never the values. */
export interface ErasureOutcome {
  record: { kind: 'customer' | 'contact'; documentId: string };
  alreadyErased: boolean;
  erased: { customers: string[]; contacts: string[] };
  contactPointsDeleted: number;
  listed: number;
}

/** An entry of the erasure list: its kind and date; the list holds no values to show. */
export interface ErasureListEntry {
  id: number;
  documentId: string;
  kind: 'email' | 'phone';
  erasedAt: string;
  recordDocumentId: string | null;
}

/** Whose history or personal data a route reads: a customer's or a contact's. */
export type PersonSubject = 'customers' | 'contacts';

/** How many customers a picker lists for a query. */
const PICKER_SIZE = 10;

/**
 * Every call of the admin pages to the plugin's routes, one function per route. The server applies
 * every rule; the pages only show what it answers.
 */
export const createCrmApi = ({ get, post, put, del }: FetchClient) => ({
  settings: async () => (await get<{ data: CrmSettings }>(`${BASE}/settings`)).data.data,

  searchCustomers: async (q: string, page = 1, pageSize = PICKER_SIZE) =>
    (await get<CustomerSearchAnswer>(`${customers}/search`, { params: { q, page, pageSize } }))
      .data,
  customer: async (documentId: string) =>
    (await get<{ data: Customer }>(`${customers}/${documentId}`)).data.data,
  /** `allowDuplicate` creates it even when the server is set to refuse a likely duplicate (its 409). */
  createCustomer: async (
    data: Record<string, unknown>,
    options: { allowDuplicate?: boolean } = {}
  ): Promise<CreatedCustomer> => {
    const answer = (
      await post<{ data: Customer; meta?: { possibleDuplicates?: DuplicateCandidate[] } }>(
        customers,
        { data },
        options.allowDuplicate ? { params: { allowDuplicate: true } } : undefined
      )
    ).data;
    return { customer: answer.data, possibleDuplicates: answer.meta?.possibleDuplicates ?? [] };
  },
  setPrimary: async (documentId: string, kind: ContactPointKind, id: string) => {
    await put(`${customers}/${documentId}/primary`, { kind, id });
  },
  revealSsn: async (documentId: string) =>
    (await post<{ data: SsnReveal }>(`${customers}/${documentId}/ssn/reveal`)).data.data,
  connections: async (documentId: string) =>
    (await get<{ data: Connection[] }>(`${customers}/${documentId}/connections`)).data.data,
  setPrimaryContact: async (documentId: string, customer: string) => {
    await put(`${customers}/${documentId}/primary-contact`, { customer });
  },
  relationships: async (documentId: string) =>
    (await get<{ data: Relationship[] }>(`${customers}/${documentId}/relationships`)).data.data,
  network: async (documentId: string, depth: number) =>
    (await get<{ data: Network }>(`${customers}/${documentId}/network`, { params: { depth } })).data
      .data,

  createConnection: async (data: {
    customer: string;
    connectedCustomer: string;
    relationshipType: string;
    title?: string;
  }) => {
    await post(`${BASE}/connections`, { data });
  },
  deleteConnection: async (documentId: string) => {
    await del(`${BASE}/connections/${documentId}`);
  },
  createRelationship: async (
    data:
      | { kind: 'hierarchical'; parent: string; child: string }
      | { kind: 'loose'; customer: string; linkedCustomer: string; type: string }
  ) => {
    await post(`${BASE}/relationships`, { data });
  },
  deleteRelationship: async (documentId: string) => {
    await del(`${BASE}/relationships/${documentId}`);
  },

  /** A customer's own fields (the same rules as REST `PUT /customers/:id`). */
  updateCustomer: async (documentId: string, data: Record<string, unknown>) =>
    (await put<{ data: Customer }>(`${customers}/${documentId}`, { data })).data.data,
  /** Public profiles found for the customer's e-mail addresses, or for `email` instead. */
  socialLookup: async (documentId: string, email?: string) =>
    (
      await post<SocialLookupAnswer>(
        `${customers}/${documentId}/social-lookup`,
        email ? { email } : {}
      )
    ).data,
  /** Takes what was ticked of a found profile; answers the customer as `customer` does. */
  updateSocialProfile: async (documentId: string, update: SocialProfileUpdate) =>
    (await put<{ data: Customer }>(`${customers}/${documentId}/social-profile`, update)).data.data,
  /** The contacts whose company is the customer. */
  customerContacts: async (documentId: string, page = 1, pageSize = 20) =>
    (
      await get<Paged<ContactView>>(`${customers}/${documentId}/contacts`, {
        params: { page, pageSize },
      })
    ).data,
  contactPoints: {
    /** `data` holds the point's fields and `customer` (its documentId). */
    create: async (kind: ContactPointKind, data: Record<string, unknown>) =>
      (
        await post<{ data: Record<string, unknown> }>(`${BASE}/${CONTACT_POINT_ROUTES[kind]}`, {
          data,
        })
      ).data.data,
    update: async (kind: ContactPointKind, documentId: string, data: Record<string, unknown>) =>
      (
        await put<{ data: Record<string, unknown> }>(
          `${BASE}/${CONTACT_POINT_ROUTES[kind]}/${documentId}`,
          { data }
        )
      ).data.data,
    remove: async (kind: ContactPointKind, documentId: string) => {
      await del(`${BASE}/${CONTACT_POINT_ROUTES[kind]}/${documentId}`);
    },
  },

  contacts: {
    list: async (query: ContactQuery = {}) =>
      (await get<Paged<ContactView>>(contacts, { params: { ...query } })).data,
    one: async (documentId: string) =>
      (await get<{ data: ContactView }>(`${contacts}/${documentId}`)).data.data,
    /** The new account, as REST answers it; a 409 names why not: the contact already has a login, or the e-mail is taken. */
    generateLogin: async (documentId: string, email: string) =>
      (
        await post<{ data: { documentId: string; id: number; username: string; email: string } }>(
          `${contacts}/${documentId}/generate-login`,
          { email }
        )
      ).data.data,
    /** Answers the new customer. */
    convert: async (documentId: string) =>
      (await post<{ data: Customer }>(`${contacts}/${documentId}/convert`)).data.data,
    activity: async (documentId: string, page = 1, pageSize = 20) =>
      (
        await get<Paged<ActivityEntry>>(`${contacts}/${documentId}/activity`, {
          params: { page, pageSize },
        })
      ).data,
    comment: async (documentId: string, body: string) =>
      (
        await post<{ data: ActivityEntry }>(`${contacts}/${documentId}/activity`, {
          data: { body },
        })
      ).data.data,
    /** The chosen contacts as CSV. */
    exportCsv: async (documentIds: string[]): Promise<DownloadedCsv> => {
      const response = await get(
        `${contacts}/export?${new URLSearchParams(documentIds.map((id): [string, string] => ['contacts', id]))}`,
        {
          responseType: 'blob',
        }
      );
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(
          response.headers?.get('Content-Disposition'),
          'contacts.csv'
        ),
      };
    },
  },

  marketingLists: {
    list: async (page = 1, pageSize = 50) =>
      (await get<Paged<MarketingListSummary>>(lists, { params: { page, pageSize } })).data,
    one: async (documentId: string) =>
      (await get<{ data: MarketingListSummary }>(`${lists}/${documentId}`)).data.data,
    /** `reachable: false` lists only those the export leaves out. */
    members: async (
      documentId: string,
      query: { page?: number; pageSize?: number; reachable?: boolean } = {}
    ) =>
      (await get<Paged<MarketingListMember>>(`${lists}/${documentId}/members`, { params: query }))
        .data,
    create: async (data: { name: string; channel: MarketingChannel }) =>
      (await post<{ data: MarketingListSummary }>(lists, { data })).data.data,
    addMembers: async (documentId: string, contactIds: string[]) => {
      await post(`${lists}/${documentId}/members`, { contacts: contactIds });
    },
    removeMembers: async (documentId: string, contactIds: string[]) => {
      await post(`${lists}/${documentId}/members/remove`, { contacts: contactIds });
    },
    /** The same file as REST `GET /api/crm/marketing-lists/:id/export`. */
    exportCsv: async (documentId: string): Promise<DownloadedCsv> => {
      const response = await get(`${lists}/${documentId}/export`, { responseType: 'blob' });
      const count = (name: string) => {
        const value = response.headers?.get(name);
        return value === null || value === undefined ? undefined : Number(value);
      };
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(
          response.headers?.get('Content-Disposition'),
          `marketing-list-${documentId}.csv`
        ),
        exported: count('X-Exported-Count'),
        leftOut: count('X-Left-Out-Count'),
      };
    },
  },

  duplicates: {
    ofCustomer: async (documentId: string) =>
      (await get<{ data: DuplicateCandidate[] }>(`${customers}/${documentId}/duplicates`)).data
        .data,
    ofContact: async (documentId: string) =>
      (await get<{ data: DuplicateCandidate[] }>(`${BASE}/contacts/${documentId}/duplicates`)).data
        .data,
    /** A customer as it would be created (nested contact points included). */
    checkCustomer: async (data: Record<string, unknown>) =>
      (await post<{ data: DuplicateCandidate[] }>(`${customers}/duplicate-check`, { data })).data
        .data,
    checkContact: async (data: Record<string, unknown>) =>
      (await post<{ data: DuplicateCandidate[] }>(`${BASE}/contacts/duplicate-check`, { data }))
        .data.data,
    startScan: async (object: ImportObject) =>
      (await post<{ data: DuplicateScan }>(`${BASE}/duplicate-scans`, { object })).data.data,
    scan: async (documentId: string, page = 1, pageSize = 20) =>
      (
        await get<{ data: DuplicateScan; meta: { pagination: Record<string, number> } }>(
          `${BASE}/duplicate-scans/${documentId}`,
          { params: { page, pageSize } }
        )
      ).data,
  },

  merges: {
    /** Merges `merged` into `survivor`; a dry run answers what it would do and changes nothing. */
    customers: async (request: CustomerMergeRequest, options: { dryRun?: boolean } = {}) =>
      (
        await post<{ data: Customer; meta: MergeMeta }>(`${customers}/merge`, {
          data: request,
          ...(options.dryRun ? { dryRun: true } : {}),
        })
      ).data,
    contacts: async (request: ContactMergeRequest, options: { dryRun?: boolean } = {}) =>
      (
        await post<{ data: Record<string, unknown>; meta: MergeMeta }>(`${BASE}/contacts/merge`, {
          data: request,
          ...(options.dryRun ? { dryRun: true } : {}),
        })
      ).data,
    /** Puts the merged records back (a 409 says why it cannot). */
    undo: async (documentId: string) =>
      (
        await post<{ data: MergeView; meta: { restored: string[] } }>(
          `${BASE}/merges/${documentId}/undo`
        )
      ).data,
  },

  history: {
    /** Newest first; a customer's includes its contact points', connections' and relationships'. */
    of: async (subject: PersonSubject, documentId: string, query: HistoryQuery = {}) =>
      (
        await get<Paged<HistoryEntry>>(`${BASE}/${subject}/${documentId}/history`, {
          params: { ...query },
        })
      ).data,
    /** Sets the entry's fields back to their values before it (a 409 names a field changed since). */
    revert: async (entryId: string) =>
      (await post<{ data: unknown }>(`${BASE}/history/${entryId}/revert`)).data.data,
  },

  personalData: {
    /** Everything the CRM holds on the person, as one JSON document. */
    exportJson: async (subject: PersonSubject, documentId: string) =>
      (await get<{ data: unknown }>(`${BASE}/${subject}/${documentId}/personal-data`)).data,
    /** The same as CSV files in a zip. */
    exportZip: async (subject: PersonSubject, documentId: string) => {
      const response = await get(`${BASE}/${subject}/${documentId}/personal-data?format=zip`, {
        responseType: 'blob',
      });
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(
          response.headers?.get('Content-Disposition'),
          `personal-data-${documentId}.zip`
        ),
      };
    },
    erase: async (subject: PersonSubject, documentId: string) =>
      (await post<{ data: ErasureOutcome }>(`${BASE}/${subject}/${documentId}/erase`)).data.data,
  },

  erasures: {
    /** The erasure list: kind and date of each erased e-mail or phone number, never the value. */
    list: async (page = 1, pageSize = 25) =>
      (await get<Paged<ErasureListEntry>>(`${BASE}/erasures`, { params: { page, pageSize } })).data,
    /** Takes an entry off the list: its person may be written again. */
    remove: async (documentId: string) => {
      await del(`${BASE}/erasures/${documentId}`);
    },
  },

  imports: {
    /** Past and running imports, newest first. */
    list: async (page = 1, pageSize = 20) =>
      (await get<Paged<ImportSummary>>(imports, { params: { page, pageSize } })).data,
    upload: async (file: File, object: ImportObject, options: ImportUploadOptions = {}) => {
      const form = new FormData();
      form.append('object', object);
      for (const [key, value] of Object.entries(options)) if (value) form.append(key, value);
      form.append('file', file, file.name);
      return (await post<{ data: ImportJob }>(imports, form)).data.data;
    },
    job: async (documentId: string) =>
      (await get<{ data: ImportJob }>(`${imports}/${documentId}`)).data.data,
    setMapping: async (
      documentId: string,
      mapping: Record<string, string | null>,
      dateFormats?: Record<string, DateOrder>
    ) =>
      (
        await put<{ data: ImportJob }>(`${imports}/${documentId}/mapping`, {
          mapping,
          ...(dateFormats ? { dateFormats } : {}),
        })
      ).data.data,
    setMode: async (documentId: string, settings: Partial<ImportModeSettings>) =>
      (await put<{ data: ImportJob }>(`${imports}/${documentId}/mode`, settings)).data.data,
    referenceData: async (documentId: string) =>
      (await get<{ data: ReferenceGroup[] }>(`${imports}/${documentId}/reference-data`)).data.data,
    decide: async (
      documentId: string,
      decisions: { key: string; action: ImportDecisionAction; customer?: string }[],
      applyToAll?: 'create' | 'skip'
    ) =>
      (
        await put<{ data: ReferenceGroup[] }>(`${imports}/${documentId}/reference-data`, {
          decisions,
          ...(applyToAll ? { applyToAll } : {}),
        })
      ).data.data,
    start: async (documentId: string) =>
      (await post<{ data: ImportJob }>(`${imports}/${documentId}/start`)).data.data,
    undo: async (documentId: string) =>
      (await post<{ data: ImportJob }>(`${imports}/${documentId}/undo`)).data.data,
    log: async (
      documentId: string,
      // An outcome selects the imported rows that had it.
      query: {
        status: readonly (ImportRowStatus | ImportRowOutcome)[];
        page: number;
        pageSize: number;
      }
    ) =>
      (
        await get<ImportLogAnswer>(`${imports}/${documentId}/log`, {
          params: { status: query.status.join(','), page: query.page, pageSize: query.pageSize },
        })
      ).data,
    ignoredCsv: async (documentId: string) => {
      const response = await get(`${imports}/${documentId}/ignored`, { responseType: 'blob' });
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(
          response.headers?.get('Content-Disposition'),
          `ignored-${documentId}.csv`
        ),
      };
    },
  },
});

export type CrmApi = ReturnType<typeof createCrmApi>;

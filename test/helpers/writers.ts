import type { TestApp } from './strapi';

/** What a write answered: the saved record, or the status and message of the refusal. */
export type WriteResult =
  | { ok: true; data: Record<string, any> }
  | { ok: false; status: number; message: string; details?: unknown };

type Kind = 'address' | 'phone' | 'email';
const PLURAL: Record<Kind, string> = { address: 'addresses', phone: 'phones', email: 'emails' };
const CUSTOMER = 'plugin::crm.customer';
const pointUid = (kind: Kind) => `plugin::crm.${kind}`;

/** The same write operations over two paths, so every rule is tested on each of them. */
export interface Writer {
  name: string;
  createCustomer(data: Record<string, unknown>): Promise<WriteResult>;
  updateCustomer(documentId: string, data: Record<string, unknown>): Promise<WriteResult>;
  deleteCustomer(documentId: string): Promise<WriteResult>;
  createPoint(kind: Kind, data: Record<string, unknown>): Promise<WriteResult>;
  updatePoint(kind: Kind, documentId: string, data: Record<string, unknown>): Promise<WriteResult>;
  deletePoint(kind: Kind, documentId: string): Promise<WriteResult>;
}

const fromResponse = (response: { status: number; body: any }): WriteResult =>
  response.status < 300
    ? { ok: true, data: response.body?.data ?? {} }
    : {
        ok: false,
        status: response.status,
        message: response.body?.error?.message ?? '',
        details: response.body?.error?.details,
      };

export const restWriter = (app: TestApp): Writer => ({
  name: 'REST',
  createCustomer: async (data) =>
    fromResponse(await app.api().post('/api/crm/customers?populate=*').send({ data })),
  updateCustomer: async (id, data) =>
    fromResponse(await app.api().put(`/api/crm/customers/${id}?populate=*`).send({ data })),
  deleteCustomer: async (id) => fromResponse(await app.api().delete(`/api/crm/customers/${id}`)),
  createPoint: async (kind, data) =>
    fromResponse(await app.api().post(`/api/crm/${PLURAL[kind]}`).send({ data })),
  updatePoint: async (kind, id, data) =>
    fromResponse(await app.api().put(`/api/crm/${PLURAL[kind]}/${id}`).send({ data })),
  deletePoint: async (kind, id) =>
    fromResponse(await app.api().delete(`/api/crm/${PLURAL[kind]}/${id}`)),
});

const statusOf = (error: any) =>
  error?.name === 'ValidationError' ? 400 : error?.name === 'NotFoundError' ? 404 : 500;

const attempt = async (work: () => Promise<any>): Promise<WriteResult> => {
  try {
    const data = await work();
    return data === null
      ? { ok: false, status: 404, message: 'not found' }
      : { ok: true, data: data ?? {} };
  } catch (error: any) {
    return {
      ok: false,
      status: statusOf(error),
      message: String(error?.message ?? error),
      details: error?.details,
    };
  }
};

/** The path of the admin content manager and of server code: the document service. */
export const documentsWriter = (app: TestApp): Writer => {
  const documents = (uid: string) => app.strapi.documents(uid as never) as any;
  return {
    name: 'document service',
    createCustomer: (data) =>
      attempt(() =>
        documents(CUSTOMER).create({ data, populate: ['addresses', 'phones', 'emails'] })
      ),
    updateCustomer: (documentId, data) =>
      attempt(() =>
        documents(CUSTOMER).update({
          documentId,
          data,
          populate: ['addresses', 'phones', 'emails'],
        })
      ),
    deleteCustomer: (documentId) =>
      attempt(async () =>
        (await documents(CUSTOMER).delete({ documentId })).entries.length ? {} : null
      ),
    createPoint: (kind, data) => attempt(() => documents(pointUid(kind)).create({ data })),
    updatePoint: (kind, documentId, data) =>
      attempt(() => documents(pointUid(kind)).update({ documentId, data })),
    deletePoint: (kind, documentId) =>
      attempt(async () =>
        (await documents(pointUid(kind)).delete({ documentId })).entries.length ? {} : null
      ),
  };
};

/** Reads a customer's points of one kind straight from the database, oldest first. */
export const storedPoints = async (app: TestApp, kind: Kind, customerDocumentId: string) =>
  (await app.strapi.db.query(pointUid(kind) as never).findMany({
    where: { customer: { documentId: customerDocumentId } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })) as Record<string, any>[];

import type { Modules, UID } from '@strapi/strapi';

/**
 * A record as the document service answers it, for what the plugin's services hand back: named,
 * so the package's declarations refer to it rather than spell out every relation's type.
 */
export type StoredDocument = Modules.Documents.AnyDocument;

/** What the document service takes as `data` for a content type. */
export type DocumentData<TUid extends UID.ContentType> = Modules.Documents.Params.Data.Input<TUid>;

/** The `fields` and `populate` of a read of a content type. */
export interface DocumentShape<TUid extends UID.ContentType> {
  fields?: Modules.Documents.Params.Fields.Any<TUid>;
  populate?: Modules.Documents.Params.Populate.Any<TUid>;
}

/*
 * A caller's body and query reach the document service with a shape known only at run time. It is
 * checked there against the same schemas these types are generated from: by Strapi's input and
 * query validators, the query-shape middleware and the gates. These two name that hand-over once.
 */

/** A body already validated and sanitised for `uid`, as the document service's `data`. */
export const documentData = <TUid extends UID.ContentType>(
  _uid: TUid,
  data: Record<string, unknown>
): DocumentData<TUid> => data as DocumentData<TUid>;

/** A caller's sanitised `fields` and `populate` for `uid`, as a read's shape. */
export const documentShape = <TUid extends UID.ContentType>(
  _uid: TUid,
  shape: { fields?: unknown; populate?: unknown }
): DocumentShape<TUid> => shape as DocumentShape<TUid>;

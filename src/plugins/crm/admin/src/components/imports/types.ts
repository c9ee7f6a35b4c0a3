/** The import API's shapes, as the server sends them. */
export type ImportObject = 'contacts' | 'customers';
export type ImportStage = 'validating' | 'reference-data' | 'ready' | 'running' | 'done' | 'failed' | 'undone';

export interface ImportColumn {
  header: string;
  field: string | null;
  samples: string[];
  /** The column holds social security numbers: its samples and cells come masked. */
  holdsSsn?: boolean;
}

/** What an undo removed, and the records it kept because others had built on them. */
export interface UndoResult {
  at: string;
  removed: { contacts: number; customers: number };
  kept: { type: 'contact' | 'customer'; documentId: string; name: string; reasons: string[] }[];
  keptCount: number;
}

export interface ImportIssue {
  line: number;
  field: string;
  reason: string;
}

export interface ImportJob {
  documentId: string;
  object: ImportObject;
  stage: ImportStage;
  fileName: string | null;
  fileSize: number | null;
  delimiter: string | null;
  columns: ImportColumn[];
  fields: string[];
  counts: Partial<Record<'total' | 'valid' | 'invalid' | 'imported' | 'ignored' | 'failed', number>>;
  progress: { done: number; total: number };
  errors: ImportIssue[];
  createdBy: { type: 'user' | 'admin' | 'api-token' | 'system'; id: string | null; name: string | null } | null;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undo: UndoResult | null;
  cellsPurgedAt: string | null;
}

export type DecisionAction = 'create' | 'link' | 'skip';

export interface ReferenceGroup {
  key: string;
  company: string;
  rows: number;
  decision: { action: DecisionAction; customer?: string } | null;
  suggestions: { customer: string; name: string; score: number }[];
}

export type RowStatus = 'valid' | 'invalid' | 'imported' | 'ignored' | 'failed';

export interface LogRow {
  line: number;
  status: RowStatus;
  cells: Record<string, string>;
  issues: { field: string; reason: string }[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface CustomerHit {
  documentId: string;
  type?: string | null;
  customerNumber?: string | null;
  businessName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

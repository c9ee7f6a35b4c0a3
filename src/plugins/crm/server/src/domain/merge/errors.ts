/**
 * A merge that cannot be made as the records stand (a cycle it would close, a record merged
 * meanwhile, an undo whose records changed since): the client must change the records, not the
 * request. The server answers it as a 409 whose `details` carry `rule` and what the client needs.
 */
export class MergeConflict extends Error {
  readonly rule: string;
  readonly details: Record<string, unknown>;

  constructor(rule: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MergeConflict';
    this.rule = rule;
    this.details = { rule, ...details };
  }
}

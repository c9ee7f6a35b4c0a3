/** A file the import cannot read (its format, encoding or shape); the message says what is wrong. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

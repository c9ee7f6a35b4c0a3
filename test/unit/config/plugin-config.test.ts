import config from '../../../src/plugins/crm/server/src/config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const withOptions = (options: Record<string, unknown>) => ({ ...config.default, encryptionKeys: [KEY], ...options });

describe('the plugin options', () => {
  it('accept the defaults, with at most 500 header columns in an import', () => {
    expect(config.default.importMaxColumns).toBe(500);
    expect(() => config.validator(withOptions({}))).not.toThrow();
    expect(() => config.validator(withOptions({ importMaxColumns: 2000 }))).not.toThrow();
  });

  it.each([0, -1, 1.5, '500', null])('refuse importMaxColumns %p', (value) => {
    expect(() => config.validator(withOptions({ importMaxColumns: value }))).toThrow(
      `importMaxColumns must be a positive integer (got ${String(value)})`
    );
  });
});

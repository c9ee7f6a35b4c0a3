import config from '../../../src/plugins/crm/server/src/config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const withOptions = (options: Record<string, unknown>) => ({
  ...config.default,
  encryptionKeys: [KEY],
  ...options,
});

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

describe('every plugin option', () => {
  it.each([
    'networkNodeCap',
    'importMaxBytes',
    'importMaxColumns',
    'importRetentionDays',
    'ssnRevealSeconds',
    'searchCountLimit',
    'populateMaxRelated',
  ])('refuses a %s that is not a positive integer, naming it', (option) => {
    expect(() => config.validator(withOptions({ [option]: 0 }))).toThrow(
      `${option} must be a positive integer (got 0)`
    );
    expect(() => config.validator(withOptions({ [option]: '60' }))).toThrow(
      `${option} must be a positive integer (got 60)`
    );
  });

  it.each([0, 999, 1500.5, '60000', null])(
    'refuses an importStaleMs of %p: whole milliseconds, at least a second',
    (value) => {
      expect(() => config.validator(withOptions({ importStaleMs: value }))).toThrow(
        `importStaleMs must be a whole number of milliseconds, at least 1000 (got ${String(value)})`
      );
    }
  );

  it('accepts an importStaleMs of a second or more', () => {
    expect(() => config.validator(withOptions({ importStaleMs: 1000 }))).not.toThrow();
    expect(() => config.validator(withOptions({ importStaleMs: 4000 }))).not.toThrow();
  });

  it('names the country, the limits, the demo flag and the keys it refuses', () => {
    expect(() => config.validator(withOptions({ defaultCountry: 'XX' }))).toThrow(
      'defaultCountry must be a country code such as US (got XX)'
    );
    expect(() =>
      config.validator(withOptions({ contactPointLimits: { individual: { phone: 0 } } }))
    ).toThrow(/^contactPointLimits: .*individual\.phone limit must be a positive integer/);
    expect(() => config.validator(withOptions({ demoData: 'yes' }))).toThrow(
      'demoData must be true or false'
    );
    expect(() => config.validator(withOptions({ encryptionKeys: [] }))).toThrow(
      /^encryptionKeys: CRM_ENCRYPTION_KEY is not set/
    );
    expect(() => config.validator(withOptions({ encryptionKeys: ['short'] }))).toThrow(
      /^encryptionKeys: CRM_ENCRYPTION_KEY must hold 32-byte keys/
    );
    expect(() => config.validator(withOptions({ erasureKey: 'short' }))).toThrow(
      /^erasureKey: CRM_ERASURE_KEY must be a secret of at least 32 characters/
    );
    expect(() => config.validator(withOptions({ erasureKey: 'k'.repeat(32) }))).not.toThrow();
  });

  it('lets development run without an erasure key, never production', () => {
    expect(() => config.validator(withOptions({ erasureKey: '' }))).not.toThrow();
    const environment = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => config.validator(withOptions({ erasureKey: '' }))).toThrow(
        /CRM_ERASURE_KEY .*\(it is not set\)/
      );
    } finally {
      process.env.NODE_ENV = environment;
    }
  });

  it('refuses an option it does not know, and lists every problem at once', () => {
    expect(() => config.validator(withOptions({ importMaxColums: 10 }))).toThrow(
      'unknown option(s) of the crm plugin: importMaxColums'
    );
    expect(() =>
      config.validator(withOptions({ networkNodeCap: -1, searchCountLimit: 0 }))
    ).toThrow(
      'networkNodeCap must be a positive integer (got -1); searchCountLimit must be a positive integer (got 0)'
    );
  });
});

describe('historyRetentionDays', () => {
  it('keeps the history for ever by default, or a positive number of days', () => {
    expect(config.default.historyRetentionDays).toBeNull();
    expect(() => config.validator(withOptions({ historyRetentionDays: 365 }))).not.toThrow();
  });

  it.each([0, -3, 1.5, '30', undefined])('refuses %p', (value) => {
    expect(() => config.validator(withOptions({ historyRetentionDays: value }))).toThrow(
      `historyRetentionDays must be a positive integer, or null to keep the history for ever (got ${String(value)})`
    );
  });
});

describe('the social profile lookup option', () => {
  it('is off by default, asking Gravatar within 3 seconds', () => {
    expect(config.default.socialLookup).toEqual({
      enabled: false,
      timeoutMs: 3000,
      gravatar: { baseUrl: 'https://api.gravatar.com/v3', apiKey: '' },
    });
  });

  it('accepts it turned on, with a key and another address', () => {
    const socialLookup = {
      enabled: true,
      timeoutMs: 500,
      gravatar: { baseUrl: 'http://127.0.0.1:8080/v3', apiKey: 'key' },
    };
    expect(() => config.validator(withOptions({ socialLookup }))).not.toThrow();
  });

  it('names what it refuses', () => {
    expect(() => config.validator(withOptions({ socialLookup: { enabled: 'yes' } }))).toThrow(
      'socialLookup.enabled must be true or false'
    );
    expect(() => config.validator(withOptions({ socialLookup: { timeoutMs: 0 } }))).toThrow(
      'socialLookup.timeoutMs must be a positive integer (got 0)'
    );
    expect(() =>
      config.validator(withOptions({ socialLookup: { gravatar: { baseUrl: 'gravatar.com' } } }))
    ).toThrow('socialLookup.gravatar.baseUrl must be an http or https URL (got gravatar.com)');
    expect(() =>
      config.validator(withOptions({ socialLookup: { gravatar: { apiKey: 42 } } }))
    ).toThrow('socialLookup.gravatar.apiKey must be text');
  });
});

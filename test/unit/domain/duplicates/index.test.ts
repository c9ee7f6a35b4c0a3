import * as domain from '../../../../src/plugins/crm/server/src/domain';
import * as duplicates from '../../../../src/plugins/crm/server/src/domain/duplicates';

describe('the duplicates module', () => {
  it('exports its public interface', () => {
    expect(Object.keys(duplicates).sort()).toEqual(
      [
        'BLOCKING_KEYS_VERSION',
        'CROWDED_DECISIVE_KEY_HOLDERS',
        'CROWDED_KEY_HOLDERS',
        'DECISIVE_KEY_KINDS',
        'DEFAULT_DUPLICATE_BLOCK_SCORE',
        'DEFAULT_DUPLICATE_THRESHOLD',
        'DUPLICATE_REASONS',
        'MAX_BLOCKING_KEYS',
        'MAX_BLOCKING_KEY_LENGTH',
        'areGivenNameVariants',
        'blockingKeys',
        'businessNameKey',
        'canonicalGivenNames',
        'comparePrepared',
        'compareRecords',
        'crowdedAbove',
        'isDecisiveKey',
        'isFreeMailDomain',
        'isStrongKey',
        'jaro',
        'keyKindOf',
        'jaroWinkler',
        'phoneticCode',
        'preparedBlockingKeys',
        'prepareRecord',
        'sharedKeysWorthComparing',
      ].sort()
    );
  });

  it('shares no name with the rest of the domain, so the domain index can re-export it whole', () => {
    const domainExports = domain as Record<string, unknown>;
    for (const [name, value] of Object.entries(duplicates))
      if (name in domainExports) expect(domainExports[name]).toBe(value);
  });
});

import { documentIds } from '../../../src/plugins/crm/server/src/utils/document-id';

describe('documentIds', () => {
  it('gives distinct ids in the shape of Strapi document ids', () => {
    const ids = documentIds(5000);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
  });
  it('uses every letter and digit', () => {
    const seen = new Set(documentIds(500).join(''));
    expect(seen.size).toBe(36);
  });
  it('gives none for none', () => {
    expect(documentIds(0)).toEqual([]);
  });
});

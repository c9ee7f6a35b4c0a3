import { documentIds } from '../../../src/plugins/crm/server/src/utils/document-id';

describe('documentIds', () => {
  it('gives distinct ids in the shape of Strapi document ids', () => {
    const ids = documentIds(5000);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
  });

  it('sorts them in the order they were given, within one call and across calls', () => {
    const ids = [...documentIds(3000), ...documentIds(1), ...documentIds(3000)];
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps that order when the clock steps back', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
    const first = documentIds(10);
    now.mockReturnValue(Date.UTC(2029, 0, 1));
    const second = documentIds(10);
    now.mockRestore();
    expect([...first, ...second].sort()).toEqual([...first, ...second]);
  });

  it('draws the rest of each id at random, from every letter and digit', () => {
    const ids = documentIds(500);
    expect(new Set(ids.map((id) => id.slice(13))).size).toBe(500);
    expect(new Set(ids.map((id) => id.slice(13)).join('')).size).toBe(36);
  });

  it('gives none for none', () => {
    expect(documentIds(0)).toEqual([]);
  });
});

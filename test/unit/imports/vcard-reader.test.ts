import { join } from 'node:path';

import { autoMap, parseVcardLine } from '../../../src/plugins/crm/server/src/domain';
import type { CsvRecord } from '../../../src/plugins/crm/server/src/services/imports/csv-reader';
import { sniffImportFile } from '../../../src/plugins/crm/server/src/services/imports/file-format';
import { readVcard } from '../../../src/plugins/crm/server/src/services/imports/vcard-reader';

const fixture = (name: string) => join(__dirname, '..', '..', 'fixtures', 'imports', name);

/** The cards of a fixture, each as its columns' values (empty ones left out). */
const cardsOf = async (name: string) => {
  const path = fixture(name);
  const file = await sniffImportFile(path);
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  await readVcard(
    path,
    {
      onHeader: (found) => {
        headers = found;
      },
      onBatch: async (batch) => {
        records.push(...batch);
      },
    },
    { batchSize: 10, file }
  );
  return {
    file,
    headers,
    cards: records.map((record) => ({
      line: record.line,
      ...Object.fromEntries(
        headers.map((header, i) => [header, record.cells[i]]).filter(([, value]) => value !== '')
      ),
    })),
  };
};

describe('vCards', () => {
  it('reads 2.1: bare parameters, quoted-printable in a charset, soft line breaks', async () => {
    const { file, cards } = await cardsOf('vcard-2.1.vcf');
    expect(file.format).toBe('vcard');
    expect(cards).toEqual([
      {
        line: 1,
        'Given name (N)': 'Jörg',
        'Family name (N)': 'Müller',
        FN: 'Jörg Müller',
        ORG: 'Mueller GmbH',
        TITLE: 'Vertriebsleiter',
        BDAY: '19800403',
        NOTE: 'Grüße aus München\r\nzweite Zeile',
        EMAIL: 'joerg@mueller-gmbh.example',
        'EMAIL 2': 'j.mueller@privat.example',
        'TEL (cell)': '+49 171 1234567',
        'TEL (work)': '+49 89 1234560',
        'Other contacts': 'home +49 89 7654321',
      },
    ]);
  });

  it('reads 3.0: grouped properties and their labels, escapes, folded lines, many cards', async () => {
    const { cards } = await cardsOf('vcard-3.0.vcf');
    expect(cards).toEqual([
      {
        line: 1,
        'Given name (N)': 'Frank',
        'Family name (N)': 'Dawson',
        FN: 'Frank Dawson',
        ORG: 'Lotus Development Corporation',
        TITLE: 'Director, Research and Development',
        BDAY: '1970-08-21',
        NOTE: 'Met at the conference, then again\nat the dinner',
        EMAIL: 'fdawson@earthlink.example',
        'EMAIL 2': 'Frank_Dawson@lotus.example',
        'TEL (cell)': '+1-919-676-9515',
        'TEL (work)': '+1-919-676-9564',
        'Other contacts':
          'email frank@dawson.example; fax work +1-919-676-9500; work address 6544 Battleford Drive, Raleigh, NC, 27613-3502, U.S.A.; url http://home.earthlink.example/~fdawson',
      },
      {
        line: 19,
        'Given name (N)': 'Tim',
        'Family name (N)': 'Howes',
        FN: 'Tim Howes',
        ORG: 'Netscape Communications Corp.',
        BDAY: '--0315',
        NOTE: 'This note is long enough that the address book folded it across two lines of the file',
        EMAIL: 'howes@netscape.example',
        'TEL (cell)': '+1-415-937-3419',
        'TEL (cell) 2': '+1-415-555-0100',
        'Other contacts': 'cell +1-415-555-0101',
      },
    ]);
  });

  it('reads 4.0: tel: URIs, quoted type lists, PREF order, FN alone', async () => {
    const { cards } = await cardsOf('vcard-4.0.vcf');
    expect(cards).toEqual([
      expect.objectContaining({
        'Given name (N)': 'Simon',
        'Family name (N)': 'Perreault',
        'Name suffix (N)': 'ing. jr,M.Sc.',
        BDAY: '--0203',
        EMAIL: 'simon.perreault@viagenie.example',
        'TEL (work)': '+1-418-656-9254',
        'TEL (cell)': '+1-418-262-6501',
        'Other contacts':
          'work address Suite D2-630, 2875 Laurier, Quebec, QC, G1V 2M2, Canada; url http://nomis80.example',
      }),
      {
        line: 15,
        FN: 'Émilie Côté',
        'Given name (N)': 'Émilie',
        'Family name (N)': 'Côté',
        EMAIL: 'emilie.cote@viagenie.example',
        'EMAIL 2': 'emilie@perso.example',
      },
    ]);
  });

  it('maps each property to the field it fills', async () => {
    const { headers } = await cardsOf('vcard-3.0.vcf');
    expect(autoMap(headers, 'contacts', 'vcard')).toMatchObject({
      'Given name (N)': 'firstName',
      'Family name (N)': 'lastName',
      FN: null,
      ORG: 'company',
      EMAIL: 'email',
      'EMAIL 2': 'email2',
      'TEL (cell)': 'mobilePhone',
      'TEL (cell) 2': 'mobilePhone2',
      'TEL (work)': 'workPhone',
      'Other contacts': 'otherContacts',
      BDAY: 'birthday',
    });
  });

  it('refuses a card that is not closed, naming its line', async () => {
    await expect(cardsOf('vcard-unclosed.vcf')).rejects.toThrow(
      'line 1: the card is not closed (END:VCARD is missing)'
    );
  });

  it('parses parameters in each version’s spelling', () => {
    expect(parseVcardLine('item1.EMAIL;type=INTERNET;type=pref:a@b.example')).toEqual({
      group: 'item1',
      name: 'EMAIL',
      params: { TYPE: ['INTERNET', 'PREF'] },
      raw: 'a@b.example',
    });
    expect(parseVcardLine('TEL;CELL;PREF:+1 555')?.params).toEqual({ TYPE: ['CELL', 'PREF'] });
    expect(parseVcardLine('TEL;TYPE="work,voice";PREF=1:tel:+1')?.params).toEqual({
      TYPE: ['WORK', 'VOICE'],
      PREF: ['1'],
    });
  });
});

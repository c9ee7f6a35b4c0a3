import type { MatchRecord } from '../../../../src/plugins/crm/server/src/domain/duplicates';

/**
 * Pairs of records labelled by hand: duplicates (one person or business written twice, with the
 * typos, nicknames, accents, swapped names and reformatted data real entry produces) and hard
 * non-duplicates (namesakes, family members and colleagues sharing contact data, look-alike
 * businesses). Phones are E.164 as MatchRecord holds them; e-mails are sometimes in capitals, as
 * a careless caller might pass them.
 */
export interface LabelledPair {
  duplicate: boolean;
  why: string;
  a: MatchRecord;
  b: MatchRecord;
}

type Address = [line1: string, city: string, postalCode: string, country: string];

interface Details {
  dob?: string;
  middle?: string;
  emails?: string[];
  phones?: string[];
  addresses?: Address[];
  externalId?: string;
  ssnHash?: string;
  company?: string;
}

const toAddress = ([line1, city, postalCode, country]: Address) => ({
  line1,
  city,
  postalCode,
  country,
});

const personOf =
  (type: 'individual' | 'contact') =>
  (firstName: string | null, lastName: string | null, details: Details = {}): MatchRecord => ({
    type,
    firstName,
    middleName: details.middle ?? null,
    lastName,
    dateOfBirth: details.dob ?? null,
    emails: details.emails ?? [],
    phones: details.phones ?? [],
    externalId: details.externalId ?? null,
    ssnHash: details.ssnHash ?? null,
    addresses: (details.addresses ?? []).map(toAddress),
    company: details.company ?? null,
  });

const person = personOf('individual');
const contactOf = personOf('contact');
const contact = (
  firstName: string | null,
  lastName: string | null,
  company: string | null,
  details: Details = {}
): MatchRecord => contactOf(firstName, lastName, { ...details, company: company ?? undefined });

const business = (businessName: string, details: Details = {}): MatchRecord => ({
  type: 'business',
  businessName,
  emails: details.emails ?? [],
  phones: details.phones ?? [],
  externalId: details.externalId ?? null,
  addresses: (details.addresses ?? []).map(toAddress),
});

const pairs: LabelledPair[] = [];
const same = (why: string, a: MatchRecord, b: MatchRecord) =>
  pairs.push({ duplicate: true, why, a, b });
const different = (why: string, a: MatchRecord, b: MatchRecord) =>
  pairs.push({ duplicate: false, why, a, b });

// ---------------------------------------------------------------------------------------------
// People: one person, a shared e-mail and a compatible name
// ---------------------------------------------------------------------------------------------

same(
  'nickname, e-mail in capitals',
  person('Robert', 'Miller', { emails: ['robert.miller@gmail.com'] }),
  person('Bob', 'Miller', { emails: ['Robert.Miller@Gmail.com'] })
);
same(
  'nickname, apostrophe dropped',
  person('Katherine', "O'Neil", { emails: ['koneil@outlook.com'], phones: ['+16175550143'] }),
  person('Kate', 'ONeil', { emails: ['koneil@outlook.com'] })
);
same(
  'accents dropped',
  person('José', 'García', { emails: ['jose.garcia@yahoo.es'] }),
  person('Jose', 'Garcia', { emails: ['jose.garcia@yahoo.es'], phones: ['+34612345678'] })
);
same(
  'umlauts written out',
  person('Jürgen', 'Müller', { emails: ['j.mueller@web.de'] }),
  person('Juergen', 'Mueller', { emails: ['j.mueller@web.de'] })
);
same(
  'Bill for William',
  person('William', 'Johnson', { emails: ['wjohnson@comcast.net'], dob: '1962-08-14' }),
  person('Bill', 'Johnson', { emails: ['wjohnson@comcast.net'] })
);
same(
  'Jim for James, apostrophe',
  person('James', "O'Connor", { emails: ['jim.oconnor@icloud.com'] }),
  person('Jim', 'OConnor', { emails: ['jim.oconnor@icloud.com'] })
);
same(
  'transliterated Vietnamese name with middle name on one side',
  person('An', 'Nguyễn', { middle: 'Văn', emails: ['an.nguyen@gmail.com'] }),
  person('An', 'Nguyen', { emails: ['an.nguyen@gmail.com'] })
);
same(
  'Chinese name order swapped',
  person('Wei', 'Wang', { emails: ['wangwei88@qq.com'] }),
  person('Wang', 'Wei', { emails: ['wangwei88@qq.com'] })
);
same(
  'typo in family name',
  person('Priya', 'Ramanathan', { emails: ['priya.r@gmail.com'] }),
  person('Priya', 'Ramanthan', { emails: ['priya.r@gmail.com'] })
);
same(
  'Yoruba short form',
  person('Oluwaseun', 'Adeyemi', { emails: ['seun.adeyemi@yahoo.com'] }),
  person('Seun', 'Adeyemi', { emails: ['seun.adeyemi@yahoo.com'] })
);
same(
  'fada dropped',
  person('Siobhán', 'Kelly', { emails: ['siobhan.kelly@eircom.net'], phones: ['+35318675309'] }),
  person('Siobhan', 'Kelly', { phones: ['+35318675309'] })
);
same(
  'diaeresis and accent, e-mail in capitals',
  person('Zoë', 'Lefèvre', { emails: ['zoe.lefevre@orange.fr'] }),
  person('Zoe', 'Lefevre', { emails: ['ZOE.LEFEVRE@ORANGE.FR'] })
);
same(
  'second given name left out',
  person('Ana Lucía', 'Fernández', { emails: ['analu.fernandez@gmail.com'] }),
  person('Ana', 'Fernandez', { emails: ['analu.fernandez@gmail.com'] })
);
same(
  'transliteration and hyphen',
  person('Mohammed', 'Al-Farsi', { emails: ['m.alfarsi@gmail.com'] }),
  person('Muhammad', 'Alfarsi', { emails: ['m.alfarsi@gmail.com'] })
);
same(
  'Chris for Christopher',
  person('Christopher', 'Lee', { emails: ['chris.lee@fastmail.com'] }),
  person('Chris', 'Lee', { emails: ['chris.lee@fastmail.com'], dob: '1988-02-29' })
);
same(
  'Italian diminutive',
  person('Giuseppe', 'Russo', { emails: ['g.russo@libero.it'] }),
  person('Beppe', 'Russo', { emails: ['g.russo@libero.it'] })
);
same(
  'German diminutive',
  person('Johannes', 'Schmidt', { emails: ['hans.schmidt@t-online.de'] }),
  person('Hans', 'Schmidt', { emails: ['hans.schmidt@t-online.de'] })
);
same(
  'hyphenated given name written as one word',
  person('Anne-Marie', 'Dupont', { emails: ['amdupont@free.fr'] }),
  person('Annemarie', 'Dupont', { emails: ['amdupont@free.fr'] })
);
same(
  'spelling of Katherine',
  person('Catherine', 'Walsh', { emails: ['cwalsh@btinternet.com'] }),
  person('Kathryn', 'Walsh', { emails: ['cwalsh@btinternet.com'] })
);
same(
  'Steve Clark and Stephen Clarke',
  person('Stephen', 'Clarke', { emails: ['steve.clarke@gmail.com'] }),
  person('Steve', 'Clark', { emails: ['steve.clarke@gmail.com'] })
);
same(
  'Korean name swapped with hyphen',
  person('Min-jun', 'Kim', { emails: ['minjun.kim@naver.com'] }),
  person('Kim', 'Minjun', { emails: ['minjun.kim@naver.com'] })
);
same(
  'Gmail dots and a +tag',
  person('Emily', 'Watson', { emails: ['emily.watson@gmail.com'] }),
  person('Emily', 'Watson', { emails: ['emilywatson+shop@gmail.com'] })
);
same(
  'googlemail.com is gmail.com',
  person('Tobias', 'Krause', { emails: ['tobias.krause@googlemail.com'] }),
  person('Toby', 'Krause', { emails: ['tobiaskrause@gmail.com'] })
);
same(
  'one of two e-mails shared',
  person('Ingrid', 'Larsen', { emails: ['ingrid@larsen.no', 'ingrid.larsen@gmail.com'] }),
  person('Ingrid', 'Larsen', { emails: ['ingrid.larsen@gmail.com'] })
);
same(
  'Peggy for Margaret with a shared e-mail and city',
  person('Margaret', 'Thompson', {
    emails: ['peggy.t@aol.com'],
    addresses: [['14 Elm Road', 'Leeds', 'LS6 2AB', 'GB']],
  }),
  person('Peggy', 'Thompson', {
    emails: ['peggy.t@aol.com'],
    addresses: [['3 Park Lane', 'Leeds', 'LS1 4DT', 'GB']],
  })
);
same(
  'family name only on one side',
  person('Hiroshi', 'Tanaka', { emails: ['h.tanaka@gmail.com'] }),
  person(null, 'Tanaka', { emails: ['h.tanaka@gmail.com'] })
);
same(
  'Russian diminutive',
  person('Aleksandr', 'Ivanov', { emails: ['sasha.ivanov@mail.ru'] }),
  person('Sasha', 'Ivanov', { emails: ['sasha.ivanov@mail.ru'] })
);
same(
  'Spanish diminutive',
  person('Francisco', 'Hernández', { emails: ['paco.hdz@hotmail.com'] }),
  person('Paco', 'Hernandez', { emails: ['paco.hdz@hotmail.com'] })
);
same(
  'Liz for Elizabeth',
  person('Elizabeth', 'Warren', { emails: ['liz.warren@gmail.com'] }),
  person('Liz', 'Warren', { emails: ['liz.warren@gmail.com'], phones: ['+16175550188'] })
);
same(
  'Polish diminutive',
  person('Małgorzata', 'Kowalczyk', { emails: ['gosia.k@wp.pl'] }),
  person('Gosia', 'Kowalczyk', { emails: ['gosia.k@wp.pl'] })
);

// ---------------------------------------------------------------------------------------------
// People: a shared phone and a compatible name
// ---------------------------------------------------------------------------------------------

same(
  'Sara Conner and Sarah Connor',
  person('Sarah', 'Connor', { phones: ['+13105550172'] }),
  person('Sara', 'Conner', { phones: ['+13105550172'] })
);
same(
  'Dick for Richard',
  person('Richard', 'Hughes', { phones: ['+447700900123'] }),
  person('Dick', 'Hughes', { phones: ['+447700900123'] })
);
same(
  'accent on the given name',
  person('François', 'Dubois', { phones: ['+33612345678'] }),
  person('Francois', 'Dubois', { phones: ['+33612345678'] })
);
same(
  'typo in a given name',
  person('Michael', 'Brown', { phones: ['+12125550147'] }),
  person('Micheal', 'Brown', { phones: ['+12125550147'] })
);
same(
  'Russian diminutive by phone',
  person('Dmitri', 'Petrov', { phones: ['+79161234567'] }),
  person('Dima', 'Petrov', { phones: ['+79161234567'] })
);
same(
  'second phone shared',
  person('Grace', 'Okonkwo', { phones: ['+2348031234567', '+447700900456'] }),
  person('Grace', 'Okonkwo', { phones: ['+447700900456'] })
);
same(
  'Tony for Anthony, family-name typo',
  person('Anthony', 'Rodriguez', { phones: ['+17865550110'] }),
  person('Tony', 'Rodriquez', { phones: ['+17865550110'] })
);
same(
  'Jack for John',
  person('John', 'Fitzgerald', { phones: ['+16175550199'] }),
  person('Jack', 'Fitzgerald', { phones: ['+16175550199'] })
);
same(
  'Ted for Edward',
  person('Edward', 'Nygma', { phones: ['+13125550133'] }),
  person('Ted', 'Nygma', { phones: ['+13125550133'] })
);
same(
  'Polly for Mary',
  person('Mary', 'Whitfield', { phones: ['+441632960001'] }),
  person('Polly', 'Whitfield', { phones: ['+441632960001'] })
);
same(
  'Pepe for José',
  person('José', 'Ramírez', { phones: ['+525512345678'] }),
  person('Pepe', 'Ramirez', { phones: ['+525512345678'] })
);
same(
  'Nacho for Ignacio, double family name shortened',
  person('Ignacio', 'Sánchez Romero', { phones: ['+34699112233'] }),
  person('Nacho', 'Sánchez', { phones: ['+34699112233'] })
);
same(
  'swapped names, same mobile',
  person('Lee', 'Wong', { phones: ['+85291234567'] }),
  person('Wong', 'Lee', { phones: ['+85291234567'] })
);
same(
  'Indian name with a typo',
  person('Venkataraman', 'Subramanian', { phones: ['+919876543210'] }),
  person('Venkatraman', 'Subramanian', { phones: ['+919876543210'] })
);
same(
  'Scottish Mac and Mc',
  person('Angus', 'MacDonald', { phones: ['+447700900789'] }),
  person('Angus', 'McDonald', { phones: ['+447700900789'] })
);
same(
  'Gus for Augustus',
  person('Augustus', 'Grant', { phones: ['+12025550166'] }),
  person('Gus', 'Grant', { phones: ['+12025550166'] })
);
same(
  'Fritz for Friedrich',
  person('Friedrich', 'Wagner', { phones: ['+4915112345678'] }),
  person('Fritz', 'Wagner', { phones: ['+4915112345678'] })
);
same(
  'Lola for Dolores',
  person('Dolores', 'Castillo', { phones: ['+34611223344'] }),
  person('Lola', 'Castillo', { phones: ['+34611223344'] })
);
same(
  'Gianni for Giovanni',
  person('Giovanni', 'Esposito', { phones: ['+393331234567'] }),
  person('Gianni', 'Esposito', { phones: ['+393331234567'] })
);
same(
  'transposed letters in the family name',
  person('Olivia', 'Hartmann', { phones: ['+4917612345678'] }),
  person('Olivia', 'Hartmnan', { phones: ['+4917612345678'] })
);
same(
  'Jerzy and the same mobile, name in capitals',
  person('JERZY', 'NOWAK', { phones: ['+48601234567'] }),
  person('Jerzy', 'Nowak', { phones: ['+48601234567'] })
);
same(
  'Becky for Rebecca',
  person('Rebecca', 'Stone', { phones: ['+16465550102'] }),
  person('Becky', 'Stone', { phones: ['+16465550102'] })
);

// ---------------------------------------------------------------------------------------------
// People: the same date of birth and a compatible name
// ---------------------------------------------------------------------------------------------

same(
  'Tom for Thomas',
  person('Thomas', 'Becker', { dob: '1975-06-30' }),
  person('Tom', 'Becker', { dob: '1975-06-30' })
);
same(
  'second family name left out',
  person('Jennifer', 'López García', { dob: '1983-11-02' }),
  person('Jennifer', 'López', { dob: '1983-11-02' })
);
same(
  'accent and date of birth',
  person('Ramón', 'Torres', { dob: '1959-01-17' }),
  person('Ramon', 'Torres', { dob: '1959-01-17' })
);
same(
  'Isabelle and Isabel',
  person('Isabelle', 'Martin', { dob: '1991-09-09' }),
  person('Isabel', 'Martin', { dob: '1991-09-09' })
);
same(
  'Alex for Alejandro',
  person('Alejandro', 'Gómez', { dob: '1987-03-21' }),
  person('Alex', 'Gomez', { dob: '1987-03-21' })
);
same(
  'Pat for Patrick',
  person('Patrick', "O'Brien", { dob: '1970-12-01' }),
  person('Pat', 'OBrien', { dob: '1970-12-01' })
);
same(
  'different e-mails, same date of birth',
  person('Emeka', 'Okafor', { dob: '1982-09-28', emails: ['emeka@okafor.ng'] }),
  person('Emeka', 'Okafor', { dob: '1982-09-28', emails: ['e.okafor@gmail.com'] })
);
same(
  'Jon for Jonathan',
  person('Jonathan', 'Price', { dob: '1994-05-05' }),
  person('Jon', 'Price', { dob: '1994-05-05' })
);
same(
  'Narayan and Narayanan',
  person('Lakshmi', 'Narayanan', { dob: '1979-07-15' }),
  person('Lakshmi', 'Narayan', { dob: '1979-07-15' })
);
same(
  'Hannah Schröder and Hanna Schroeder',
  person('Hannah', 'Schröder', { dob: '1996-02-11' }),
  person('Hanna', 'Schroeder', { dob: '1996-02-11' })
);
same(
  'Fred Douglass and Frederick Douglas',
  person('Frederick', 'Douglass', { dob: '1968-02-14' }),
  person('Fred', 'Douglas', { dob: '1968-02-14' })
);
same(
  'Polish diminutive and diacritics',
  person('Agnieszka', 'Wiśniewska', { dob: '1985-10-10' }),
  person('Aga', 'Wisniewska', { dob: '1985-10-10' })
);
same(
  'Chinese name swapped, same date of birth',
  person('Na', 'Li', { dob: '1982-02-26' }),
  person('Li', 'Na', { dob: '1982-02-26' })
);
same(
  'Danny for Daniel',
  person('Daniel', 'Cohen', { dob: '1990-01-30' }),
  person('Danny', 'Cohen', { dob: '1990-01-30' })
);
same(
  'z and s',
  person('Carlos', 'Mendoza', { dob: '1977-04-04' }),
  person('Carlos', 'Mendosa', { dob: '1977-04-04' })
);
same(
  'Abby for Abigail',
  person('Abigail', 'Turner', { dob: '2001-08-19' }),
  person('Abby', 'Turner', { dob: '2001-08-19' })
);
same(
  'Andy for Andrew',
  person('Andrew', 'Walsh', { dob: '1966-06-06' }),
  person('Andy', 'Walsh', { dob: '1966-06-06' })
);
same(
  'Japanese name, different phones',
  person('Yuki', 'Tanaka', { dob: '1993-03-03', phones: ['+819012345678'] }),
  person('Yuki', 'Tanaka', { dob: '1993-03-03', phones: ['+818012345678'] })
);
same(
  'Olga Nowak by date of birth',
  person('Olga', 'Nowak', { dob: '1958-12-24' }),
  person('Olga', 'Nowak', { dob: '1958-12-24' })
);
same(
  'Yoruba short form with date of birth',
  person('Babatunde', 'Bakare', { dob: '1980-05-12' }),
  person('Tunde', 'Bakare', { dob: '1980-05-12' })
);
same(
  'family name in capitals with a typo',
  person('Sophie', 'BERNARD', { dob: '1989-07-14' }),
  person('Sophie', 'Bernhard', { dob: '1989-07-14' })
);
same(
  'middle name as the given name',
  person('J.', 'Whitaker', { middle: 'Robert', dob: '1971-10-30' }),
  person('Robert', 'Whitaker', { dob: '1971-10-30' })
);
same(
  'initial and date of birth and postal code',
  person('M.', 'Okoro', { dob: '1984-01-08', addresses: [['', 'Lagos', '100001', 'NG']] }),
  person('Michael', 'Okoro', {
    dob: '1984-01-08',
    addresses: [['22 Awolowo Road', 'Lagos', '100001', 'NG']],
  })
);
same(
  'day and month swapped, shared e-mail',
  person('Laura', 'Bianchi', { dob: '1990-04-07', emails: ['laura.bianchi@libero.it'] }),
  person('Laura', 'Bianchi', { dob: '1990-07-04', emails: ['laura.bianchi@libero.it'] })
);
same(
  'one digit of the day wrong, shared phone',
  person('Kofi', 'Mensah', { dob: '1986-03-13', phones: ['+233201234567'] }),
  person('Kofi', 'Mensah', { dob: '1986-03-18', phones: ['+233201234567'] })
);
same(
  'Ukrainian name transliterated two ways',
  person('Oleksandr', 'Shevchenko', { dob: '1992-08-24' }),
  person('Oleksander', 'Shevchenko', { dob: '1992-08-24' })
);
same(
  'Turkish dotless i folded',
  person('Işıl', 'Yılmaz', { dob: '1995-11-11' }),
  person('Isil', 'Yilmaz', { dob: '1995-11-11' })
);
same(
  'Mo for Maureen',
  person('Maureen', 'Doyle', { dob: '1955-03-17' }),
  person('Mo', 'Doyle', { dob: '1955-03-17' })
);
same(
  'Nate for Nathaniel',
  person('Nathaniel', 'Hawthorne', { dob: '1974-07-04' }),
  person('Nate', 'Hawthorne', { dob: '1974-07-04' })
);

// ---------------------------------------------------------------------------------------------
// People: the same address and a compatible name
// ---------------------------------------------------------------------------------------------

same(
  'Peggy for Margaret, street abbreviated',
  person('Margaret', 'Wilson', { addresses: [['42 Oak Street', 'Portland', '97205', 'US']] }),
  person('Peggy', 'Wilson', { addresses: [['42 Oak St.', 'Portland', '97205-1234', 'US']] })
);
same(
  'French address punctuation',
  person('Robert', 'Dupuis', { addresses: [['12 rue de la Paix', 'Paris', '75002', 'FR']] }),
  person('Rob', 'Dupuis', { addresses: [['12, Rue de la Paix', 'PARIS', '75002', 'FR']] })
);
same(
  'German street written two ways',
  person('Klaus', 'Weber', { addresses: [['Hauptstraße 5', 'München', '80331', 'DE']] }),
  person('Klaus', 'Weber', { addresses: [['Hauptstr. 5', 'Muenchen', '80331', 'DE']] })
);
same(
  'Hattie for Harriet',
  person('Harriet', 'Vane', { addresses: [['221B Baker Street', 'London', 'NW1 6XE', 'GB']] }),
  person('Hattie', 'Vane', { addresses: [['221b Baker St', 'London', 'NW16XE', 'GB']] })
);
same(
  'ordinal spelled out, apartment with #',
  person('Daniel', 'Kim', { addresses: [['350 Fifth Avenue Apt 12', 'New York', '10118', 'US']] }),
  person('Dan', 'Kim', { addresses: [['350 5th Ave #12', 'New York', '10118', 'US']] })
);
same(
  'Mary-Jane with and without hyphen',
  person('Mary-Jane', 'Watson', { addresses: [['20 Ingram Street', 'Queens', '11375', 'US']] }),
  person('Mary Jane', 'Watson', { addresses: [['20 Ingram St', 'Queens', '11375', 'US']] })
);
same(
  'Spanish address abbreviated',
  person('Lucía', 'Moreno', { addresses: [['Calle Mayor 10', 'Madrid', '28013', 'ES']] }),
  person('Lucia', 'Moreno', { addresses: [['C/ Mayor 10', 'Madrid', '28013', 'ES']] })
);
same(
  'Liz Taylor at one address',
  person('Elizabeth', 'Taylor', { addresses: [['8 Rosewood Drive', 'Austin', '78701', 'US']] }),
  person('Liz', 'Taylor', { addresses: [['8 Rosewood Dr', 'Austin', '78701', 'US']] })
);
same(
  'typo in the given name at one address',
  person('Jonathan', 'Reyes', { addresses: [['77 Sunset Blvd', 'Los Angeles', '90028', 'US']] }),
  person('Johnathan', 'Reyes', {
    addresses: [['77 Sunset Boulevard', 'Los Angeles', '90028', 'US']],
  })
);
same(
  'Italian address, accent',
  person('Niccolò', 'Ferrari', { addresses: [['Via Roma 15', 'Milano', '20121', 'IT']] }),
  person('Niccolo', 'Ferrari', { addresses: [['Via Roma, 15', 'Milano', '20121', 'IT']] })
);
same(
  'Sandy for Alexander, no postal code on one side',
  person('Alexander', 'Fraser', { addresses: [['5 Queen Street', 'Edinburgh', 'EH2 1JE', 'GB']] }),
  person('Sandy', 'Fraser', { addresses: [['5 Queen St', 'Edinburgh', '', 'GB']] })
);
same(
  'typo in the street name',
  person('Helga', 'Brandt', { addresses: [['Lindenallee 23', 'Hamburg', '20259', 'DE']] }),
  person('Helga', 'Brandt', { addresses: [['Lindenalle 23', 'Hamburg', '20259', 'DE']] })
);
same(
  'Canadian postal code spacing',
  person('Marc', 'Tremblay', {
    addresses: [['1200 Rue Sainte-Catherine', 'Montréal', 'H3B 1K9', 'CA']],
  }),
  person('Marc', 'Tremblay', {
    addresses: [['1200 rue Ste-Catherine', 'Montreal', 'H3B1K9', 'CA']],
  })
);
same(
  'Kathy for Catherine with a postal code and a date of birth',
  person('Catherine', 'Moore', {
    dob: '1964-05-22',
    addresses: [['19 Willow Lane', 'Denver', '80203', 'US']],
  }),
  person('Kathy', 'Moore', {
    dob: '1964-05-22',
    addresses: [['401 Pine St', 'Denver', '80203', 'US']],
  })
);
same(
  'Dutch particle written differently',
  person('Pieter', 'van der Berg', {
    addresses: [['Keizersgracht 100', 'Amsterdam', '1015 CV', 'NL']],
  }),
  person('Pieter', 'Van Der Berg', {
    addresses: [['Keizersgracht 100', 'Amsterdam', '1015CV', 'NL']],
  })
);
same(
  'address and phone, name reversed and a typo',
  person('Nguyen', 'Thi Mai', {
    phones: ['+84912345678'],
    addresses: [['15 Le Loi', 'Ho Chi Minh City', '700000', 'VN']],
  }),
  person('Thi Mai', 'Nguyen', {
    phones: ['+84912345678'],
    addresses: [['15 Le Loi', 'Ho Chi Minh', '700000', 'VN']],
  })
);
same(
  'Walt for Walter at one address',
  person('Walter', 'White', {
    addresses: [['308 Negra Arroyo Lane', 'Albuquerque', '87104', 'US']],
  }),
  person('Walt', 'White', { addresses: [['308 Negra Arroyo Ln', 'Albuquerque', '87104', 'US']] })
);
same(
  'nickname and a shared landline at one address',
  person('Patricia', 'Nolan', {
    phones: ['+35312345678'],
    addresses: [['9 Harbour Road', 'Howth', 'D13 XY12', 'IE']],
  }),
  person('Trish', 'Nolan', {
    phones: ['+35312345678'],
    addresses: [['9 Harbour Rd', 'Howth', 'D13XY12', 'IE']],
  })
);

// ---------------------------------------------------------------------------------------------
// People: identifiers
// ---------------------------------------------------------------------------------------------

same(
  'same external id, name in capitals and reversed',
  person('JOHN', 'SMITH', { externalId: 'SF-0031' }),
  person('Smith', 'John', { externalId: 'SF-0031' })
);
same(
  'same external id, nothing else',
  person('Anika', 'Patel', { externalId: 'HUB-77812' }),
  person('Anika', 'Patel-Shah', { externalId: 'HUB-77812' })
);
same(
  'same SSN, married name',
  person('Jessica', 'Moreno', { ssnHash: 'k1:9f2c41d0a7', dob: '1988-06-12' }),
  person('Jessica', 'Alvarez', { ssnHash: 'k1:9f2c41d0a7' })
);
same(
  'same SSN, nickname',
  person('Robert', 'King', { ssnHash: 'k1:55ab90c3e1' }),
  person('Bob', 'King', { ssnHash: 'k1:55ab90c3e1' })
);
same(
  'same SSN and date of birth',
  person('Tamika', 'Jones', { ssnHash: 'k1:03be77f2aa', dob: '1979-02-02' }),
  person('Tamika', 'Jones-Reed', { ssnHash: 'k1:03be77f2aa', dob: '1979-02-02' })
);
same(
  'same external id, different e-mails',
  person('Ben', 'Carter', { externalId: '003Dn000001XyZ', emails: ['ben@carter.io'] }),
  person('Benjamin', 'Carter', { externalId: '003Dn000001XyZ', emails: ['bcarter@gmail.com'] })
);
same(
  'same SSN, names swapped',
  person('Tran', 'Minh', { ssnHash: 'k1:71de0c9b44' }),
  person('Minh', 'Tran', { ssnHash: 'k1:71de0c9b44' })
);
same(
  'same external id, first name missing',
  person(null, 'Okonjo', { externalId: 'CRM-1002' }),
  person('Ngozi', 'Okonjo', { externalId: 'CRM-1002' })
);

// ---------------------------------------------------------------------------------------------
// People: several weaker signals together
// ---------------------------------------------------------------------------------------------

same(
  'married name, same e-mail and date of birth',
  person('Emma', 'Schneider', { dob: '1990-10-10', emails: ['emma.s@gmx.de'] }),
  person('Emma', 'Fischer', { dob: '1990-10-10', emails: ['emma.s@gmx.de'] })
);
same(
  'typos on both names with a shared phone',
  person('Katarzyna', 'Lewandowska', { phones: ['+48512345678'] }),
  person('Katarzyna', 'Lewandowsca', { phones: ['+48512345678'] })
);
same(
  'nickname, postal code and date of birth',
  person('Alfred', 'Pennyworth', { dob: '1950-04-01', addresses: [['', 'Gotham', '10001', 'US']] }),
  person('Alfie', 'Pennyworth', { dob: '1950-04-01', addresses: [['', 'Gotham', '10001', 'US']] })
);
same(
  'given name in capitals, phone and city',
  person('AHMED', 'HASSAN', { phones: ['+201001234567'], addresses: [['', 'Cairo', '', 'EG']] }),
  person('Ahmad', 'Hassan', { phones: ['+201001234567'], addresses: [['', 'Cairo', '', 'EG']] })
);
same(
  'family name as both words',
  person('Juan Carlos', 'Pérez', { phones: ['+5215512345678'] }),
  person('Juan', 'Pérez', { middle: 'Carlos', phones: ['+5215512345678'] })
);
same(
  'Jr. kept on both',
  person('Martin', 'Luther Jr.', { dob: '1929-01-15' }),
  person('Martin', 'Luther', { middle: 'Jr', dob: '1929-01-15' })
);
same(
  'title before the given name',
  person('Dr. Amara', 'Diallo', { emails: ['amara.diallo@gmail.com'] }),
  person('Amara', 'Diallo', { emails: ['amara.diallo@gmail.com'] })
);
same(
  'Greek name transliterated',
  person('Giorgos', 'Papadopoulos', { phones: ['+306912345678'] }),
  person('Yiorgos', 'Papadopoulos', { phones: ['+306912345678'] })
);
same(
  'Arabic family name spelled two ways',
  person('Fatima', 'Al Mansouri', { emails: ['fatima.m@outlook.com'] }),
  person('Fatima', 'Almansoori', { emails: ['fatima.m@outlook.com'] })
);
same(
  'Irish name, fada and nickname',
  person('Séamus', 'Ó Briain', { phones: ['+353871234567'] }),
  person('Seamus', 'O Briain', { phones: ['+353871234567'] })
);
same(
  'date of birth near, address same',
  person('Chloe', 'Martins', {
    dob: '1999-12-03',
    addresses: [['4 Rua Augusta', 'Lisboa', '1100-048', 'PT']],
  }),
  person('Chloe', 'Martins', {
    dob: '1999-12-08',
    addresses: [['4 Rua Augusta', 'Lisboa', '1100048', 'PT']],
  })
);
same(
  'Hebrew name, different e-mails but same phone',
  person('Yael', 'Friedman', { phones: ['+972521234567'], emails: ['yael@friedman.co.il'] }),
  person('Yael', 'Friedmann', { phones: ['+972521234567'], emails: ['yaelf@gmail.com'] })
);
same(
  'three-part Spanish name',
  person('María José', 'Rodríguez Vega', { emails: ['mjrodriguez@telefonica.net'] }),
  person('Maria Jose', 'Rodriguez', { emails: ['mjrodriguez@telefonica.net'] })
);
same(
  'same person with work and private phone',
  person('Lars', 'Andersson', { phones: ['+46701234567', '+4687654321'] }),
  person('Lars', 'Andersson', { phones: ['+4687654321'] })
);
same(
  'Vinny for Vincent, same e-mail',
  person('Vincent', 'Moretti', { emails: ['vmoretti@verizon.net'] }),
  person('Vinny', 'Moretti', { emails: ['vmoretti@verizon.net'] })
);
same(
  'Sepp for Josef, same landline and town',
  person('Josef', 'Huber', {
    phones: ['+43512123456'],
    addresses: [['', 'Innsbruck', '6020', 'AT']],
  }),
  person('Sepp', 'Huber', {
    phones: ['+43512123456'],
    addresses: [['', 'Innsbruck', '6020', 'AT']],
  })
);
same(
  'Swahili name, typo in the family name',
  person('Wanjiru', 'Kamau', { phones: ['+254712345678'] }),
  person('Wanjiru', 'Kamau', { phones: ['+254712345678'], dob: '1991-04-18' })
);

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

same(
  'contact e-mail in capitals',
  contact('Jane', 'Doe', 'Acme Inc.', { emails: ['jane.doe@acme.com'] }),
  contact('Jane', 'Doe', 'ACME', { emails: ['Jane.Doe@ACME.com'] })
);
same(
  'contact nickname at the same company',
  contact('Robert', 'Chen', 'Globex Corporation', { phones: ['+14155550111'] }),
  contact('Bob', 'Chen', 'Globex Corp', { phones: ['+14155550111'] })
);
same(
  'contact, same name and company, no contact data',
  contact('Priscilla', 'Vandermeer', 'Initech LLC'),
  contact('Priscilla', 'Vandermeer', 'Initech')
);
same(
  'contact with a typo and the same direct line',
  contact('Sébastien', 'Lefebvre', 'Société Générale', { phones: ['+33142141234'] }),
  contact('Sebastien', 'Lefebre', 'Societe Generale S.A.', { phones: ['+33142141234'] })
);
same(
  'contact by work e-mail domain and name',
  contact('Marta', 'Kowalski', null, { emails: ['marta.kowalski@umbrella.pl'] }),
  contact('Marta', 'Kowalski', null, { emails: ['mkowalski@umbrella.pl'] })
);
same(
  'contact swapped names at one company',
  contact('Tanaka', 'Kenji', 'Mitsubishi Corporation', { emails: ['k.tanaka@mitsubishi.co.jp'] }),
  contact('Kenji', 'Tanaka', 'Mitsubishi Corp.', { phones: ['+81332101234'] })
);
same(
  'contact, same mobile, different company spelling',
  contact('William', 'Foster', 'Foster & Partners', { phones: ['+447700900321'] }),
  contact('Will', 'Foster', 'Foster and Partners Ltd', { phones: ['+447700900321'] })
);
same(
  'contact by external id',
  contact('Ana', 'Silva', 'Petrobras', { externalId: 'C-99812' }),
  contact('Ana Paula', 'Silva', 'Petrobras S.A.', { externalId: 'C-99812' })
);
same(
  'contact, Liz and Elizabeth at one company',
  contact('Elizabeth', 'Banks', 'Wayne Enterprises', { emails: ['ebanks@wayne.com'] }),
  contact('Liz', 'Banks', 'Wayne Enterprises Inc', { emails: ['liz.banks@wayne.com'] })
);
same(
  'contact, same e-mail, company missing on one side',
  contact('Hamid', 'Karimi', 'Pars Oil', { emails: ['h.karimi@parsoil.ir'] }),
  contact('Hamid', 'Karimi', null, { emails: ['h.karimi@parsoil.ir'] })
);
same(
  'contact, middle initial on one side',
  contact('Susan', 'Park', 'Hooli', { middle: 'J', emails: ['susan.park@hooli.com'] }),
  contact('Susan', 'Park', 'Hooli Inc.', { emails: ['susan.park@hooli.com'] })
);
same(
  'contact, German company suffix',
  contact('Uli', 'Hoffmann', 'Bosch GmbH', { phones: ['+497111234567'] }),
  contact('Ulrich', 'Hoffmann', 'Bosch', { phones: ['+497111234567'] })
);
same(
  'contact, typo in the family name, same company, same domain',
  contact('Nadia', 'Benali', 'Atlas Logistics', { emails: ['nadia.benali@atlaslog.ma'] }),
  contact('Nadia', 'Benalli', 'Atlas Logistics SARL', { emails: ['n.benali@atlaslog.ma'] })
);
same(
  'contact, Meg for Margaret, same company and city',
  contact('Margaret', 'Oduya', 'Safaricom', {
    addresses: [['Waiyaki Way', 'Nairobi', '00800', 'KE']],
  }),
  contact('Meg', 'Oduya', 'Safaricom PLC', {
    addresses: [['Waiyaki Way', 'Nairobi', '00800', 'KE']],
  })
);
same(
  'contact, the same mobile, name in capitals',
  contact('PAOLO', 'CONTE', 'Enel', { phones: ['+393479876543'] }),
  contact('Paolo', 'Conte', 'Enel S.p.A.', { phones: ['+393479876543'] })
);
same(
  'contact, e-mail with a +tag',
  contact('Rachel', 'Green', 'Ralph Lauren', { emails: ['rachel.green+crm@ralphlauren.com'] }),
  contact('Rachel', 'Green', 'Ralph Lauren Corp', { emails: ['rachel.green@ralphlauren.com'] })
);

// ---------------------------------------------------------------------------------------------
// People: namesakes (only a common name in common)
// ---------------------------------------------------------------------------------------------

different(
  'John Smith and John Smith, nothing else',
  person('John', 'Smith'),
  person('John', 'Smith')
);
different(
  'John Smith, different dates of birth',
  person('John', 'Smith', { dob: '1971-03-05' }),
  person('John', 'Smith', { dob: '1988-11-23' })
);
different(
  'John Smith, different phones and e-mails',
  person('John', 'Smith', { phones: ['+12125550100'], emails: ['jsmith@gmail.com'] }),
  person('John', 'Smith', { phones: ['+13125550100'], emails: ['john.smith@yahoo.com'] })
);
different(
  'Maria Garcia, different everything',
  person('Maria', 'Garcia', {
    dob: '1980-02-02',
    phones: ['+13055550101'],
    addresses: [['10 Palm Ave', 'Miami', '33101', 'US']],
  }),
  person('Maria', 'Garcia', {
    dob: '1992-07-19',
    phones: ['+17135550102'],
    addresses: [['88 Bayou Rd', 'Houston', '77002', 'US']],
  })
);
different('Wei Zhang, nothing else', person('Wei', 'Zhang'), person('Wei', 'Zhang'));
different(
  'Mohammed Khan, different phones',
  person('Mohammed', 'Khan', { phones: ['+447700900001'] }),
  person('Mohammed', 'Khan', { phones: ['+447700900002'] })
);
different(
  'James Brown, different dates of birth and cities',
  person('James', 'Brown', { dob: '1960-05-03', addresses: [['', 'Atlanta', '30303', 'US']] }),
  person('James', 'Brown', { dob: '1979-09-12', addresses: [['', 'Chicago', '60601', 'US']] })
);
different(
  'Jim and James Brown, different dates of birth',
  person('Jim', 'Brown', { dob: '1955-01-01' }),
  person('James', 'Brown', { dob: '1983-10-21' })
);
different(
  'David Jones, different e-mails',
  person('David', 'Jones', { emails: ['djones@gmail.com'] }),
  person('David', 'Jones', { emails: ['david.jones@hotmail.co.uk'] })
);
different(
  'Nguyen Van Anh, different phones',
  person('Anh', 'Nguyen', { middle: 'Van', phones: ['+84901111111'] }),
  person('Anh', 'Nguyen', { middle: 'Van', phones: ['+84902222222'] })
);
different(
  'Ahmed Ali, same city, different dates of birth',
  person('Ahmed', 'Ali', { dob: '1990-01-01', addresses: [['', 'Birmingham', '', 'GB']] }),
  person('Ahmed', 'Ali', { dob: '1975-06-15', addresses: [['', 'Birmingham', '', 'GB']] })
);
different(
  'Hans Müller, different dates of birth and phones',
  person('Hans', 'Müller', { dob: '1948-04-04', phones: ['+49301111111'] }),
  person('Hans', 'Mueller', { dob: '1969-12-12', phones: ['+49402222222'] })
);
different(
  'Jean Martin, different e-mails and postal codes',
  person('Jean', 'Martin', {
    emails: ['jean.martin@orange.fr'],
    addresses: [['3 rue Victor Hugo', 'Lyon', '69002', 'FR']],
  }),
  person('Jean', 'Martin', {
    emails: ['jmartin@free.fr'],
    addresses: [['18 avenue Jean Jaurès', 'Toulouse', '31000', 'FR']],
  })
);
different(
  'Priya Sharma, different dates of birth',
  person('Priya', 'Sharma', { dob: '1994-02-14' }),
  person('Priya', 'Sharma', { dob: '1987-08-30' })
);
different(
  'Robert and Bob Miller, different dates of birth and phones',
  person('Robert', 'Miller', { dob: '1950-10-10', phones: ['+16125550111'] }),
  person('Bob', 'Miller', { dob: '1977-03-03', phones: ['+16125550199'] })
);
different(
  'Sarah Johnson, same city only',
  person('Sarah', 'Johnson', { addresses: [['', 'Boston', '', 'US']] }),
  person('Sarah', 'Johnson', { addresses: [['', 'Boston', '', 'US']] })
);
different(
  'Carlos Silva, different e-mails and dates of birth',
  person('Carlos', 'Silva', { dob: '1981-01-01', emails: ['csilva@uol.com.br'] }),
  person('Carlos', 'Silva', { dob: '1966-11-11', emails: ['carlos.silva@gmail.com'] })
);
different(
  'Li Wei, different dates of birth',
  person('Wei', 'Li', { dob: '1985-05-05' }),
  person('Wei', 'Li', { dob: '1990-09-09' })
);
different(
  'Michael Müller, different addresses',
  person('Michael', 'Müller', { addresses: [['Bahnhofstraße 1', 'Berlin', '10115', 'DE']] }),
  person('Michael', 'Müller', { addresses: [['Goethestraße 9', 'Köln', '50667', 'DE']] })
);
different(
  'Olga Ivanova, different phones and e-mails',
  person('Olga', 'Ivanova', { phones: ['+79031111111'], emails: ['olga.i@yandex.ru'] }),
  person('Olga', 'Ivanova', { phones: ['+79162222222'], emails: ['ivanova.olga@mail.ru'] })
);
different('Kim Min-jun, nothing else', person('Min-jun', 'Kim'), person('Min-jun', 'Kim'));
different(
  'José Rodríguez, different dates of birth, same country',
  person('José', 'Rodríguez', { dob: '1970-07-07', addresses: [['', 'Sevilla', '41001', 'ES']] }),
  person('Jose', 'Rodriguez', { dob: '1991-03-27', addresses: [['', 'Bilbao', '48001', 'ES']] })
);
different(
  'Emily Davis, different SSN',
  person('Emily', 'Davis', { ssnHash: 'k1:aa11bb22cc' }),
  person('Emily', 'Davis', { ssnHash: 'k1:dd33ee44ff' })
);
different(
  'William Taylor, same date of birth but different SSN',
  person('William', 'Taylor', { dob: '1980-01-01', ssnHash: 'k1:1234abcd00' }),
  person('William', 'Taylor', { dob: '1980-01-01', ssnHash: 'k1:9876fedc11' })
);
different(
  'Anna Kowalska, different decades of birth',
  person('Anna', 'Kowalska', { dob: '1956-06-01' }),
  person('Anna', 'Kowalska', { dob: '1986-06-01' })
);
different(
  'Mary Williams, same postal code, different dates of birth',
  person('Mary', 'Williams', { dob: '1944-04-14', addresses: [['', 'Cardiff', 'CF10 1AA', 'GB']] }),
  person('Mary', 'Williams', { dob: '1999-09-19', addresses: [['', 'Cardiff', 'CF10 1AA', 'GB']] })
);
different(
  'Juan Hernández, different phones, same city',
  person('Juan', 'Hernández', {
    phones: ['+525511111111'],
    addresses: [['', 'Ciudad de México', '', 'MX']],
  }),
  person('Juan', 'Hernández', {
    phones: ['+525522222222'],
    addresses: [['', 'Ciudad de Mexico', '', 'MX']],
  })
);
different(
  'Giulia Romano, different e-mails and phones',
  person('Giulia', 'Romano', { emails: ['giulia.romano@libero.it'], phones: ['+393311111111'] }),
  person('Giulia', 'Romano', { emails: ['g.romano@gmail.com'], phones: ['+393422222222'] })
);
different(
  'different external ids, same common name',
  person('Michael', 'Johnson', { externalId: 'SF-1' }),
  person('Michael', 'Johnson', { externalId: 'SF-2' })
);
different(
  'Fatima Zahra, different phones and cities',
  person('Fatima', 'Zahra', { phones: ['+212611111111'], addresses: [['', 'Rabat', '', 'MA']] }),
  person('Fatima', 'Zahra', {
    phones: ['+212622222222'],
    addresses: [['', 'Casablanca', '', 'MA']],
  })
);

// ---------------------------------------------------------------------------------------------
// People: family members sharing an address, a phone or a mailbox
// ---------------------------------------------------------------------------------------------

const garciaHome: Address = ['1420 Mission Street', 'San Francisco', '94103', 'US'];
different(
  'husband and wife at one address and home phone',
  person('Maria', 'Garcia', { addresses: [garciaHome], phones: ['+14155550123'] }),
  person('Jose', 'Garcia', {
    addresses: [['1420 Mission St', 'San Francisco', '94103', 'US']],
    phones: ['+14155550123'],
  })
);
different(
  'mother and son at one address',
  person('Linda', 'Nguyen', { addresses: [['77 Maple Ave', 'Seattle', '98101', 'US']] }),
  person('Kevin', 'Nguyen', { addresses: [['77 Maple Avenue', 'Seattle', '98101', 'US']] })
);
different(
  'siblings sharing a home phone',
  person('Aisha', 'Bello', { phones: ['+2348099999999'] }),
  person('Ibrahim', 'Bello', { phones: ['+2348099999999'] })
);
different(
  'spouses sharing one e-mail',
  person('Tom', 'Becker', { emails: ['familie.becker@gmx.de'] }),
  person('Anna', 'Becker', { emails: ['familie.becker@gmx.de'] })
);
different(
  'spouses sharing e-mail, phone and address',
  person('Peter', 'Hansen', {
    emails: ['hansen.home@gmail.com'],
    phones: ['+4533123456'],
    addresses: [['Nørregade 4', 'København', '1165', 'DK']],
  }),
  person('Karen', 'Hansen', {
    emails: ['hansen.home@gmail.com'],
    phones: ['+4533123456'],
    addresses: [['Norregade 4', 'Kobenhavn', '1165', 'DK']],
  })
);
different(
  'father and son of one name, different dates of birth, one address and phone',
  person('John', 'Smith', {
    dob: '1952-03-14',
    phones: ['+12155550123'],
    addresses: [['12 Walnut St', 'Philadelphia', '19106', 'US']],
  }),
  person('John', 'Smith', {
    dob: '1979-08-02',
    phones: ['+12155550123'],
    addresses: [['12 Walnut Street', 'Philadelphia', '19106', 'US']],
  })
);
different(
  'Jr. and Sr. at one address and phone',
  person('Robert', 'Davis Jr.', {
    phones: ['+17045550100'],
    addresses: [['400 Queens Rd', 'Charlotte', '28207', 'US']],
  }),
  person('Robert', 'Davis Sr.', {
    phones: ['+17045550100'],
    addresses: [['400 Queens Road', 'Charlotte', '28207', 'US']],
  })
);
different(
  'twins: same date of birth and address, different given names',
  person('Emma', 'Lindqvist', {
    dob: '2004-05-17',
    addresses: [['Storgatan 12', 'Uppsala', '753 20', 'SE']],
  }),
  person('Ella', 'Lindqvist', {
    dob: '2004-05-17',
    addresses: [['Storgatan 12', 'Uppsala', '75320', 'SE']],
  })
);
different(
  'Mario and Maria at one address',
  person('Mario', 'Rossi', {
    addresses: [['Via Garibaldi 8', 'Torino', '10122', 'IT']],
    phones: ['+39011123456'],
  }),
  person('Maria', 'Rossi', {
    addresses: [['Via Garibaldi 8', 'Torino', '10122', 'IT']],
    phones: ['+39011123456'],
  })
);
different(
  'Daniel and Daniela sharing a phone',
  person('Daniel', 'Ortega', { phones: ['+50588881234'] }),
  person('Daniela', 'Ortega', { phones: ['+50588881234'] })
);
different(
  'Louis and Louise at one address',
  person('Louis', 'Girard', { addresses: [['5 rue des Lilas', 'Nantes', '44000', 'FR']] }),
  person('Louise', 'Girard', { addresses: [['5, rue des Lilas', 'Nantes', '44000', 'FR']] })
);
different(
  'Jean and Jeanne sharing a phone and address',
  person('Jean', 'Moreau', {
    phones: ['+33240123456'],
    addresses: [['9 place du Commerce', 'Nantes', '44000', 'FR']],
  }),
  person('Jeanne', 'Moreau', {
    phones: ['+33240123456'],
    addresses: [['9 place du Commerce', 'Nantes', '44000', 'FR']],
  })
);
different(
  'Christopher and Christine at one address',
  person('Christopher', 'Hall', { addresses: [['31 Birch Lane', 'Leeds', 'LS17 7AB', 'GB']] }),
  person('Christine', 'Hall', { addresses: [['31 Birch Ln', 'Leeds', 'LS177AB', 'GB']] })
);
different(
  'Anna and Hanna, same date of birth and address (twins)',
  person('Anna', 'Schmidt', {
    dob: '1998-03-03',
    addresses: [['Gartenweg 3', 'Bonn', '53111', 'DE']],
  }),
  person('Hanna', 'Schmidt', {
    dob: '1998-03-03',
    addresses: [['Gartenweg 3', 'Bonn', '53111', 'DE']],
  })
);
different(
  'mother and daughter with a shared mailbox, different dates of birth',
  person('Maria', 'Lopez', { dob: '1961-01-20', emails: ['lopezfamily@hotmail.com'] }),
  person('Maria', 'Lopez', { dob: '1990-06-11', emails: ['lopezfamily@hotmail.com'] })
);
different(
  'brothers with a shared landline and address',
  person('Rahul', 'Gupta', {
    phones: ['+911123456789'],
    addresses: [['B-12 Lajpat Nagar', 'New Delhi', '110024', 'IN']],
  }),
  person('Rohit', 'Gupta', {
    phones: ['+911123456789'],
    addresses: [['B-12, Lajpat Nagar', 'New Delhi', '110024', 'IN']],
  })
);
different(
  'father and daughter sharing everything but the name',
  person('Kenji', 'Watanabe', {
    emails: ['watanabe.family@docomo.ne.jp'],
    phones: ['+81312345678'],
    addresses: [['1-2-3 Shibuya', 'Tokyo', '150-0002', 'JP']],
  }),
  person('Yui', 'Watanabe', {
    emails: ['watanabe.family@docomo.ne.jp'],
    phones: ['+81312345678'],
    addresses: [['1-2-3 Shibuya', 'Tokyo', '1500002', 'JP']],
  })
);
different(
  'Jon and Jan, same family, same address',
  person('Jon', 'Eriksen', { addresses: [['Kirkegata 5', 'Oslo', '0153', 'NO']] }),
  person('Jan', 'Eriksen', { addresses: [['Kirkegata 5', 'Oslo', '0153', 'NO']] })
);
different(
  'married couple, wife kept her name, shared phone',
  person('Sofia', 'Conti', {
    phones: ['+390612345678'],
    addresses: [['Via Appia 100', 'Roma', '00179', 'IT']],
  }),
  person('Marco', 'Bianchi', {
    phones: ['+390612345678'],
    addresses: [['Via Appia 100', 'Roma', '00179', 'IT']],
  })
);
different(
  'Jr. and Sr. by date of birth, one e-mail',
  person('Carlos', 'Ruiz', { dob: '1950-02-02', emails: ['ruiz.casa@gmail.com'] }),
  person('Carlos', 'Ruiz', { dob: '1982-05-05', emails: ['ruiz.casa@gmail.com'] })
);
different(
  'III and II at one address',
  person('Henry', 'Ford III', { addresses: [['1 American Rd', 'Dearborn', '48126', 'US']] }),
  person('Henry', 'Ford II', { addresses: [['1 American Road', 'Dearborn', '48126', 'US']] })
);
different(
  'cousins with the same family name in one building, different flats',
  person('Oksana', 'Kovalenko', {
    addresses: [['vul. Khreshchatyk 10, apt 4', 'Kyiv', '01001', 'UA']],
  }),
  person('Iryna', 'Kovalenko', {
    addresses: [['vul. Khreshchatyk 10, apt 7', 'Kyiv', '01001', 'UA']],
  })
);
different(
  'Paul and Paula sharing a mailbox',
  person('Paul', 'Weiss', { emails: ['weiss.home@t-online.de'] }),
  person('Paula', 'Weiss', { emails: ['weiss.home@t-online.de'] })
);
different(
  'Francis and Frances, same landline',
  person('Francis', 'Doyle', { phones: ['+35316789012'] }),
  person('Frances', 'Doyle', { phones: ['+35316789012'] })
);
different(
  'grandmother and granddaughter of one name, far dates of birth',
  person('Margaret', 'Campbell', {
    dob: '1938-11-30',
    addresses: [['6 Thistle Street', 'Glasgow', 'G1 1AA', 'GB']],
  }),
  person('Maggie', 'Campbell', {
    dob: '2001-11-30',
    addresses: [['6 Thistle St', 'Glasgow', 'G11AA', 'GB']],
  })
);
different(
  'Antonio and Antonia, same e-mail',
  person('Antonio', 'Ferreira', { emails: ['ferreira.casa@sapo.pt'] }),
  person('Antonia', 'Ferreira', { emails: ['ferreira.casa@sapo.pt'] })
);
different(
  'Alexander and Alexandra, same address',
  person('Alexander', 'Popov', { addresses: [['ul. Lenina 5', 'Moskva', '101000', 'RU']] }),
  person('Alexandra', 'Popov', { addresses: [['ul. Lenina 5', 'Moskva', '101000', 'RU']] })
);
different(
  'Emeka and Chiamaka, shared phone and e-mail',
  person('Emeka', 'Eze', { phones: ['+2348034567890'], emails: ['eze.family@yahoo.com'] }),
  person('Chiamaka', 'Eze', { phones: ['+2348034567890'], emails: ['eze.family@yahoo.com'] })
);
different(
  'Wang siblings, shared home phone',
  person('Fang', 'Wang', { phones: ['+861012345678'] }),
  person('Lei', 'Wang', { phones: ['+861012345678'] })
);
different(
  'father and son, same name, Jr. only on one side, different dates of birth',
  person('George', 'Miller', { dob: '1946-07-07', phones: ['+15035550100'] }),
  person('George', 'Miller Jr', { dob: '1975-12-12', phones: ['+15035550100'] })
);
different(
  'Julius and Julia, one address',
  person('Julius', 'Baum', { addresses: [['Rosenweg 2', 'Wien', '1010', 'AT']] }),
  person('Julia', 'Baum', { addresses: [['Rosenweg 2', 'Wien', '1010', 'AT']] })
);
different(
  'Simon and Simone, one phone',
  person('Simon', 'Keller', { phones: ['+41441234567'] }),
  person('Simone', 'Keller', { phones: ['+41441234567'] })
);
different(
  'mother and son, same initial, same address',
  person('Sandra', 'Okoye', { addresses: [['14 Marina Road', 'Lagos', '101001', 'NG']] }),
  person('Samuel', 'Okoye', { addresses: [['14 Marina Rd', 'Lagos', '101001', 'NG']] })
);

// ---------------------------------------------------------------------------------------------
// People: similar names, different people
// ---------------------------------------------------------------------------------------------

different(
  'Jon and Jan Smith, different phones',
  person('Jon', 'Smith', { phones: ['+12065550101'] }),
  person('Jan', 'Smith', { phones: ['+12065550202'] })
);
different(
  'Garcia and Garza, same given name',
  person('Luis', 'Garcia', { dob: '1980-01-01' }),
  person('Luis', 'Garza', { dob: '1992-12-12' })
);
different(
  'Katherine and Caroline Walsh',
  person('Katherine', 'Walsh', { emails: ['kwalsh@gmail.com'] }),
  person('Caroline', 'Walsh', { emails: ['cwalsh@gmail.com'] })
);
different(
  'Smith and Smyth, different cities',
  person('Adam', 'Smith', { addresses: [['', 'Edinburgh', 'EH1 1AA', 'GB']] }),
  person('Adam', 'Smyth', { addresses: [['', 'Belfast', 'BT1 1AA', 'GB']] })
);
different(
  'Brian Lee and Bryan Li, different e-mails',
  person('Brian', 'Lee', { emails: ['brian.lee@gmail.com'] }),
  person('Bryan', 'Li', { emails: ['bryan.li@gmail.com'] })
);
different(
  'Mohammed Ali and Mohammed Alvi',
  person('Mohammed', 'Ali', { phones: ['+923001234567'] }),
  person('Mohammed', 'Alvi', { phones: ['+923007654321'] })
);
different(
  'same initials only',
  person('J.', 'Kowalski', { addresses: [['', 'Warszawa', '00-001', 'PL']] }),
  person('Jan', 'Kowalski', { addresses: [['', 'Kraków', '30-001', 'PL']] })
);
different(
  'Mark and Marc Dubois, different dates of birth',
  person('Mark', 'Dubois', { dob: '1972-02-02' }),
  person('Marc', 'Dubois', { dob: '1985-05-05' })
);
different(
  'Emma and Emily Clark, same city',
  person('Emma', 'Clark', { addresses: [['', 'Bristol', '', 'GB']] }),
  person('Emily', 'Clark', { addresses: [['', 'Bristol', '', 'GB']] })
);
different(
  'Steven and Stefan Meyer',
  person('Steven', 'Meyer', { dob: '1977-07-07' }),
  person('Stefan', 'Meier', { dob: '1966-06-06' })
);
different(
  'different people, different everything',
  person('Olumide', 'Bankole', { phones: ['+2348011111111'] }),
  person('Chidi', 'Nwosu', { phones: ['+2348022222222'] })
);
different(
  'same first name, different family, same date of birth',
  person('Ana', 'Souza', { dob: '1993-09-09' }),
  person('Ana', 'Santos', { dob: '1993-09-09' })
);
different(
  'same family name and city, different given names',
  person('Yusuf', 'Demir', { addresses: [['', 'Istanbul', '', 'TR']] }),
  person('Emre', 'Demir', { addresses: [['', 'Istanbul', '', 'TR']] })
);
different(
  'same date of birth and postal code, different names',
  person('Paul', 'Roberts', { dob: '1965-03-03', addresses: [['', 'Manchester', 'M1 1AE', 'GB']] }),
  person('Peter', 'Robertson', {
    dob: '1965-03-03',
    addresses: [['', 'Manchester', 'M1 1AE', 'GB']],
  })
);
different(
  'Ivan Petrov and Ivan Petrenko',
  person('Ivan', 'Petrov', { emails: ['ipetrov@mail.ru'] }),
  person('Ivan', 'Petrenko', { emails: ['ipetrenko@ukr.net'] })
);
different(
  'Hanna and Anna Berg, different phones',
  person('Hanna', 'Berg', { phones: ['+4670000001'] }),
  person('Anna', 'Berg', { phones: ['+4670000002'] })
);
different(
  'Nicolas and Nicole Lambert, same city',
  person('Nicolas', 'Lambert', { addresses: [['', 'Bruxelles', '1000', 'BE']] }),
  person('Nicole', 'Lambert', { addresses: [['', 'Bruxelles', '1000', 'BE']] })
);
different(
  'Chen Jie and Chen Jia, different dates of birth',
  person('Jie', 'Chen', { dob: '1990-03-03' }),
  person('Jia', 'Chen', { dob: '1996-10-10' })
);
different(
  'neighbours: same street, different house numbers',
  person('Tom', 'Baker', { addresses: [['10 High Street', 'Oxford', 'OX1 4AA', 'GB']] }),
  person('Tom', 'Baker', { addresses: [['12 High Street', 'Oxford', 'OX1 4AA', 'GB']] })
);
different(
  'namesakes in one apartment building, different flats, different dates of birth',
  person('David', 'Levi', {
    dob: '1970-01-01',
    addresses: [['25 Dizengoff St Apt 3', 'Tel Aviv', '6433222', 'IL']],
  }),
  person('David', 'Levi', {
    dob: '1985-05-05',
    addresses: [['25 Dizengoff St Apt 9', 'Tel Aviv', '6433222', 'IL']],
  })
);

// ---------------------------------------------------------------------------------------------
// Contacts: colleagues and namesakes
// ---------------------------------------------------------------------------------------------

const switchboard = '+12125550000';
different(
  'colleagues sharing the switchboard',
  contact('Alice', 'Wong', 'Initrode', {
    phones: [switchboard],
    emails: ['alice.wong@initrode.com'],
  }),
  contact('Brian', 'Wong', 'Initrode', {
    phones: [switchboard],
    emails: ['brian.wong@initrode.com'],
  })
);
different(
  'colleagues with the same role address',
  contact('Paul', 'Meier', 'Stark Industries', { emails: ['sales@stark.com'] }),
  contact('Laura', 'Kent', 'Stark Industries', { emails: ['sales@stark.com'] })
);
different(
  'colleagues, same company, different names',
  contact('Omar', 'Haddad', 'Aramex', { emails: ['omar.haddad@aramex.com'] }),
  contact('Leila', 'Haddad', 'Aramex', { emails: ['leila.haddad@aramex.com'] })
);
different(
  'namesakes at different companies',
  contact('John', 'Smith', 'Acme Tools', { emails: ['john.smith@acmetools.com'] }),
  contact('John', 'Smith', 'Blue Ocean Foods', { emails: ['jsmith@blueoceanfoods.com'] })
);
different(
  'colleagues sharing the office address and switchboard',
  contact('Karl', 'Berger', 'Siemens AG', {
    phones: ['+498963600'],
    addresses: [['Werner-von-Siemens-Straße 1', 'München', '80333', 'DE']],
  }),
  contact('Eva', 'Berger', 'Siemens', {
    phones: ['+498963600'],
    addresses: [['Werner-von-Siemens-Str. 1', 'München', '80333', 'DE']],
  })
);
different(
  'colleagues, same domain, no company named',
  contact('Ravi', 'Kumar', null, { emails: ['ravi.kumar@infosys.com'] }),
  contact('Suresh', 'Kumar', null, { emails: ['suresh.kumar@infosys.com'] })
);
different(
  'namesakes at one large company, different e-mails and phones',
  contact('Michael', 'Schmidt', 'Deutsche Bank', {
    emails: ['michael.schmidt@db.com'],
    phones: ['+496991000001'],
  }),
  contact('Michael', 'Schmidt', 'Deutsche Bank AG', {
    emails: ['michael-a.schmidt@db.com'],
    phones: ['+496991000002'],
  })
);
different(
  'colleagues: Chris (Christopher) and Christina at one company switchboard',
  contact('Christopher', 'Evans', 'Marvel', { phones: ['+13105550000'] }),
  contact('Christina', 'Evans', 'Marvel', { phones: ['+13105550000'] })
);
different(
  'namesakes at different companies sharing a free-mail domain',
  contact('Sara', 'Ali', 'Emirates', { emails: ['sara.ali@gmail.com'] }),
  contact('Sara', 'Ali', 'Etisalat', { emails: ['saraali88@gmail.com'] })
);
different(
  'colleagues, first and last name swapped between different people',
  contact('Grace', 'Thomas', 'Umbrella Corp', { phones: ['+14045550000'] }),
  contact('Thomas', 'Gray', 'Umbrella Corp', { phones: ['+14045550000'] })
);
different(
  'contacts, same family name at different companies in one building',
  contact('Hugo', 'Lambert', 'Cabinet Lambert', {
    addresses: [['10 boulevard Haussmann', 'Paris', '75009', 'FR']],
  }),
  contact('Claire', 'Lambert', 'Lambert Conseil', {
    addresses: [['10 bd Haussmann', 'Paris', '75009', 'FR']],
  })
);
different(
  'contacts, same initial and family name, one company',
  contact('J.', 'Park', 'Samsung', { emails: ['j.park@samsung.com'] }),
  contact('Jisoo', 'Park', 'Samsung', { emails: ['jisoo.park@samsung.com'] })
);

// ---------------------------------------------------------------------------------------------
// A person and a business
// ---------------------------------------------------------------------------------------------

different(
  'a sole trader and his business share an e-mail and phone',
  person('Ahmed', 'Yilmaz', { emails: ['info@yilmaz-bau.de'], phones: ['+4930555111'] }),
  business('Yilmaz Bau GmbH', { emails: ['info@yilmaz-bau.de'], phones: ['+4930555111'] })
);
different(
  'an individual named like a business',
  person('Ford', 'Motor', { emails: ['ford.motor@gmail.com'] }),
  business('Ford Motor Company', { emails: ['ford.motor@gmail.com'] })
);
different(
  'a contact and a business at the same address',
  contact('Anna', 'Weber', 'Weber Design', {
    addresses: [['Marktplatz 1', 'Stuttgart', '70173', 'DE']],
  }),
  business('Weber Design', { addresses: [['Marktplatz 1', 'Stuttgart', '70173', 'DE']] })
);
different(
  'a freelancer and her company, same external id',
  person('Chloé', 'Bernard', { externalId: 'EXT-77' }),
  business('Chloé Bernard Consulting', { externalId: 'EXT-77' })
);
different(
  'an individual and a business with one phone',
  person('Kwame', 'Asante', { phones: ['+233302123456'] }),
  business('Asante Trading', { phones: ['+233302123456'] })
);

// ---------------------------------------------------------------------------------------------
// Businesses: one business written twice
// ---------------------------------------------------------------------------------------------

same(
  'legal suffix and punctuation',
  business('ACME, Inc.', { phones: ['+18005550100'] }),
  business('Acme Incorporated', { phones: ['+18005550100'] })
);
same(
  'S.A. and no suffix, same domain',
  business('Telefónica S.A.', { emails: ['contacto@telefonica.es'] }),
  business('Telefonica', { emails: ['info@telefonica.es'] })
);
same(
  'GmbH & Co. KG',
  business('Müller Logistik GmbH & Co. KG', { phones: ['+494012345600'] }),
  business('Mueller Logistik', { phones: ['+494012345600'] })
);
same(
  '& and "and"',
  business('Smith & Sons Ltd', { emails: ['office@smithandsons.co.uk'] }),
  business('Smith and Sons Limited', { emails: ['accounts@smithandsons.co.uk'] })
);
same(
  'acronym and the same domain',
  business('IBM', { emails: ['procurement@ibm.com'] }),
  business('International Business Machines Corporation', { emails: ['info@ibm.com'] })
);
same(
  'leading "The" and "Company"',
  business('The Coca-Cola Company', { phones: ['+14046762121'] }),
  business('Coca Cola', { phones: ['+14046762121'] })
);
same(
  'typo in the name, same address',
  business('Northwind Traders', { addresses: [['1 Harbour Way', 'Seattle', '98104', 'US']] }),
  business('Northwnd Traders', { addresses: [['1 Harbour Way', 'Seattle', '98104', 'US']] })
);
same(
  'S.p.A. and accents',
  business('Caffè Vergnano S.p.A.', { emails: ['info@caffevergnano.com'] }),
  business('Caffe Vergnano', { emails: ['ordini@caffevergnano.com'] })
);
same(
  'SARL and capitals, same phone',
  business('BOULANGERIE DUVAL SARL', { phones: ['+33145678901'] }),
  business('Boulangerie Duval', { phones: ['+33145678901'] })
);
same(
  'B.V. with dots',
  business('Van Leeuwen B.V.', { emails: ['sales@vanleeuwen.nl'] }),
  business('Van Leeuwen BV', { emails: ['info@vanleeuwen.nl'] })
);
same(
  'LLC and the same street address',
  business('Blue Ridge Landscaping LLC', {
    addresses: [['455 Mountain View Rd', 'Asheville', '28801', 'US']],
  }),
  business('Blue Ridge Landscaping', {
    addresses: [['455 Mountain View Road', 'Asheville', '28801', 'US']],
  })
);
same(
  'Pty Ltd and the same phone',
  business('Koala Solar Pty Ltd', { phones: ['+61291234567'] }),
  business('Koala Solar', { phones: ['+61291234567'] })
);
same(
  'one letter missing and the same phone',
  business('Globex Corporation', { phones: ['+15035550123'] }),
  business('Globx Corp', { phones: ['+15035550123'] })
);
same(
  'the same external id',
  business('Initech', { externalId: 'ACC-00042' }),
  business('Initech Software Inc', { externalId: 'ACC-00042' })
);
same(
  'Ltda and accent',
  business('Construtora São Paulo Ltda', { emails: ['contato@construtorasp.com.br'] }),
  business('Construtora Sao Paulo', { emails: ['vendas@construtorasp.com.br'] })
);
same(
  'same name, same city and domain',
  business('Hudson Valley Dental', {
    emails: ['frontdesk@hudsonvalleydental.com'],
    addresses: [['', 'Poughkeepsie', '12601', 'US']],
  }),
  business('Hudson Valley Dental PLLC', {
    emails: ['billing@hudsonvalleydental.com'],
    addresses: [['', 'Poughkeepsie', '12601', 'US']],
  })
);
same(
  'same mailbox and similar name',
  business('Sunrise Bakery & Café', { emails: ['hello@sunrisebakery.com'] }),
  business('Sunrise Bakery and Cafe Ltd.', { emails: ['Hello@SunriseBakery.com'] })
);
same(
  'same name and address, different phones',
  business('Osaka Sushi House', {
    phones: ['+12125550190'],
    addresses: [['88 Mott Street', 'New York', '10013', 'US']],
  }),
  business('Osaka Sushi House', {
    phones: ['+12125550191'],
    addresses: [['88 Mott St', 'New York', '10013', 'US']],
  })
);
same(
  'AG and the same domain',
  business('Zürcher Kantonalbank AG', { emails: ['info@zkb.ch'] }),
  business('Zurcher Kantonalbank', { emails: ['kontakt@zkb.ch'] })
);
same(
  'S.A. de C.V. and the same phone',
  business('Grupo Bimbo S.A. de C.V.', { phones: ['+525552686600'] }),
  business('Grupo Bimbo', { phones: ['+525552686600'] })
);
same(
  'plural and singular, same phone',
  business('Precision Tools Inc', { phones: ['+13135550123'] }),
  business('Precision Tool', { phones: ['+13135550123'] })
);
same(
  'words run together, same domain',
  business('Micro Soft Solutions', { emails: ['info@microsoftsolutions.co.za'] }),
  business('MicroSoft Solutions (Pty) Ltd', { emails: ['sales@microsoftsolutions.co.za'] })
);
same(
  'name extended with a descriptor, same phone and domain',
  business('Patagonia', { phones: ['+18056432616'], emails: ['orders@patagonia.com'] }),
  business('Patagonia Outdoor', { phones: ['+18056432616'], emails: ['info@patagonia.com'] })
);
same(
  'Corp and Corporation, same address',
  business('Tyrell Corp', { addresses: [['2019 Pyramid Blvd', 'Los Angeles', '90012', 'US']] }),
  business('Tyrell Corporation', {
    addresses: [['2019 Pyramid Boulevard', 'Los Angeles', '90012', 'US']],
  })
);
same(
  'apostrophe and the same phone',
  business("McDonald's", { phones: ['+16306233000'] }),
  business('McDonalds Corporation', { phones: ['+16306233000'] })
);
same(
  'Oy and the same domain',
  business('Nokia Oyj', { emails: ['press@nokia.com'] }),
  business('Nokia', { emails: ['info@nokia.com'] })
);
same(
  'same name, same postal code, same domain',
  business('Alpine Ski Rentals', {
    emails: ['rent@alpineski.at'],
    addresses: [['', 'Innsbruck', '6020', 'AT']],
  }),
  business('Alpine Ski Rental GmbH', {
    emails: ['info@alpineski.at'],
    addresses: [['', 'Innsbruck', '6020', 'AT']],
  })
);
same(
  'typo in a long name, same domain',
  business('Consolidated Freightways', { emails: ['info@cfways.com'] }),
  business('Consolidated Frieghtways', { emails: ['dispatch@cfways.com'] })
);
same(
  'e-mail domain with different local parts, same name',
  business('Pied Piper', { emails: ['richard@piedpiper.com'] }),
  business('Pied Piper Inc.', { emails: ['erlich@piedpiper.com'] })
);
same(
  'Japanese company, Kabushiki Kaisha',
  business('Sony K.K.', { phones: ['+81367482111'] }),
  business('Sony', { phones: ['+81367482111'] })
);
same(
  'Swedish AB, same address',
  business('Fjällräven AB', { addresses: [['Box 1', 'Örnsköldsvik', '891 22', 'SE']] }),
  business('Fjallraven', { addresses: [['Box 1', 'Ornskoldsvik', '89122', 'SE']] })
);
same(
  'Polish sp. z o.o. style, same phone',
  business('Krakowskie Meble', { phones: ['+48122345678'] }),
  business('Krakowskie Meble Sp. z o.o.', { phones: ['+48122345678'] })
);
same(
  'ampersand acronym of a two-word name',
  business('Procter & Gamble', { emails: ['pr@pg.com'] }),
  business('P&G', { emails: ['info@pg.com'] })
);

// ---------------------------------------------------------------------------------------------
// Businesses: look-alikes
// ---------------------------------------------------------------------------------------------

different(
  'Acme Tools and Acme Foods',
  business('Acme Tools', { emails: ['sales@acmetools.com'], phones: ['+18005550101'] }),
  business('Acme Foods', { emails: ['orders@acmefoods.com'], phones: ['+18005550202'] })
);
different(
  'same first word, different businesses',
  business('First National Bank', { emails: ['info@fnb.com'] }),
  business('First National Insurance', { emails: ['info@fni.com'] })
);
different(
  'same name in different cities, different domains and phones',
  business('Acme Plumbing', {
    emails: ['service@acmeplumbing-oh.com'],
    phones: ['+16145550100'],
    addresses: [['', 'Columbus', '43215', 'US']],
  }),
  business('Acme Plumbing', {
    emails: ['info@acmeplumbingtx.com'],
    phones: ['+12145550100'],
    addresses: [['', 'Dallas', '75201', 'US']],
  })
);
different(
  'sister companies sharing a domain',
  business('Siemens Healthineers', { emails: ['contact@siemens.com'] }),
  business('Siemens Energy', { emails: ['info@siemens.com'] })
);
different(
  'tenants of one building',
  business('Harbor Legal LLP', {
    addresses: [['100 Pine Street Suite 1200', 'San Francisco', '94111', 'US']],
  }),
  business('Bayview Dental Group', {
    addresses: [['100 Pine Street Suite 1200', 'San Francisco', '94111', 'US']],
  })
);
different(
  'clients of one accountant sharing her phone',
  business('Rosewood Florists', { phones: ['+441632960999'] }),
  business('Kestrel Building Services', { phones: ['+441632960999'] })
);
different(
  'Johnson & Johnson and Johnson Controls',
  business('Johnson & Johnson', { emails: ['info@jnj.com'] }),
  business('Johnson Controls', { emails: ['info@jci.com'] })
);
different(
  'Bell Labs and Dell Labs, different phones',
  business('Bell Labs', { phones: ['+19085820000'] }),
  business('Dell Labs', { phones: ['+15122890000'] })
);
different(
  'same generic name, nothing else',
  business('Golden Dragon Restaurant'),
  business('Golden Dragon Restaurant')
);
different(
  'different brands of one group in different cities',
  business('Marriott Downtown Chicago', {
    phones: ['+13128366000'],
    addresses: [['', 'Chicago', '60611', 'US']],
  }),
  business('Marriott Marquis San Diego', {
    phones: ['+16192341500'],
    addresses: [['', 'San Diego', '92101', 'US']],
  })
);
different(
  'Apple and Apple Leisure Group',
  business('Apple Inc.', { emails: ['info@apple.com'] }),
  business('Apple Leisure Group', { emails: ['info@alg.com'] })
);
different(
  'Delta Air Lines and Delta Faucet',
  business('Delta Air Lines', { phones: ['+14047152600'] }),
  business('Delta Faucet Company', { phones: ['+18003458582'] })
);
different(
  'one word apart, different domains',
  business('Green Valley Farms', { emails: ['hello@greenvalleyfarms.com'] }),
  business('Green Valley Foods', { emails: ['hello@greenvalleyfoods.com'] })
);
different(
  'same street, different businesses',
  business('Main Street Bakery', { addresses: [['12 Main Street', 'Springfield', '62701', 'US']] }),
  business('Main Street Barbers', { addresses: [['14 Main Street', 'Springfield', '62701', 'US']] })
);
different(
  'same name, different countries, different domains',
  business('Atlas Consulting', {
    emails: ['info@atlasconsulting.de'],
    addresses: [['', 'Berlin', '10115', 'DE']],
  }),
  business('Atlas Consulting', {
    emails: ['info@atlasconsulting.com.au'],
    addresses: [['', 'Sydney', '2000', 'AU']],
  })
);
different(
  'shared co-working space phone and address',
  business('Pixel Forge Studio', {
    phones: ['+442079460000'],
    addresses: [['1 Old Street', 'London', 'EC1V 9HL', 'GB']],
  }),
  business('Brightline Analytics', {
    phones: ['+442079460000'],
    addresses: [['1 Old St', 'London', 'EC1V9HL', 'GB']],
  })
);
different(
  'similar names, one registered agent address',
  business('Quantum Holdings LLC', {
    addresses: [['1209 Orange Street', 'Wilmington', '19801', 'US']],
  }),
  business('Quantum Ventures LLC', { addresses: [['1209 Orange St', 'Wilmington', '19801', 'US']] })
);
different(
  'same free-mail domain is no evidence',
  business('Riverside Cleaners', { emails: ['riversidecleaners@gmail.com'] }),
  business('Riverside Caterers', { emails: ['riversidecaterers@gmail.com'] })
);
different(
  'Banco Santander and Santander Consumer, different phones',
  business('Banco Santander S.A.', { phones: ['+34912890000'] }),
  business('Santander Consumer Finance', { phones: ['+34913000000'] })
);
different(
  'subsidiary and parent, different domains',
  business('Amazon Web Services', { emails: ['aws@amazon.com'] }),
  business('Amazon Logistics', { emails: ['logistics@amazonlogistics.com'] })
);
different(
  'franchisees, same brand, different addresses and phones',
  business('Subway', {
    phones: ['+16175550100'],
    addresses: [['1 Boylston St', 'Boston', '02116', 'US']],
  }),
  business('Subway', {
    phones: ['+16175550200'],
    addresses: [['500 Commonwealth Ave', 'Boston', '02215', 'US']],
  })
);
different(
  'different external ids, similar names',
  business('Northstar Logistics', { externalId: 'ACC-1' }),
  business('Northstar Logistic', { externalId: 'ACC-2' })
);
different(
  'acronym clash with different domains',
  business('BMW', { emails: ['info@bmw.de'] }),
  business('Bavarian Mortgage Works', { emails: ['info@bmworks.com'] })
);
different(
  'Alpha Tech and Alfa Tech in different countries',
  business('Alpha Tech', { emails: ['info@alphatech.us'], phones: ['+12125559999'] }),
  business('Alfa Tech', { emails: ['info@alfatech.it'], phones: ['+390212345678'] })
);
different(
  'same shared services phone, different names',
  business('Lakeside Pediatrics', { phones: ['+16125551000'] }),
  business('Lakeside Orthopedics', { phones: ['+16125551000'] })
);
different(
  'one is a department of a university, other another',
  business('Stanford Medicine', { emails: ['info@med.stanford.edu'] }),
  business('Stanford Law School', { emails: ['info@law.stanford.edu'] })
);
different(
  'same family name, different trades',
  business('Schmidt Elektrotechnik GmbH', { phones: ['+49891111111'] }),
  business('Schmidt Sanitär GmbH', { phones: ['+49892222222'] })
);
different(
  'same generic name, same city, different phones',
  business('City Taxi', { phones: ['+33611111111'], addresses: [['', 'Lyon', '69001', 'FR']] }),
  business('City Taxi', { phones: ['+33622222222'], addresses: [['', 'Lyon', '69003', 'FR']] })
);

// ---------------------------------------------------------------------------------------------
// More of every kind
// ---------------------------------------------------------------------------------------------

same(
  'Mike for Michael, apostrophe, same phone',
  person('Michael', "O'Leary", { phones: ['+35315551234'] }),
  person('Mike', 'OLeary', { phones: ['+35315551234'] })
);
same(
  'long Spanish given name shortened, same e-mail',
  person('María de los Ángeles', 'Pérez', { emails: ['angeles.perez@gmail.com'] }),
  person('Maria', 'Perez', { emails: ['angeles.perez@gmail.com'] })
);
same(
  'date of birth on one side only, same phone and name',
  person('Fiona', 'Gallagher', { phones: ['+13125550177'], dob: '1991-05-01' }),
  person('Fiona', 'Gallagher', { phones: ['+13125550177'] })
);
same(
  'typo in the given name, same e-mail',
  person('Gabriela', 'Ruiz', { emails: ['gabyruiz@hotmail.com'] }),
  person('Grabiela', 'Ruiz', { emails: ['gabyruiz@hotmail.com'] })
);
same(
  'middle initial on one side, same date of birth',
  person('Thomas', 'Anderson', { middle: 'A.', dob: '1971-03-11' }),
  person('Thomas', 'Anderson', { dob: '1971-03-11' })
);
same(
  'Kasia for Katarzyna, same phone',
  person('Katarzyna', 'Zielińska', { phones: ['+48600111222'] }),
  person('Kasia', 'Zielinska', { phones: ['+48600111222'] })
);
same(
  'Misha for Mikhail, same e-mail',
  person('Mikhail', 'Sokolov', { emails: ['m.sokolov@yandex.ru'] }),
  person('Misha', 'Sokolov', { emails: ['m.sokolov@yandex.ru'] })
);
same(
  'Chuck for Charles, same address',
  person('Charles', 'Bennett', { addresses: [['1600 Elm Ave', 'Dallas', '75201', 'US']] }),
  person('Chuck', 'Bennett', { addresses: [['1600 Elm Avenue', 'Dallas', '75201', 'US']] })
);
same(
  'Rich for Richard, same e-mail, different phones',
  person('Richard', 'Nakamura', { emails: ['rnakamura@gmail.com'], phones: ['+14085550101'] }),
  person('Rich', 'Nakamura', { emails: ['rnakamura@gmail.com'], phones: ['+14085550199'] })
);
same(
  'Arabic name, transliteration, same date of birth',
  person('Youssef', 'El Amrani', { dob: '1987-12-05' }),
  person('Yusuf', 'Elamrani', { dob: '1987-12-05' })
);
same(
  'family name typo, same date of birth and city',
  person('Bernadette', 'Fitzpatrick', { dob: '1963-09-17', addresses: [['', 'Cork', '', 'IE']] }),
  person('Bernadette', 'Fitzpatrik', { dob: '1963-09-17', addresses: [['', 'Cork', '', 'IE']] })
);
same(
  'Kike for Enrique, same mobile',
  person('Enrique', 'Navarro', { phones: ['+34655443322'] }),
  person('Kike', 'Navarro', { phones: ['+34655443322'] })
);
same(
  'Hindi name, reversed, same e-mail',
  person('Arjun', 'Mehta', { emails: ['arjun.mehta@rediffmail.com'] }),
  person('Mehta', 'Arjun', { emails: ['arjun.mehta@rediffmail.com'] })
);
same(
  'ß written as ss, same address',
  person('Günther', 'Strauß', { addresses: [['Schillerstraße 7', 'Dresden', '01069', 'DE']] }),
  person('Gunther', 'Strauss', { addresses: [['Schillerstr. 7', 'Dresden', '01069', 'DE']] })
);
same(
  'same SSN, typo in the given name',
  person('Marisol', 'Delgado', { ssnHash: 'k1:c0ffee1234' }),
  person('Marisole', 'Delgado', { ssnHash: 'k1:c0ffee1234' })
);
same(
  'Teddy for Theodore, same phone and postal code',
  person('Theodore', 'Roosevelt', {
    phones: ['+15165550101'],
    addresses: [['', 'Oyster Bay', '11771', 'US']],
  }),
  person('Teddy', 'Roosevelt', {
    phones: ['+15165550101'],
    addresses: [['', 'Oyster Bay', '11771', 'US']],
  })
);
same(
  'Sue for Susan, same address, no postal code',
  person('Susan', 'Whitmore', { addresses: [['3 Kings Road', 'Brighton', '', 'GB']] }),
  person('Sue', 'Whitmore', { addresses: [['3 Kings Rd', 'Brighton', '', 'GB']] })
);
same(
  'Nigerian name, same phone, family name typo',
  person('Chukwuemeka', 'Obi', { phones: ['+2348051234567'] }),
  person('Chukwuemeka', 'Obih', { phones: ['+2348051234567'] })
);
same(
  'contact, same direct line, nickname',
  contact('Timothy', 'Cook', 'Apple', { phones: ['+14089961010'] }),
  contact('Tim', 'Cook', 'Apple Inc.', { phones: ['+14089961010'] })
);
same(
  'contact, same mailbox, family name typo',
  contact('Ingrid', 'Johansson', 'Volvo Cars', { emails: ['ingrid.johansson@volvocars.com'] }),
  contact('Ingrid', 'Johanson', 'Volvo Car Corporation', {
    emails: ['ingrid.johansson@volvocars.com'],
  })
);
same(
  'contact, no company on either, same mobile',
  contact('Rafael', 'Souza', null, { phones: ['+5511987654321'] }),
  contact('Rafa', 'Souza', null, { phones: ['+5511987654321'] })
);
same(
  'business, typo and the same domain',
  business('Evergreen Landscaping', { emails: ['info@evergreenlandscaping.ca'] }),
  business('Evergreen Landscapping Ltd.', { emails: ['office@evergreenlandscaping.ca'] })
);
same(
  'business, Deutsche Telekom AG',
  business('Deutsche Telekom AG', { emails: ['info@telekom.de'] }),
  business('Deutsche Telekom', { emails: ['presse@telekom.de'] })
);
same(
  'business, accents and S.A., same phone',
  business('Société Générale S.A.', { phones: ['+33142142000'] }),
  business('Societe Generale', { phones: ['+33142142000'] })
);
same(
  'business, apostrophe and ampersand, same phone',
  business("Joe's Pizza & Pasta", { phones: ['+17185550123'] }),
  business('Joes Pizza and Pasta', { phones: ['+17185550123'] })
);
same(
  'business, same name and street address, one with suite',
  business('Redwood Capital Partners', {
    addresses: [['555 California St Suite 400', 'San Francisco', '94104', 'US']],
  }),
  business('Redwood Capital Partners LP', {
    addresses: [['555 California Street', 'San Francisco', '94104', 'US']],
  })
);
same(
  'business, Inc. and Incorporated, same domain',
  business('Brightside Health Inc.', { emails: ['care@brightsidehealth.com'] }),
  business('Brightside Health Incorporated', { emails: ['billing@brightsidehealth.com'] })
);
same(
  'business, capitals and LLP, same phone',
  business('HARGREAVES & PARTNERS LLP', { phones: ['+442071234567'] }),
  business('Hargreaves and Partners', { phones: ['+442071234567'] })
);

different(
  'namesakes, same postal code, different dates of birth',
  person('Jennifer', 'Wilson', { dob: '1970-10-10', addresses: [['', 'Columbus', '43215', 'US']] }),
  person('Jennifer', 'Wilson', { dob: '1995-02-20', addresses: [['', 'Columbus', '43215', 'US']] })
);
different(
  'long Spanish given name, different dates of birth',
  person('María de los Ángeles', 'Pérez', { dob: '1960-01-01' }),
  person('Maria', 'Perez', { dob: '1984-04-04' })
);
different(
  'assistant’s mailbox on two executives',
  person('Howard', 'Stark', { emails: ['office.stark@gmail.com'] }),
  person('Maria', 'Carbonell', { emails: ['office.stark@gmail.com'] })
);
different(
  'father and son by date of birth, one e-mail and phone',
  person('Luis', 'Fernández', {
    dob: '1948-08-08',
    emails: ['fernandez.familia@gmail.com'],
    phones: ['+34915551234'],
  }),
  person('Luis', 'Fernandez', {
    dob: '1976-03-15',
    emails: ['fernandez.familia@gmail.com'],
    phones: ['+34915551234'],
  })
);
different(
  'husband and wife, same address, one family name hyphenated',
  person('Claire', 'Dubois-Martin', { addresses: [['14 rue Oberkampf', 'Paris', '75011', 'FR']] }),
  person('Thomas', 'Martin', { addresses: [['14 rue Oberkampf', 'Paris', '75011', 'FR']] })
);
different(
  'Eric and Erica, same phone',
  person('Eric', 'Johansson', { phones: ['+46812345678'] }),
  person('Erica', 'Johansson', { phones: ['+46812345678'] })
);
different(
  'Robert and Roberta at one address',
  person('Robert', 'Lang', { addresses: [['88 River Rd', 'Portland', '04101', 'US']] }),
  person('Roberta', 'Lang', { addresses: [['88 River Road', 'Portland', '04101', 'US']] })
);
different(
  'namesakes with the same date of birth year, different months',
  person('Ali', 'Hassan', { dob: '1990-01-15' }),
  person('Ali', 'Hassan', { dob: '1990-08-27' })
);
different(
  'brother and sister, twins, same phone',
  person('Kwame', 'Boateng', { dob: '2000-06-06', phones: ['+233244123456'] }),
  person('Ama', 'Boateng', { dob: '2000-06-06', phones: ['+233244123456'] })
);
different(
  'nickname namesakes, different e-mails and phones',
  person('Bill', 'Thompson', { emails: ['billt@aol.com'], phones: ['+17135550101'] }),
  person('William', 'Thompson', { emails: ['w.thompson@gmail.com'], phones: ['+12145550202'] })
);
different(
  'same given name, family names alike, different cities',
  person('Pavel', 'Novak', { addresses: [['', 'Praha', '110 00', 'CZ']] }),
  person('Pavel', 'Novotny', { addresses: [['', 'Brno', '602 00', 'CZ']] })
);
different(
  'contacts: colleagues sharing a role mailbox and switchboard',
  contact('Hiro', 'Sato', 'Toyota Tsusho', {
    emails: ['info@toyota-tsusho.com'],
    phones: ['+81526123456'],
  }),
  contact('Aiko', 'Sato', 'Toyota Tsusho', {
    emails: ['info@toyota-tsusho.com'],
    phones: ['+81526123456'],
  })
);
different(
  'contacts: same name at unrelated companies, same city',
  contact('David', 'Brown', 'Brown Plumbing', { addresses: [['', 'Leeds', '', 'GB']] }),
  contact('David', 'Brown', 'Yorkshire Water', { addresses: [['', 'Leeds', '', 'GB']] })
);
different(
  'contacts: colleagues with different names, same company domain',
  contact('Lena', 'Fischer', 'SAP', { emails: ['lena.fischer@sap.com'] }),
  contact('Jonas', 'Fischer', 'SAP SE', { emails: ['jonas.fischer@sap.com'] })
);
different(
  'business: United Airlines and United Rentals, same city',
  business('United Airlines', { addresses: [['', 'Chicago', '60606', 'US']] }),
  business('United Rentals', { addresses: [['', 'Chicago', '60606', 'US']] })
);
different(
  'business: same owner family name, different shops, same street',
  business('Patel Pharmacy', { addresses: [['21 High Street', 'Leicester', 'LE1 4FP', 'GB']] }),
  business('Patel Grocers', { addresses: [['23 High Street', 'Leicester', 'LE1 4FP', 'GB']] })
);
different(
  'business: similar names, shared virtual office phone',
  business('Nova Analytics', { phones: ['+13125550900'] }),
  business('Nova Logistics', { phones: ['+13125550900'] })
);
different(
  'business: different companies named after one place, different domains',
  business('Brooklyn Brewery', { emails: ['info@brooklynbrewery.com'] }),
  business('Brooklyn Bagels', { emails: ['hello@brooklynbagels.nyc'] })
);
different(
  'business: Meta Platforms and Metabase',
  business('Meta Platforms, Inc.', { emails: ['press@meta.com'] }),
  business('Metabase', { emails: ['hello@metabase.com'] })
);
different(
  'business: same acronym-like short names, different domains and phones',
  business('ABC Plumbing', { emails: ['info@abcplumbing.com'], phones: ['+16025550100'] }),
  business('ABC Roofing', { emails: ['info@abcroofing.com'], phones: ['+16025550200'] })
);

export const LABELLED_PAIRS: readonly LabelledPair[] = pairs;

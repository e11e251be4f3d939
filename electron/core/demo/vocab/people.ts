// People: customers' contacts, and Helio's own staff who own accounts, deals and approvals.

export const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amelia', 'Ana', 'Arjun', 'Astrid', 'Ben', 'Camila', 'Chen', 'Chloe', 'Daniel', 'David',
  'Elena', 'Emma', 'Fatima', 'Felix', 'Gabriel', 'Grace', 'Hannah', 'Hiroshi', 'Ines', 'Isabel', 'Jakob', 'James',
  'Jin', 'Julia', 'Karan', 'Kenji', 'Laura', 'Lea', 'Liam', 'Lucas', 'Maria', 'Mateo', 'Mei', 'Mia', 'Mohammed',
  'Nadia', 'Noah', 'Olivia', 'Omar', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Sara', 'Sofia', 'Sven', 'Tariq', 'Thomas',
  'Valentina', 'Wei', 'Yuki', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Adeyemi', 'Andersson', 'Bauer', 'Bianchi', 'Brown', 'Chen', 'Costa', 'Dubois', 'Eriksen', 'Fernandez', 'Fischer',
  'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Hernandez', 'Ito', 'Jansen', 'Johnson', 'Kim', 'Kowalski', 'Kumar', 'Lee',
  'Lopez', 'Martin', 'Meyer', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Oliveira', 'Patel',
  'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor', 'Walker', 'Wang',
  'Weber', 'Williams', 'Wong', 'Yilmaz',
] as const;

/** Helio's customer-success managers; enterprise accounts go to the seniors first. */
export const CSMS = [
  'Dana Whitfield',
  'Marco Bellini',
  'Priya Raman',
  'Tom Okoro',
  'Sophie Laurent',
  'Kevin Zhang',
  'Lucia Moreno',
] as const;
export const SENIOR_CSMS = CSMS.slice(0, 3);

/** Helio's account executives, who open deals and request references. */
export const ACCOUNT_EXECUTIVES = [
  'Ryan Cole',
  'Hanna Berg',
  'Diego Ramos',
  'Aiko Sato',
  'Nora Quinn',
  'Samuel Osei',
  'Clara Vidal',
  'Ethan Brooks',
] as const;

/** Helio's reference and customer-marketing team, who run the programme and approve stories. */
export const MARKETING = ['Ingrid Holm', 'Jamal Wright'] as const;
export const LEGAL = ['Beatrice Adler'] as const;

export function personName(first: number, last: number): { name: string; emailLocal: string } {
  const given = FIRST_NAMES[first % FIRST_NAMES.length]!;
  const family = LAST_NAMES[last % LAST_NAMES.length]!;
  return { name: `${given} ${family}`, emailLocal: `${given}.${family}`.toLowerCase() };
}

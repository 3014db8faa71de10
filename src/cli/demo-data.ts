import type { PatientInput, Sex } from '../domain/patient';

/** Deterministic pseudo-random numbers (mulberry32): the demo clinic is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fictional names from many scripts and traditions, so the demo shows names print exactly. */
const familyNames = [
  'Ruiz',
  'Okafor',
  'Nguyen',
  'Kowalski',
  'Żółć',
  'Ångström',
  'Müller',
  'O’Brien',
  'Haddad',
  'Tanaka',
  'Papadopoulos',
  'García Márquez',
  'Johansson',
  'Novák',
  'Silva',
  'Cohen',
  'Kim',
  'Singh',
  'Mbeki',
  'Dubois',
  'Rossi',
  'Jansen',
  'Fernández',
  'Larsen',
  'Petrović',
  'Öztürk',
  'Lefèvre',
  'Walker',
  'Brown',
  'Chen',
  '王',
  '李',
  '佐藤',
  'Иванова',
  'Δημητρίου',
  'العلي',
  'Mac an tSaoir',
  'Nakamura',
  'Hernández',
  'Łukaszewicz',
];
const givenNames: Record<'female' | 'male', string[]> = {
  female: [
    'Ana María',
    'Zoë',
    'Chiamaka',
    'Mai',
    'Agnieszka',
    'Ingrid',
    'Siobhán',
    'Leila',
    'Yuki',
    'Eleni',
    'Aoife',
    'Noémie',
    'Amara',
    'Sofía',
    'Hana',
    'Priya',
    'Olga',
    'عائشة',
    '小明',
    'Renée',
  ],
  male: [
    'Łukasz',
    'José',
    'Chinedu',
    'Minh',
    'Björn',
    'Jürgen',
    'Seán',
    'Omar',
    'Kenji',
    'Nikos',
    'Mateo',
    'Thabo',
    'Étienne',
    'Luca',
    'Lars',
    'Dmitri',
    'Arjun',
    'David',
    'Hiroshi',
    'Emre',
  ],
};
const allergyOptions = ['Penicillin', 'Latex', 'Sulfonamides', 'Codeine', 'Peanuts', 'Iodinated contrast'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `count` fictional patients with unique MRNs (DEMO-00001 …). */
export function demoPatients(count: number, seed = 20261123): PatientInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const sex: Sex = random() < 0.55 ? 'female' : 'male';
    const year = 1940 + Math.floor(random() * 66);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const allergyRoll = random();
    const given = pick(random, givenNames[sex]);
    return {
      mrn: `DEMO-${String(index + 1).padStart(5, '0')}`,
      familyName: pick(random, familyNames),
      givenNames: given,
      preferredName: random() < 0.1 ? (given.split(' ')[0] ?? '') : '',
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      phone: `555-01${String(Math.floor(random() * 100)).padStart(2, '0')}`,
      emergencyContact:
        random() < 0.7
          ? {
              name: `${pick(random, givenNames.female)} ${pick(random, familyNames)}`,
              relationship: 'Spouse',
              phone: '555-0199',
            }
          : null,
      allergies:
        allergyRoll < 0.2
          ? { status: 'not-recorded' }
          : allergyRoll < 0.7
            ? { status: 'none-known' }
            : { status: 'recorded', items: [pick(random, allergyOptions)] },
    };
  });
}

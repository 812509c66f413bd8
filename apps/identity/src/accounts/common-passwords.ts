import { createRequire } from 'node:module';
import { canonicalizeIdentifier } from './canonical-identifier.ts';

/**
 * Blocklist of common and breached passwords (NIST SP 800-63B-4 §3.1.1.2, G-34, ASVS 6.2.4).
 *
 * Source: the `passwords-common` dictionary of `@zxcvbn-ts/language-common` (MIT, ≈ 49,000
 * passwords ranked by frequency in public breach corpora), plus the French and European
 * supplement below, written for this project (the portal's users are mostly French speakers).
 * Entries are stored in the same comparison form as the candidate: `canonicalizeIdentifier`
 * (NFKC, case-folded, trimmed), so `Password`, `PASSWORD` and `ｐａｓｓｗｏｒｄ` all match.
 */
const SUPPLEMENT: readonly string[] = [
  'azerty1234',
  'azer1234',
  '1234azer',
  '123azerty',
  'azertyuiop1',
  'azerty123456',
  'poiuytreza',
  'wxcvbn123',
  'qwertzuiop',
  'qwertz123',
  'motdepasse1',
  'motdepasse123',
  'motdepasse!',
  'mot2passe',
  'mdp12345',
  'jetaime1',
  'jetaime123',
  'jetaimemonamour',
  'je t aime',
  'doudou123',
  'soleil123',
  '123soleil',
  'bonjour123',
  'bonjour1',
  'loulou123',
  'chouchou1',
  'coucou123',
  'marseille13',
  'allezlom',
  'olympique',
  'psg12345',
  'france123',
  'lyon1234',
  'nantes44',
  'printemps',
  'mamanpapa',
  'maman123',
  'papa1234',
  'tintin123',
  'fortnite',
  'bienvenue',
  'bienvenue1',
  'bienvenue123',
  'changeme1',
  'changezmoi',
  'azerty2024',
  'azerty2025',
  'azerty2026',
  'soleil2024',
  'password2024',
  'password2025',
  'password2026',
  'passwort1',
  'passwort123',
  'hallo1234',
  'contraseña',
  'contraseña1',
  'aaaaaaaa',
  '00000000',
  '12341234',
  '11223344',
  'qwerty1234',
];

let commonPasswords: ReadonlySet<string> | undefined;

/** The blocklist, loaded and normalised on first use (≈ 50 ms), then kept for the process. */
export function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set([...loadDictionary(), ...SUPPLEMENT].map(canonicalizeIdentifier));
  return commonPasswords;
}

/** `candidate` must already be in comparison form (`canonicalizeIdentifier`). */
export function isCommonPassword(canonicalCandidate: string): boolean {
  return getCommonPasswords().has(canonicalCandidate);
}

function loadDictionary(): readonly string[] {
  // Loaded synchronously on demand so that importing this module costs nothing at start-up.
  const require = createRequire(import.meta.url);
  const common: typeof import('@zxcvbn-ts/language-common') = require('@zxcvbn-ts/language-common');
  return common.dictionary['passwords-common'];
}

/**
 * Where a sign-in comes from, for what the phone shows (issue 7 §1: « la ville quand une base
 * GeoIP est configurée »): the city and country of the computer's address, in French and English,
 * from a city database in the MaxMind DB format (`SESAME_GEOIP_CITY_DB`), read by the `maxmind`
 * package. Without a database, or for an address it does not know (a private network), nothing
 * is said: the phone shows the address alone.
 */
import { type CityResponse, open, validate } from 'maxmind';

/** The place, ready to show: « Montréal, Canada » / “Montreal, Canada”. */
export interface IpPlace {
  fr: string;
  en: string;
}

export type LocateIp = (ip: string) => IpPlace | undefined;

export const locateNowhere: LocateIp = () => undefined;

/** Opens the database once, at start (a missing or unreadable file fails the start). */
export async function openCityDatabase(file: string | undefined): Promise<LocateIp> {
  if (file === undefined) return locateNowhere;
  const reader = await open<CityResponse>(file, { cache: { max: 1000 } });
  return (ip) => {
    // An address the reader cannot parse is one it does not know.
    if (!validate(ip)) return undefined;
    const found = reader.get(ip);
    return found === null ? undefined : placeOf(found);
  };
}

/** « City, Country » in each language; the English name where a language has none. */
export function placeOf(found: CityResponse): IpPlace | undefined {
  const name = (names: Record<string, string> | undefined, language: 'fr' | 'en') =>
    names?.[language] ?? names?.en;
  const say = (language: 'fr' | 'en') =>
    [
      name(found.city?.names as Record<string, string> | undefined, language),
      name(found.country?.names as Record<string, string> | undefined, language),
    ]
      .filter((part) => part !== undefined && part !== '')
      .join(', ');
  const fr = say('fr');
  const en = say('en');
  return fr === '' && en === '' ? undefined : { fr: fr || en, en: en || fr };
}

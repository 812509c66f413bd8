/**
 * A small GeoIP city database for tests, in the MaxMind DB format (the format of the city databases
 * a deployment configures, read by the `maxmind` package): an IPv6 tree with IPv4 under ::/96,
 * 24-bit records, each network leading to a record of `city.names` and `country.names` as those
 * databases have them. No database ships in the registry small enough for a test, so the test
 * writes one; this writer only knows the few types such a record uses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CityEntry {
  /** `203.0.113.0/24` or `2001:db8::/32`. */
  network: string;
  city: { en: string; fr: string };
  country: { isoCode: string; en: string; fr: string };
}

/** The tests' places: TEST-NET-3 in Montréal, the IPv6 documentation prefix in Québec. */
export const testPlaces: readonly CityEntry[] = [
  {
    network: '203.0.113.0/24',
    city: { en: 'Montreal', fr: 'Montréal' },
    country: { isoCode: 'CA', en: 'Canada', fr: 'Canada' },
  },
  {
    network: '2001:db8::/32',
    city: { en: 'Quebec City', fr: 'Québec' },
    country: { isoCode: 'CA', en: 'Canada', fr: 'Canada' },
  },
];

/** A database of `entries` in a file of its own, for `SESAME_GEOIP_CITY_DB`. */
export function writeCityDatabaseFile(entries: readonly CityEntry[] = testPlaces): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sesame-geoip-')), 'city.mmdb');
  writeFileSync(file, cityDatabase(entries));
  return file;
}

type Value = string | number | bigint | Value[] | { [key: string]: Value };

/** The database's bytes: search tree, 16-byte separator, data section, metadata. */
export function cityDatabase(entries: readonly CityEntry[]): Buffer {
  const data: Buffer[] = [];
  let dataSize = 0;
  const leaves = entries.map((entry) => {
    const offset = dataSize;
    const encoded = encode({
      city: { names: entry.city },
      country: {
        iso_code: entry.country.isoCode,
        names: { en: entry.country.en, fr: entry.country.fr },
      },
    });
    data.push(encoded);
    dataSize += encoded.length;
    return { bits: networkBits(entry.network), offset };
  });
  const tree = buildTree(leaves);
  const metadata = encode({
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: 1_780_000_000n,
    database_type: 'Sesame-Test-City',
    description: { en: 'Sesame test city database' },
    ip_version: 6,
    languages: ['en', 'fr'],
    node_count: tree.nodeCount,
    record_size: 24,
  });
  return Buffer.concat([
    tree.bytes,
    Buffer.alloc(16),
    ...data,
    Buffer.from('abcdef4d61784d696e642e636f6d', 'hex'),
    metadata,
  ]);
}

/** The network's prefix as bits of a 128-bit address (IPv4 under ::/96). */
function networkBits(network: string): number[] {
  const [address = '', length = ''] = network.split('/');
  const v4 = isIPv4(address);
  const bytes = v4 ? [...Array(12).fill(0), ...address.split('.').map(Number)] : ipv6Bytes(address);
  const prefix = Number(length) + (v4 ? 96 : 0);
  const bits: number[] = [];
  for (let i = 0; i < prefix; i++) bits.push(((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
  return bits;
}

function ipv6Bytes(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

type Record_ = { node: number } | { data: number } | null;

function buildTree(leaves: Array<{ bits: number[]; offset: number }>) {
  const nodes: Array<[Record_, Record_]> = [[null, null]];
  for (const { bits, offset } of leaves) {
    let node = 0;
    bits.forEach((bit, depth) => {
      const pair = nodes[node] as [Record_, Record_];
      if (depth === bits.length - 1) {
        pair[bit as 0 | 1] = { data: offset };
        return;
      }
      const next = pair[bit as 0 | 1];
      if (next !== null && 'node' in next) node = next.node;
      else {
        nodes.push([null, null]);
        node = nodes.length - 1;
        pair[bit as 0 | 1] = { node };
      }
    });
  }
  const nodeCount = nodes.length;
  const value = (record: Record_) =>
    record === null ? nodeCount : 'node' in record ? record.node : nodeCount + 16 + record.data;
  const bytes = Buffer.alloc(nodeCount * 6);
  nodes.forEach(([left, right], i) => {
    bytes.writeUIntBE(value(left), i * 6, 3);
    bytes.writeUIntBE(value(right), i * 6 + 3, 3);
  });
  return { bytes, nodeCount };
}

/** One value of the data section: control byte (type, size), then its payload. */
function encode(value: Value): Buffer {
  if (typeof value === 'string') return withControl(2, Buffer.from(value, 'utf8'));
  if (typeof value === 'bigint') return withControl(9, unsignedBytes(value));
  if (typeof value === 'number')
    return withControl(value <= 0xffff ? 5 : 6, unsignedBytes(BigInt(value)));
  if (Array.isArray(value)) return withControl(11, Buffer.concat(value.map(encode)), value.length);
  const pairs = Object.entries(value);
  return withControl(
    7,
    Buffer.concat(pairs.flatMap(([k, v]) => [encode(k), encode(v)])),
    pairs.length,
  );
}

function unsignedBytes(value: bigint): Buffer {
  const hex = value === 0n ? '' : value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/** Types above 7 are extended (a second byte, type − 7); sizes past 28 take extra bytes. */
function withControl(type: number, payload: Buffer, size = payload.length): Buffer {
  if (size >= 285) throw new RangeError('the fixture writes only short values');
  const sizeBits = Math.min(size, 29);
  const extra = size < 29 ? [] : [size - 29];
  const head = type <= 7 ? [(type << 5) | sizeBits] : [sizeBits, type - 7];
  return Buffer.concat([Buffer.from([...head, ...extra]), payload]);
}

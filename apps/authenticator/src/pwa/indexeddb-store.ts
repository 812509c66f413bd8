/**
 * The PWA's account stores, in IndexedDB. Structured clone keeps CryptoKeys as handles: the
 * device's private key is stored as the non-extractable key it was made as, and so is the AES
 * key that seals every TOTP secret (`secret-sealing.ts`), the organizations' and the « Autre »
 * accounts' alike. Nothing secret is ever in clear on disk.
 */
import type { AccountStore, StoredAccount } from '../core/account-store.ts';
import { normalizeLabel } from '../core/account-store.ts';
import type { OtpAccount, OtpAccountStore } from '../core/otp-account-store.ts';
import { generateSealingKey, openSecret, type SealedSecret, sealSecret } from './secret-sealing.ts';

const databaseName = 'sesame-verify';
const accountsStore = 'accounts';
const keysStore = 'keys';
/** Version 2: the « Autre » accounts, in their own store (no device, no server). */
const otpAccountsStore = 'otp-accounts';
const sealingKeyId = 'totp-sealing-key';

/** What is written to IndexedDB: the account with its secret sealed. */
type AccountRecord = Omit<StoredAccount, 'secret'> & { sealedSecret: SealedSecret };
type OtpAccountRecord = Omit<OtpAccount, 'secret'> & { sealedSecret: SealedSecret };

/** The « Autre » accounts, sealed under the same key as the organizations' secrets. */
export async function openIndexedDbOtpStore(
  factory: IDBFactory = indexedDB,
): Promise<OtpAccountStore> {
  const db = await openDatabase(factory);
  const sealingKey = await loadSealingKey(db);
  return {
    async list() {
      const records = await request<OtpAccountRecord[]>(
        db.transaction(otpAccountsStore).objectStore(otpAccountsStore).getAll(),
      );
      records.sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(
        records.map(async ({ sealedSecret, ...rest }) => ({
          ...rest,
          secret: await openSecret(sealingKey, rest.id, sealedSecret),
        })),
      );
    },
    async put(account) {
      const { secret, ...rest } = account;
      const record: OtpAccountRecord = {
        ...rest,
        sealedSecret: await sealSecret(sealingKey, account.id, secret),
      };
      await write(db, (store) => store.put(record), otpAccountsStore);
    },
    async remove(id) {
      await write(db, (store) => store.delete(id), otpAccountsStore);
    },
  };
}

export async function openIndexedDbStore(factory: IDBFactory = indexedDB): Promise<AccountStore> {
  const db = await openDatabase(factory);
  const sealingKey = await loadSealingKey(db);

  const toAccount = async (record: AccountRecord): Promise<StoredAccount> => {
    const { sealedSecret, ...rest } = record;
    return { ...rest, secret: await openSecret(sealingKey, record.id, sealedSecret) };
  };

  const store: AccountStore = {
    async list() {
      const records = await request<AccountRecord[]>(
        db.transaction(accountsStore).objectStore(accountsStore).getAll(),
      );
      records.sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(records.map(toAccount));
    },
    async get(id) {
      const record = await request<AccountRecord | undefined>(
        db.transaction(accountsStore).objectStore(accountsStore).get(id),
      );
      return record ? toAccount(record) : undefined;
    },
    async put(account) {
      const { secret, ...rest } = account;
      const record: AccountRecord = {
        ...rest,
        sealedSecret: await sealSecret(sealingKey, account.id, secret),
      };
      await write(db, (store) => store.put(record));
    },
    async remove(id) {
      await write(db, (store) => store.delete(id));
    },
    async rename(id, label) {
      const account = await store.get(id);
      if (!account) return undefined;
      const renamed = { ...account, label: normalizeLabel(label) || undefined };
      await store.put(renamed);
      return renamed;
    },
  };
  return store;
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(databaseName, 2);
  open.onupgradeneeded = (event) => {
    if (event.oldVersion < 1) {
      open.result.createObjectStore(accountsStore, { keyPath: 'id' });
      open.result.createObjectStore(keysStore);
    }
    if (event.oldVersion < 2) open.result.createObjectStore(otpAccountsStore, { keyPath: 'id' });
  };
  // A tab of a newer version upgrading the database: this one lets go (it reloads to follow).
  return request<IDBDatabase>(open).then((db) => {
    db.onversionchange = () => db.close();
    return db;
  });
}

/** The sealing key is made once, on first use, inside one transaction (two tabs: one key). */
async function loadSealingKey(db: IDBDatabase): Promise<CryptoKey> {
  const existing = await request<CryptoKey | undefined>(
    db.transaction(keysStore).objectStore(keysStore).get(sealingKeyId),
  );
  if (existing) return existing;
  const fresh = await generateSealingKey();
  const tx = db.transaction(keysStore, 'readwrite');
  const store = tx.objectStore(keysStore);
  // `add` fails if another tab stored one meanwhile: then that one is the key.
  store.add(fresh, sealingKeyId);
  try {
    await done(tx);
    return fresh;
  } catch {
    const winner = await request<CryptoKey | undefined>(
      db.transaction(keysStore).objectStore(keysStore).get(sealingKeyId),
    );
    if (!winner) throw new Error('No sealing key');
    return winner;
  }
}

function write(
  db: IDBDatabase,
  change: (store: IDBObjectStore) => IDBRequest,
  storeName: string = accountsStore,
): Promise<void> {
  const tx = db.transaction(storeName, 'readwrite');
  change(tx.objectStore(storeName));
  return done(tx);
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('Transaction aborted'));
  });
}

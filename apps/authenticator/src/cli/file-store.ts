/**
 * The CLI's account store: one JSON file, readable by its owner only (0600, in a 0700
 * directory), like `~/.ssh/id_*`. It holds the device private key (JWK) and the TOTP secret:
 * whoever can read it can act as this device. Writes go to a temporary file, then rename.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AccountStore, StoredAccount } from '../core/account-store.ts';
import { normalizeLabel } from '../core/account-store.ts';
import { exportPrivateJwk, importPrivateJwk } from '../core/device-keys.ts';

/** What the file holds: the account, with its private key as a JWK (the CLI's key is extractable). */
type AccountEntry = Omit<StoredAccount, 'privateKey'> & { privateKeyJwk: JsonWebKey };

interface StateFile {
  version: 1;
  accounts: AccountEntry[];
}

/** `$SESAME_VERIFY_STATE`, or `~/.config/sesame-verify/accounts.json`. */
export function defaultStatePath(env: Record<string, string | undefined>): string {
  return env.SESAME_VERIFY_STATE || join(homedir(), '.config', 'sesame-verify', 'accounts.json');
}

export function createFileStore(path: string): AccountStore {
  const load = async (): Promise<AccountEntry[]> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const state = JSON.parse(text) as StateFile;
    if (state.version !== 1 || !Array.isArray(state.accounts)) {
      throw new Error(`${path}: not a Sesame Verify state file`);
    }
    return state.accounts;
  };

  const save = async (accounts: AccountEntry[]): Promise<void> => {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const state: StateFile = { version: 1, accounts };
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    // The mode of writeFile only applies to new files, and the umask could widen nothing: make sure.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  };

  const toAccount = async ({ privateKeyJwk, ...rest }: AccountEntry): Promise<StoredAccount> => ({
    ...rest,
    privateKey: await importPrivateJwk(privateKeyJwk, { extractable: true }),
  });

  const toEntry = async ({ privateKey, ...rest }: StoredAccount): Promise<AccountEntry> => ({
    ...rest,
    privateKeyJwk: await exportPrivateJwk(privateKey),
  });

  return {
    async list() {
      const accounts = await load();
      accounts.sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(accounts.map(toAccount));
    },
    async get(id) {
      const entry = (await load()).find((account) => account.id === id);
      return entry ? toAccount(entry) : undefined;
    },
    async put(account) {
      const entry = await toEntry(account);
      const others = (await load()).filter((existing) => existing.id !== account.id);
      await save([...others, entry]);
    },
    async remove(id) {
      await save((await load()).filter((account) => account.id !== id));
    },
    async rename(id, label) {
      const accounts = await load();
      const entry = accounts.find((account) => account.id === id);
      if (!entry) return undefined;
      const normalized = normalizeLabel(label);
      if (normalized) entry.label = normalized;
      else delete entry.label;
      await save(accounts);
      return toAccount(entry);
    },
  };
}

/** An operation's coded refusal (errors.ts) as the command line says it: one English line. */
import { AppError, type ErrorCode } from '../errors.ts';
import { CommandError } from './cli-io.ts';

const reasons: Partial<Record<ErrorCode, string>> = {
  'group.name_taken': 'a group already has this name',
  'request.not_found': 'no such group',
  'request.invalid': 'invalid value',
};

/** Run `work`; an AppError it throws becomes a CommandError (exit code 1). */
export async function asCommand<T>(work: () => Promise<T>, context: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new CommandError(`${context}: ${reasons[error.code] ?? error.code}`, error.code);
  }
}

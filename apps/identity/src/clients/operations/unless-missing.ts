/**
 * An operation on an application that is not there writes no audit record: its work throws
 * `unlessMissing.missing`, which rolls the transaction back, and the caller gets false.
 */
const missing = new Error('client application not found');

export async function unlessMissing(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error === missing) return false;
    throw error;
  }
}
unlessMissing.missing = missing;

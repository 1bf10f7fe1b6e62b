import { staffUsers } from '#db/schema';
import { seal, sealedKeyId, unseal, type DataKeys } from '#functions/platform/crypto';
import { totpContext } from '#functions/staff/second-factor';
import { columns, tableName } from '#scripts/import/columns';
import { sqlValue } from '#scripts/import/d1';

export interface SealedTotp {
  id: number;
  email: string;
  totpSealed: string;
}

const u = (key: 'id' | 'email' | 'totpSealed') => columns(staffUsers, [key]);

/** Staff accounts' sealed TOTP secrets, for `npm run rekey`. */
export const sealedTotpQuery = `SELECT ${u('id')} AS id, ${u('email')} AS email, ${u('totpSealed')} AS totpSealed FROM ${tableName(staffUsers)} WHERE ${u('totpSealed')} IS NOT NULL`;

/** The UPDATEs that move staff TOTP secrets to the current DATA_KEY (without them, a rotation would lock the app users out). */
export async function rekeyTotpSecrets(rows: SealedTotp[], keys: DataKeys, currentId: string): Promise<{ updates: string[]; untouched: number }> {
  const updates: string[] = [];
  let untouched = 0;
  for (const row of rows) {
    if (sealedKeyId(row.totpSealed) === currentId) {
      untouched++;
      continue;
    }
    const secret = await unseal(keys, totpContext(row.email), row.totpSealed);
    updates.push(
      `UPDATE ${tableName(staffUsers)} SET ${u('totpSealed')} = ${sqlValue(await seal(keys, totpContext(row.email), secret))} WHERE ${u('id')} = ${row.id};`,
    );
  }
  return { updates, untouched };
}

/** Posts clues to the district server's intake (POST /v1/clues) as the grid system would. */
import type { ClueIntakeResponse } from '../../shared/ledger/intake';

export async function postClues(serverUrl: string, key: string, body: unknown): Promise<{ status: number; body: ClueIntakeResponse }> {
  const res = await fetch(`${serverUrl}/v1/clues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ClueIntakeResponse };
}

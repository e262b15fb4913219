// The worker thread of the parse pool: parses raw messages it is sent, one at a time, and posts the result.
import { parentPort } from 'node:worker_threads';
import { parseRawMessage } from './ingestion.parse';

export type ParseRequest = { id: number; raw: Uint8Array };
export type ParseResponse = { id: number; parsed: Awaited<ReturnType<typeof parseRawMessage>> };

parentPort?.on('message', async ({ id, raw }: ParseRequest) => {
  const parsed = await parseRawMessage(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  parentPort?.postMessage({ id, parsed } satisfies ParseResponse);
});

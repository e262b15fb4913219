/**
 * Waits until `condition` holds, checking every 50 ms: tests wait for what they expect to happen, never for a
 * fixed time. The timeout is generous on purpose (a slow CI machine is not a failure); it only ends a real hang.
 */
export async function waitFor<T>(
  condition: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

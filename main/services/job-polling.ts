/**
 * Runs `operation` while calling `tick` every `intervalMs` until it settles: how a job learns progress that
 * libvirt only reports when asked (job info, a growing volume's allocation). A failing tick is skipped, not fatal.
 */
export async function whilePolling<T>(operation: Promise<T>, intervalMs: number, tick: () => Promise<void>): Promise<T> {
  let settled = false;
  const poller = (async () => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, intervalMs));
      if (settled) break;
      await tick().catch(() => undefined);
    }
  })();
  try {
    return await operation;
  } finally {
    settled = true;
    await poller;
  }
}

/**
 * Keeps a claim's lease alive while `work` runs: `renew` (which pushes the claim's expiry
 * forward) runs every third of the lease. A process that dies stops renewing, so its
 * claim expires within one lease and another process takes the rows again.
 */
export async function whileLeased<T>(
  renew: () => Promise<unknown>,
  leaseMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => void renew().catch(() => undefined), Math.max(1000, leaseMs / 3));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

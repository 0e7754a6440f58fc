/**
 * Delays (injected latency, hangs) that can all be ended at once, so that stopping an
 * emulator does not wait for calls it is stalling on purpose.
 */
export class WakeableSleeps {
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  wakeAll(): void {
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
  }
}

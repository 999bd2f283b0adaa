/**
 * Parts handed from a producer that pushes (the exchange worker's batches, as messages
 * arrive) to a consumer that pulls (the store journaling them), in order. `end` closes it;
 * `fail` makes the consumer's next pull throw, so that it gives its work up.
 */
export class PartQueue<T> implements AsyncIterable<T> {
  private readonly parts: T[] = []
  private ended = false
  private failure: { error: unknown } | null = null
  private wake: (() => void) | null = null

  push(part: T): void {
    if (this.ended || this.failure) return
    this.parts.push(part)
    this.notify()
  }

  end(): void {
    this.ended = true
    this.notify()
  }

  fail(error: unknown): void {
    this.failure ??= { error }
    this.notify()
  }

  private notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.failure) throw this.failure.error
      const part = this.parts.shift()
      if (part !== undefined) {
        yield part
        continue
      }
      if (this.ended) return
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
    }
  }
}

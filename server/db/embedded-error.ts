// The embedded server's failures: main.ts prints their (Chinese) message and exits with status 2.
export class EmbeddedServerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedServerError'
  }
}

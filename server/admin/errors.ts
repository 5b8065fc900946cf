/** A refused admin command: a stable kebab-case code and a Chinese message naming the field or rule. */
export class AdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

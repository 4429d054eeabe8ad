/**
 * Bad planner input (as opposed to a deployment that merely doesn't fit, which is a result).
 * `field` names the offending request field with a JSON-path-like string (e.g. `precision.weights`),
 * so the HTTP layer can put it into the shared error envelope.
 */
export class InferenceInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InferenceInputError';
  }
}

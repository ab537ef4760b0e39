/**
 * Raised when an annotation value is malformed. Named `InputError` like {@link SloInputError} so a backend
 * route that lets it escape answers 400 with the message.
 * @public
 */
export class AnnotationValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Raised for an invalid SLO definition (objective, window, policy, template, selector or identity value).
 *
 * The name is `InputError` on purpose: the Backstage backend error handler maps errors by name, so a route
 * that lets this escape answers 400 with the message, without this package depending on `@backstage/errors`.
 * @public
 */
export class SloInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

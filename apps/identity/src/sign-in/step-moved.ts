/**
 * A page or form of a step the flow is no longer at (an old tab, the back button, or the account
 * changed meanwhile): not an error for the user, who is sent to where the flow now is. The error
 * handler turns it into a 303 redirect.
 */
export class StepMoved extends Error {
  readonly location: string;
  constructor(location: string) {
    super('sign-in step moved');
    this.name = 'StepMoved';
    this.location = location;
  }
}

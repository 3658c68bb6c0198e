/**
 * The few Mocha globals the widget tests use (Web Test Runner runs them with Mocha in the
 * browser); declared here instead of pulling in @types/mocha.
 */
interface MochaContext {
  /** Sets this test's time limit in milliseconds. */
  timeout(ms: number): void;
}
type MochaBody = (this: MochaContext) => void | Promise<void>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;

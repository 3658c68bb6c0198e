/**
 * The few Mocha globals the widget tests use (Web Test Runner runs them with Mocha in the
 * browser); declared here instead of pulling in @types/mocha.
 */
type MochaDone = (error?: unknown) => void;
type MochaBody = (this: unknown, done: MochaDone) => void | Promise<void>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody | (() => void | Promise<void>)): void;
declare function before(body: MochaBody | (() => void | Promise<void>)): void;
declare function after(body: MochaBody | (() => void | Promise<void>)): void;
declare function beforeEach(body: MochaBody | (() => void | Promise<void>)): void;
declare function afterEach(body: MochaBody | (() => void | Promise<void>)): void;

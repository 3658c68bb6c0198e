/**
 * The English copy of `<opd-console>`'s shell. Typed as {@link ConsoleMessages}, so the
 * compiler rejects a missing key.
 *
 * @module
 */
import type { ConsoleMessages } from './id.js';

/** The console shell's English copy. */
export const en: ConsoleMessages = {
  'console.name': 'Staff Console',
  'console.loading': 'Loading the console…',
  'console.skip': 'Skip to the page content',
  'console.offline': 'The service cannot be reached. Check your internet connection, then try again.',
  'console.nav': 'Console menu',
  'console.pageLoading': 'Loading the page…',
  'console.pageFailed': 'This page could not be loaded. Check your internet connection, then try again.',
  'console.notFound': 'There is no such page. Choose a page from the menu.',
  'console.forbidden': 'Your role does not open this page. Choose a page from the menu, or ask your OPD admin for access.',
  'console.noPages': 'There are no pages for your role yet.',
  'console.moduleOff': (module: string, opd: string) =>
    `The ${module} module is not switched on for ${opd}. A regency admin can switch it on on the OPD page.`,
  'console.opd': 'OPD',
  'console.opdChoose': 'Choose an OPD',
  'console.opdHint': 'This page works on one OPD.',
  'console.noOpd': 'Choose an OPD to open this page.',


  'user.signedInAs': 'Signed in as',
  'user.password': 'Change password',
  'user.signOut': 'Sign out',
  'user.signingOut': 'Signing out…',

  'signIn.title': 'Sign in to the staff console',
  'signIn.intro': 'For OPD staff. Sign in with your work e-mail address and your password.',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.sending': 'Signing in…',
  'signIn.failed': 'The e-mail address or the password is wrong. Check both, then try again.',
  'signIn.locked': (wait: string) =>
    `Too many failed sign-ins, so this account is locked for a while to keep it safe. Try again in ${wait}.`,
  'signIn.forgot': 'Forgotten your password? Ask your OPD admin for a new temporary password.',
  'signIn.signedOut': 'You have signed out of the console.',
  'signIn.expired': 'Your session has ended. Sign in again to carry on; the pages you had open stay as they were.',

  'password.title': 'Change password',
  'password.mustChange': 'You signed in with a temporary password. Choose your own password before you start work.',
  'password.current': 'Current password',
  'password.currentHint': 'The password you just signed in with.',
  'password.new': 'New password',
  'password.newHint': (min: number) => `At least ${min} characters. A short sentence you remember easily is safer than a complicated word.`,
  'password.confirm': 'Repeat the new password',
  'password.submit': 'Save password',
  'password.sending': 'Saving…',
  'password.cancel': 'Back',
  'password.done': 'Your password has been changed. Your other sessions have been ended.',
  'password.wrongCurrent': 'The current password is wrong. Enter the password you signed in with.',

  'error.email.required': 'Enter your e-mail address',
  'error.email.format': 'Enter an e-mail address in the correct format, like name@lahatkab.go.id',
  'error.email.tooLong': 'E-mail address must be 254 characters or fewer',
  'error.password.required': 'Enter your password',
  'error.password.tooLong': 'Password must be 1,024 characters or fewer',
  'error.currentPassword.required': 'Enter your current password',
  'error.newPassword.required': 'Enter a new password',
  'error.newPassword.tooShort': (min: number) => `Choose a new password of at least ${min} characters`,
  'error.newPassword.tooLong': 'New password must be 1,024 characters or fewer',
  'error.newPassword.same': 'Choose a new password that differs from the current one',
  'error.confirmPassword.required': 'Repeat the new password',
  'error.confirmPassword.mismatch': 'The two new passwords are not the same. Type both again',
};

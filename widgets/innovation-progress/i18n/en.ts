/**
 * The English copy of `<opd-innovation-progress>`. Typed as {@link InnovationProgressMessages},
 * so the compiler rejects a missing key.
 *
 * @module
 */
import type { InnovationProgressMessages } from './id.js';

/** The progress board's English copy. */
export const en: InnovationProgressMessages = {
  'unit.percent': (n) => `${n}%`,

  'board.loading': 'Loading the One Agency One Innovation progress…',
  'board.loadingYear': (year) => `Loading the One Agency One Innovation progress of ${year}…`,
  'board.offline': 'The innovation progress could not be loaded: no connection. Check your internet connection, then try again.',
  'board.badYear': (year) => `This innovation progress board is not set up correctly: the year "${year}" cannot be used. Contact the site’s administrator.`,
  'board.unavailable': 'The innovation progress board is not available.',

  'board.title': (year) => `One Agency One Innovation ${year}`,
  'board.target': 'Target: every agency (OPD) has at least one verified regional innovation.',

  'progress.sentence': (done, all, percent) => `${done} of ${all} agencies have a verified innovation (${percent})`,
  'progress.deadline': 'Deadline',
  'progress.countdown': 'Time left',
  'progress.noDeadline': 'No deadline has been set for this year.',
  'countdown.left': (days) => `${days} ${days === '1' ? 'day' : 'days'} left`,
  'countdown.tomorrow': 'The deadline is tomorrow',
  'countdown.today': 'The deadline is today',
  'countdown.passed': (days) => `${days} ${days === '1' ? 'day' : 'days'} past the deadline`,

  'missing.title': (n) => `Without a verified innovation yet (${n} agencies)`,
  'missing.none': 'Every agency has a verified innovation.',
  'missing.submitted': (n) => `${n} awaiting verification`,
  'missing.inProgress': (n) => `${n} being drafted`,
  'missing.nothing': 'nothing proposed yet',
  'done.title': (n) => `With a verified innovation (${n} agencies)`,
  'done.none': 'No agency has a verified innovation yet.',
  'done.verified': (n) => `${n} verified`,
  'list.showAll': (n) => `Show all (${n})`,
  'list.showLess': 'Show fewer',

  'breakdown.title': 'Verified innovations by form and stage',
  'breakdown.type': 'Form of innovation',
  'breakdown.stage': 'Stage',
  'breakdown.digital': 'Digital or not',
  'breakdown.count': 'Number',
  'breakdown.share': 'Share',
  'type.pelayanan-publik': 'Public service',
  'type.tata-kelola': 'Regional governance',
  'type.lainnya': 'Other forms',
  'stage.inisiatif': 'Initiative',
  'stage.uji-coba': 'Trial',
  'stage.penerapan': 'Applied',
  'digital.yes': 'Digital',
  'digital.no': 'Non-digital',

  'gaps.title': (n) => `Evidence still missing (${n} agencies)`,
  'gaps.what': 'Innovation indicators with no evidence file yet, in submitted or verified innovations.',
  'gaps.none': 'Every submitted or verified innovation has evidence for each indicator.',
  'gaps.count': (n) => `${n} ${n === '1' ? 'indicator' : 'indicators'} without evidence`,

  'score.title': 'Estimated Regional Innovation Index per agency',
  'score.model': 'Computed with the model ',
  'score.note': 'An estimate from the evidence uploaded so far, not the Ministry of Home Affairs’ official score.',
  'score.opd': 'Agency',
  'score.value': 'Estimated score (category)',
  'score.none': 'No agency has an estimated score yet.',
  'score.noModel': (year) => `There is no Regional Innovation Index scoring model for ${year} yet.`,
};

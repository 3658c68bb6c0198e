/**
 * The English copy of `<opd-road-summary>`. Typed as {@link RoadSummaryMessages}, so the
 * compiler rejects a missing key.
 *
 * @module
 */
import type { RoadSummaryMessages } from './id.js';

/** The road board's English copy. */
export const en: RoadSummaryMessages = {
  'config.thisWidget': 'This road condition board',
  'unit.km': (n) => `${n}\u00a0km`,
  'unit.percent': (n) => `${n}%`,

  'board.loading': 'Loading road condition data…',
  'board.loadingYear': (year) => `Loading the road condition of ${year}…`,
  'board.shown': (year) => `Showing the road condition of ${year}.`,
  'board.offline': 'The road condition data could not be loaded: no connection. Check your internet connection, then try again.',
  'board.unknownOpd': (slug) =>
    `This road condition board is not set up correctly: the agency "${slug}" is not known. Contact the site’s administrator.`,
  'board.unavailable': 'The road condition board (Perjaka) is not available for this agency.',
  'board.empty': 'No road condition survey has been published yet.',
  'board.missingYear': (asked, shown) =>
    `There is no road condition survey for ${asked}. Shown instead is ${shown}, the latest survey.`,

  'board.title': (year) => `Regency road condition ${year}`,
  'board.year': 'Survey year',
  'board.synthetic': 'Sample (synthetic) data for the demo, not official figures.',

  'kemantapan.label': (year) => `Roads in steady condition (kemantapan) ${year}`,
  'kemantapan.what': 'The share of the road length in steady condition (good or fair).',
  'kemantapan.target': (year, percent) => `Target ${year}: ${percent}`,
  'kemantapan.noTarget': 'No kemantapan target has been set.',
  'kemantapan.met': (year, percent) => `The ${year} target (${percent}) has been met.`,
  'kemantapan.toGo': (km, year, percent) => `Another ${km} must become steady to reach the ${year} target (${percent}).`,
  'kemantapan.gauge': (percent, target) => `Kemantapan ${percent} against a target of ${target}`,
  'kemantapan.gaugeNoTarget': (percent) => `Kemantapan ${percent} of 100%`,
  'figures.length': 'Road length surveyed',
  'figures.segments': (n) => `${n} segments`,
  'figures.steady': 'Steady (good + fair)',
  'figures.toGo': 'Still to become steady',

  'classes.title': 'Road length by condition',
  'classes.bar': (parts) => `Length by condition: ${parts}`,
  'classes.class': 'Condition',
  'classes.km': 'Length (km)',
  'classes.share': 'Share',
  'class.baik': 'Good',
  'class.sedang': 'Fair',
  'class.rusakRingan': 'Slightly damaged',
  'class.rusakBerat': 'Badly damaged',

  'trend.title': 'Kemantapan over the years',
  'trend.chart': (points) => `Kemantapan by year: ${points}`,
  'trend.point': (year, percent) => `${year} ${percent}`,
  'trend.pointTarget': (year, target) => `${year} target ${target}`,
  'trend.table': 'Show the figures as a table',
  'trend.year': 'Year',
  'trend.kemantapan': 'Kemantapan',
  'trend.targetCol': 'Target',
  'trend.none': '—',
  'trend.noSurvey': 'not surveyed',
  'trend.legendKemantapan': 'Kemantapan',
  'trend.legendTarget': 'Target',

  'kecamatan.title': 'Condition by kecamatan (district)',
  'kecamatan.caption': (year) => `Road length (km) per kecamatan by condition, ${year}`,
  'kecamatan.note': 'Lengths in km. A segment through several kecamatan counts in full in each.',
  'kecamatan.name': 'Kecamatan',
  'kecamatan.segments': 'Segments',
  'kecamatan.length': 'Length',
  'kecamatan.kemantapan': 'Kemantapan',
  'kecamatan.sort': (column) => `Sort by ${column}`,
  'kecamatan.sorted': (column, ascending) => `Table sorted by ${column}, ${ascending ? 'smallest first' : 'largest first'}.`,
};

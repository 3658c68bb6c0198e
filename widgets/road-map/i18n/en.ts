/**
 * The English copy of `<opd-road-map>`. Typed as {@link RoadMapMessages}, so the compiler
 * rejects a missing key.
 *
 * @module
 */
import type { RoadMapMessages } from './id.js';

const num = (value: number, digits = 0): string =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The road map's English copy. */
export const en: RoadMapMessages = {
  'config.thisWidget': 'This map',
  'map.title': 'Condition of the regency roads',
  'map.year': (year: number) => `Condition as surveyed in ${year}`,
  'map.loading': 'Loading the road segments…',
  'map.loadingMap': 'Loading the map…',
  'map.empty': 'No road segments are recorded for this agency yet.',
  'map.noMatch': 'No segment matches these filters. Change the kecamatan or the conditions chosen.',
  'map.offline': 'No connection: the road segments could not be loaded. Check your internet connection, then try again.',
  'map.notFound': 'No road data was found for this year.',
  'map.unavailable': 'The road condition board is not available for this agency.',
  'map.mapFailed': 'The map could not be loaded. The same data is in the list view.',
  'map.unmapped': (n: number) => `${num(n)} segments have no line on the map yet; all of them are in the list.`,
  'map.label': 'Map of the road segments',
  'map.keys': 'Press the arrow keys to move between segments, Enter to see the details, plus or minus to zoom in or out.',
  'map.current': (number: string, name: string, condition: string, position: number, count: number) =>
    `Segment ${number}, ${name}: ${condition}. Segment ${num(position)} of ${num(count)}.`,
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',

  'view.label': 'View',
  'view.map': 'Map',
  'view.list': 'List',

  'filter.title': 'Filter segments',
  'filter.kecamatan': 'Kecamatan (district)',
  'filter.allKecamatan': 'All kecamatan',
  'filter.condition': 'Condition',
  'filter.summary': (count: number, km: number) => `Showing ${num(count)} segments, ${num(km, 2)} km`,

  'legend.title': 'Colour key',

  'class.baik': 'Good',
  'class.sedang': 'Fair',
  'class.rusakRingan': 'Lightly damaged',
  'class.rusakBerat': 'Badly damaged',
  'class.none': 'Not surveyed',

  'surface.aspal': 'Asphalt',
  'surface.beton': 'Concrete',
  'surface.kerikil': 'Gravel',
  'surface.tanah': 'Earth',

  'table.caption': 'Road segments',
  'table.sortHint': 'Press a column heading to sort.',
  'table.number': 'Segment no.',
  'table.name': 'Name',
  'table.kecamatan': 'Kecamatan',
  'table.length': 'Length (km)',
  'table.condition': 'Condition',
  'table.kemantapan': 'Steady share',
  'table.details': 'Details',
  'table.show': (number: string) => `Details of segment ${number}`,

  'details.title': (number: string) => `Segment ${number}`,
  'details.close': 'Close details',
  'details.kecamatan': 'Kecamatan',
  'details.length': 'Length',
  'details.surface': 'Surface',
  'details.width': 'Width',
  'details.condition': (year: number) => `Condition (${year} survey)`,
  'details.noSurvey': 'This segment has no condition survey yet.',
  'details.kemantapan': 'Steady share (kemantapan)',
  'details.opened': (number: string) => `The details of segment ${number} are shown below the map.`,

  'unit.km': (km: number) => `${num(km, 2)} km`,
  'unit.m': (m: number) => `${num(m, 1)} m`,
  'unit.percent': (percent: number) => `${num(percent, 2)} %`,
};

/**
 * Segment geometry as it comes in (an import): a GeoJSON LineString or MultiLineString in
 * WGS84, positions `[longitude, latitude]` (RFC 7946 §3.1.1). Each problem is reported with
 * its path inside the geometry, so a staff member can find the vertex; a position outside the
 * regency (or outside Indonesia, when the network has no bounds) is refused, which is how
 * swapped latitude and longitude are caught — validators of GeoJSON do not catch them.
 *
 * @module
 */
import type { RoadGeometry } from '../../../../src/schemas/roads.js';

/** `[west, south, east, north]` in degrees. */
export type Bounds = readonly [number, number, number, number];

/** Indonesia with a margin: what any regency's positions lie inside. */
export const INDONESIA_BOUNDS: Bounds = [94, -11.5, 141.5, 6.5];

/** A problem in a geometry: the path below the geometry (`coordinates.3`) and what to fix. */
export interface GeometryProblem {
  path: string;
  message: string;
}

/** Degrees to six decimals (about 0.1 m): what is stored. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Checks and normalizes a geometry: answers it (altitudes dropped, degrees to six decimals)
 * or the problems found, each with its path (`coordinates.0.3`).
 */
export function readGeometry(value: unknown, bounds: Bounds, where: string): { geometry: RoadGeometry } | { problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ path: '', message: 'Give the geometry as a GeoJSON LineString or MultiLineString' }] };
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'LineString' && type !== 'MultiLineString') {
    return { problems: [{ path: 'type', message: `A road is a LineString or a MultiLineString, not ${typeof type === 'string' ? type : 'that'}` }] };
  }
  const readLine = (line: unknown, path: string): Array<[number, number]> | null => {
    if (!Array.isArray(line) || line.length < 2) {
      problems.push({ path, message: 'A line needs at least two positions' });
      return null;
    }
    const out: Array<[number, number]> = [];
    line.forEach((pos, index) => {
      const at = `${path}.${index}`;
      if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3 || !pos.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        problems.push({ path: at, message: 'A position is [longitude, latitude] in degrees' });
        return;
      }
      const [lon, lat] = pos as [number, number];
      const [west, south, east, north] = bounds;
      const inside = (x: number, y: number) => x >= west && x <= east && y >= south && y <= north;
      if (!inside(lon, lat)) {
        let message: string;
        if (inside(lat, lon)) message = `[${lon}, ${lat}] lies outside ${where}; [${lat}, ${lon}] would be inside: GeoJSON writes longitude first`;
        else if (lon < -180 || lon > 180 || lat < -90 || lat > 90) message = `[${lon}, ${lat}] is not [longitude, latitude] in degrees`;
        else message = `[${lon}, ${lat}] lies outside ${where} (longitude ${west} to ${east}, latitude ${south} to ${north})`;
        problems.push({ path: at, message });
        return;
      }
      out.push([round6(lon), round6(lat)]);
    });
    return out;
  };
  if (type === 'LineString') {
    const line = readLine(coordinates, 'coordinates');
    if (problems.length > 0 || !line) return { problems };
    return { geometry: { type, coordinates: line } };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { problems: [{ path: 'coordinates', message: 'A MultiLineString needs at least one line' }] };
  }
  const lines = coordinates.map((line, index) => readLine(line, `coordinates.${index}`));
  if (problems.length > 0) return { problems };
  return { geometry: { type, coordinates: lines as Array<Array<[number, number]>> } };
}

/** Metres along the geometry on a sphere of the earth's mean radius (for plausibility, not for the decree's length). */
export function geometryMetres(geometry: RoadGeometry): number {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) total += haversineMetres(line[i - 1]!, line[i]!);
  }
  return total;
}

/** The distance between two `[lon, lat]` positions, in metres. */
export function haversineMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

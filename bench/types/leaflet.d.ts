/**
 * Leaflet ships no types and the bench only bundles it for its size (bench/entries/leaflet.ts).
 *
 * @module
 */
declare module 'leaflet';

/**
 * Size-benchmark entry, peer of the coming `<opd-road-map>`: Leaflet 1.9 (its ES module
 * build, the whole `L` namespace: map, tile layers, polylines, markers, popups, controls). Its
 * stylesheet `leaflet/dist/leaflet.css` is measured beside it by the bench.
 *
 * @module
 */
export * from 'leaflet';

/**
 * Size-benchmark entry, peer of `<opd-agenda-calendar>`: FullCalendar 7 (npm's latest, the
 * vanilla package `fullcalendar`, installed here as the alias `fullcalendar-7` beside v6) with its
 * month grid, its list view and the classic theme, as its README sets a calendar up. v7 needs
 * `temporal-polyfill` (bundled in) and ships its CSS as files (`skeleton.css`, the theme's
 * `theme.css` and `palette.css`), which the bench adds to the size.
 *
 * @module
 */
export { Calendar } from 'fullcalendar-7';
export { default as dayGridPlugin } from 'fullcalendar-7/daygrid';
export { default as listPlugin } from 'fullcalendar-7/list';
export { default as classicThemePlugin } from 'fullcalendar-7/themes/classic';

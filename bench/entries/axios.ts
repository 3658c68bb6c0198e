/**
 * Size-benchmark entry, peer floor: axios alone, no schemas, no types at run time.
 *
 * @module
 */
export { default as axios } from 'axios';

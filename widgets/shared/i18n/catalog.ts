/**
 * The type of a message catalog, shared by the kit's copy and every widget's.
 *
 * @module
 */

/**
 * The shape every language of a catalog must have, from its Indonesian original: the same
 * keys, each a plain string or a function with the same parameters that returns a string.
 *
 * ```ts
 * export const id = { 'form.name': 'Nama', 'form.left': (n: number) => `Sisa ${n}` } as const;
 * export type FormMessages = CatalogOf<typeof id>;
 * export const en: FormMessages = { 'form.name': 'Name', 'form.left': (n) => `${n} left` };
 * ```
 */
export type CatalogOf<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/**
 * Report photos, read and cleaned before anything is stored, by the server's shared image
 * reader (`server/src/media/images.ts`): the type told by content, a pixel flood refused, and
 * EXIF (with GPS), XMP, IPTC, comments, PNG text chunks and WebP's EXIF and XMP removed. This
 * file only names it for reports: JPEG, PNG or WebP, and "photo" in its messages.
 *
 * @module
 */
import { cleanImage, ImageError, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, type CleanImage } from '../../media/images.js';
import type { photoMediaTypes } from '../../../../src/schemas/open311.js';

/** A photo's media type. */
export type PhotoMediaType = (typeof photoMediaTypes)[number];

/** The widest or tallest photo accepted, in pixels. */
export const MAX_PHOTO_SIDE = MAX_IMAGE_SIDE;

/** The most pixels a photo may have (40 megapixels). */
export const MAX_PHOTO_PIXELS = MAX_IMAGE_PIXELS;

/** A photo cleaned of its metadata. */
export type CleanPhoto = CleanImage<PhotoMediaType>;

/** Why a file was refused: `type` (not a JPEG, PNG or WebP, or a broken one) or `dimensions` (a pixel flood). */
export const PhotoError = ImageError;

/** Reads, checks and cleans a photo; throws a {@link PhotoError} for anything else. */
export function cleanPhoto(input: Uint8Array): CleanPhoto {
  return cleanImage<PhotoMediaType>(input);
}

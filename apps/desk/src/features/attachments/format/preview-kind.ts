/** Larger files are downloaded rather than loaded into the page to be shown. */
export const PREVIEW_MAX_BYTES = 10 * 1024 * 1024;

export type PreviewKind = 'image' | 'pdf';

/** What the desk can show in place: the types the API serves inline, when small enough. */
export function previewKind(contentType: string, size: number): PreviewKind | undefined {
  if (size > PREVIEW_MAX_BYTES) return undefined;
  if (/^image\/(png|jpeg|gif|webp|bmp)$/.test(contentType)) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return undefined;
}

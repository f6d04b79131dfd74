// A file the user picked, as both pickers hand it over, and one row of the uploader.
import type { UploadType } from '../../domain/policy'

export interface PickedFile {
  /** a weapp temp path or an H5 blob: URL (already compressed for images) */
  localPath: string
  name: string
  size: number
  type: UploadType | null
  /** PDF pages when known */
  pages: number | null
}

export type UploadStatus = 'uploading' | 'done' | 'failed'

export interface UploadItem extends PickedFile {
  key: string
  status: UploadStatus
  /** 0–100 */
  progress: number
  error: string | null
  /** the server's id once uploaded */
  uploadId: string | null
}

/** A file uploaded before (kept with a form's draft): shown again without its local copy, which a
 *  closed app has lost; the server still holds it under its id. */
export interface SavedUpload {
  uploadId: string
  name: string
  type: UploadType | null
  size: number
  pages: number | null
}

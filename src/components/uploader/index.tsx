// Evidence files for a case: pick (photos compressed first), checked on the device against the
// upload policy, uploaded one by one with a progress bar, retry and remove; large image previews
// and a PDF tile with its page count. The parent gets every change with each file's upload id.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { UPLOAD } from '../../domain/policy'
import { toApiError } from '../../services/api-error'
import { uploadFile } from '../../services/uploads'
import ActionButton from '../action-button'
import Icon from '../icon'
import reportIcon from '../../assets/icons/report.svg'
import imageIcon from '../../assets/icons/image.svg'
import { formatBytes, pagesLabel, refuseFile, roomFor } from './checks'
import Picker from './picker'
import type { PickedFile, SavedUpload, UploadItem } from './types'
import './index.scss'

export interface UploaderProps {
  /** the X-Subject to upload as (the acting subject when left out) */
  subject?: string | null
  /** files uploaded before (from a form's draft), shown as uploaded; read when the uploader mounts */
  initial?: readonly SavedUpload[]
  onChange?(items: UploadItem[]): void
}

let seq = 0

const restored = (f: SavedUpload): UploadItem => ({ ...f, localPath: '', key: `f${++seq}`, status: 'done', progress: 100, error: null })

export default function Uploader({ subject, initial, onChange }: UploaderProps) {
  const [items, setItems] = useState<UploadItem[]>(() => (initial ?? []).map(restored))
  const [refused, setRefused] = useState<string[]>([])
  const live = useRef(true)
  useEffect(() => () => void (live.current = false), [])
  // told of every change of the list (the parent's callback may be a new function each render)
  const changed = useRef(onChange)
  changed.current = onChange
  useEffect(() => {
    changed.current?.(items)
  }, [items])

  const patch = (key: string, change: Partial<UploadItem>) => {
    if (live.current) setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)))
  }

  const upload = (item: UploadItem) => {
    patch(item.key, { status: 'uploading', progress: 0, error: null })
    uploadFile({ localPath: item.localPath, name: item.name }, { subject, onProgress: (progress) => patch(item.key, { progress }) }).then(
      (res) => patch(item.key, { status: 'done', progress: 100, uploadId: res.id }),
      (e) => patch(item.key, { status: 'failed', error: toApiError(e).message }),
    )
  }

  const onPicked = (picked: PickedFile[]) => {
    const reasons: string[] = []
    const accepted: UploadItem[] = []
    for (const f of picked.slice(0, roomFor(items.length))) {
      const reason = refuseFile(f)
      if (reason) reasons.push(reason)
      else accepted.push({ ...f, key: `f${++seq}`, status: 'uploading', progress: 0, error: null, uploadId: null })
    }
    if (picked.length > roomFor(items.length)) reasons.push(`每件最多上传 ${UPLOAD.maxFilesPerCase} 个文件`)
    setRefused(reasons)
    setItems((all) => [...all, ...accepted])
    accepted.forEach(upload)
  }

  const remove = (key: string) => setItems((all) => all.filter((i) => i.key !== key))
  const images = items.filter((i) => i.type !== 'application/pdf' && i.localPath).map((i) => i.localPath)

  return (
    <View className='uploader'>
      <Text className='uploader-rule muted'>
        支持 JPG、PNG 图片和 PDF，单个不超过 {formatBytes(UPLOAD.maxBytes)}，最多 {UPLOAD.maxFilesPerCase} 个（已选 {items.length} 个）
      </Text>
      {refused.length > 0 && (
        <View className='form-error' role='alert'>
          {refused.map((r) => (
            <Text key={r} className='uploader-refused'>
              {r}
            </Text>
          ))}
        </View>
      )}
      <View className='uploader-list'>
        {items.map((item) => (
          <View key={item.key} className={`uploader-item uploader-${item.status}`} data-status={item.status}>
            {item.type === 'application/pdf' ? (
              <View className='uploader-pdf'>
                <Icon className='uploader-pdf-icon' src={reportIcon} />
                <Text className='uploader-pdf-pages'>{`PDF · ${pagesLabel(item.pages)}`}</Text>
              </View>
            ) : !item.localPath ? (
              // kept from before the app closed: the server has it, this device no longer does (and
              // cannot show it as an <Image>: fetching it needs the bearer token)
              <View className='uploader-pdf uploader-saved' role='img' aria-label={`图片 ${item.name}（已保存）`}>
                <Icon className='uploader-pdf-icon' src={imageIcon} />
                <Text className='uploader-pdf-pages'>图片 · 已保存</Text>
              </View>
            ) : (
              <Image
                className='uploader-image'
                src={item.localPath}
                mode='aspectFill'
                nativeProps={{ alt: `图片 ${item.name}` }}
                onClick={() => void Taro.previewImage({ urls: images, current: item.localPath })}
              />
            )}
            <View className='uploader-meta'>
              <Text className='uploader-name'>{item.name}</Text>
              <Text className='muted'>{formatBytes(item.size)}</Text>
              {item.status === 'uploading' && (
                <View className='uploader-bar' role='progressbar' aria-label={`${item.name} 上传进度`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={item.progress}>
                  <View className='uploader-bar-fill' style={{ width: `${item.progress}%` }} />
                </View>
              )}
              {item.status === 'done' && <Text className='uploader-ok'>已上传</Text>}
              {item.status === 'failed' && <Text className='uploader-error'>{item.error}</Text>}
              <View className='uploader-actions'>
                {item.status === 'failed' && (
                  <ActionButton small kind='secondary' onClick={() => upload(item)}>
                    重试
                  </ActionButton>
                )}
                <ActionButton small kind='text' aria-label={`删除 ${item.name}`} onClick={() => remove(item.key)}>
                  删除
                </ActionButton>
              </View>
            </View>
          </View>
        ))}
      </View>
      <Picker room={roomFor(items.length)} onPicked={onPicked} onError={(m) => setRefused([m])} />
    </View>
  )
}

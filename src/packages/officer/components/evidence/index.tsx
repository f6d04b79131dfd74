// The citizen's evidence for the officer handling the case: images shown large (tap for full
// screen), PDFs opened in the viewer. Files are read with the officer's session; the server
// refuses anyone else.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { formatBytes } from '../../../../components/uploader/checks'
import { toApiError } from '../../../../services/api-error'
import { downloadEvidence, openPdf } from '../../../../services/evidence'
import type { ObjectionAttachment } from '../../../../services/objections-api'
import './index.scss'

type Loaded = { path: string } | { error: string }

export default function Evidence({ files }: { files: ObjectionAttachment[] }) {
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const images = files.filter((f) => f.type.startsWith('image/'))

  useEffect(() => {
    let live = true
    for (const f of images) {
      downloadEvidence(f.url).then(
        (path) => live && setLoaded((l) => ({ ...l, [f.id]: { path } })),
        (e) => live && setLoaded((l) => ({ ...l, [f.id]: { error: toApiError(e).message } })),
      )
    }
    return () => {
      live = false
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [files.map((f) => f.id).join()])

  const openFile = async (f: ObjectionAttachment) => {
    setBusy(f.id)
    try {
      await openPdf(await downloadEvidence(f.url))
    } catch (e) {
      setLoaded((l) => ({ ...l, [f.id]: { error: toApiError(e).message } }))
    } finally {
      setBusy(null)
    }
  }

  if (files.length === 0) return <Text className='muted'>未提交证明材料</Text>
  const shown = images.map((f) => loaded[f.id]).filter((l): l is { path: string } => Boolean(l && 'path' in l)).map((l) => l.path)
  return (
    <View className='evidence'>
      {files.map((f, n) => {
        const l = loaded[f.id]
        if (f.type === 'application/pdf') {
          return (
            <View key={f.id} className='evidence-pdf'>
              <View className='evidence-pdf-text'>
                <Text className='evidence-name'>{`材料 ${n + 1} · PDF`}</Text>
                <Text className='muted'>{formatBytes(f.size)}</Text>
                {l && 'error' in l && <Text className='field-error'>{l.error}</Text>}
              </View>
              <ActionButton small kind='secondary' disabled={busy === f.id} onClick={() => void openFile(f)}>
                {busy === f.id ? '正在打开…' : '打开'}
              </ActionButton>
            </View>
          )
        }
        return (
          <View key={f.id} className='evidence-image-box'>
            <Text className='evidence-name'>{`材料 ${n + 1} · 图片 · ${formatBytes(f.size)}`}</Text>
            {!l && <View className='evidence-image-loading'>正在加载图片…</View>}
            {l && 'error' in l && <Text className='field-error'>{l.error}</Text>}
            {l && 'path' in l && (
              <Image
                className='evidence-image'
                src={l.path}
                mode='widthFix'
                nativeProps={{ alt: `证明材料 ${n + 1}` }}
                onClick={() => void Taro.previewImage({ urls: shown, current: l.path })}
              />
            )}
          </View>
        )
      })}
    </View>
  )
}

// 手写签名: draw on the pad (or see the signature kept from an interrupted signing), 清除 / 重签.
// Each finished stroke is exported as a PNG data URL and handed up, so the draft always holds
// exactly what will be sent.
import { Image, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { SIGNATURE_MAX_BYTES } from '../../../../domain/policy'
import SignatureSurface from '../../../../features/commitments/signature/signature-surface'
import type { SignatureSurfaceHandle } from '../../../../features/commitments/signature/stroke'
import './index.scss'

interface Props {
  /** the signature kept so far (data:image/png;base64,…) */
  value: string | null
  /** an attempt with this signature awaits its answer: it may not change */
  locked: boolean
  onChange(png: string | null): void
  onError(message: string): void
}

const pngBytes = (dataUrl: string) => Math.floor(((dataUrl.length - dataUrl.indexOf(',') - 1) * 3) / 4)

export default function SignaturePad({ value, locked, onChange, onError }: Props) {
  const surface = useRef<SignatureSurfaceHandle>(null)
  const [showSaved, setShowSaved] = useState(Boolean(value))
  const [inked, setInked] = useState(false)

  const onStrokeEnd = async (hasInk: boolean) => {
    if (!hasInk) return
    try {
      const png = await surface.current!.exportPng()
      if (pngBytes(png) > SIGNATURE_MAX_BYTES) {
        onError(`签名图片超过 ${SIGNATURE_MAX_BYTES / 1024} KB，请清除后重新签名`)
        onChange(null)
        return
      }
      onChange(png)
    } catch {
      onError('签名未能保存，请清除后重新签名')
    }
  }

  const restart = () => {
    if (locked) return
    surface.current?.clear()
    setInked(false)
    setShowSaved(false)
    onChange(null)
  }

  return (
    <View className='sig'>
      <View className='sig-box'>
        {showSaved && value ? (
          <Image className='sig-image' src={value} mode='aspectFit' nativeProps={{ alt: '已保存的手写签名' }} />
        ) : (
          <>
            <SignatureSurface
              ref={surface}
              id='signature-canvas'
              className='sig-canvas'
              label='手写签名区域'
              onStrokeStart={() => setInked(true)}
              onStrokeEnd={(hasInk) => void onStrokeEnd(hasInk)}
            />
            {!inked && <Text className='sig-placeholder'>请在此区域内手写签名</Text>}
          </>
        )}
      </View>
      <View className='sig-foot'>
        <Text className='muted sig-state'>
          {locked ? '签名已随上次提交发送，等待结果期间不能更改' : value ? '签名已保存' : '用手指（电脑上用鼠标）签写姓名'}
        </Text>
        <ActionButton kind='secondary' small disabled={locked || (!value && !inked)} onClick={restart}>
          {showSaved ? '重签' : '清除'}
        </ActionButton>
      </View>
    </View>
  )
}

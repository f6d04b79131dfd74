// The browser's way in: one file input for photos and PDFs (Taro H5 renders it as it is).
import { View } from '@tarojs/components'
import type { ChangeEvent } from 'react'
import { prepare } from './compress.h5'
import type { PickerProps } from './picker'

export default function Picker({ room, disabled, onPicked, onError }: PickerProps) {
  const off = disabled || room <= 0
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target
    const files = Array.from(input.files ?? []).slice(0, room)
    input.value = '' // the same file may be chosen again after a removal
    Promise.all(files.map(prepare)).then(onPicked, () => onError('无法读取所选文件，请重试'))
  }
  return (
    <View className='uploader-pickers'>
      <label className={`btn btn-secondary btn-small uploader-file-label ${off ? 'btn-disabled' : ''}`}>
        选择图片或 PDF
        <input className='uploader-file-input' type='file' accept='image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf' multiple disabled={off} onChange={onChange} />
      </label>
    </View>
  )
}

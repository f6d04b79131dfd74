// The mini-program's way in: 拍照或相册 for photos, 聊天中的 PDF for documents. (H5: picker.h5.tsx.)
import { View } from '@tarojs/components'
import ActionButton from '../action-button'
import { pickImages, pickPdfs } from './pick'
import type { PickedFile } from './types'

export interface PickerProps {
  room: number
  disabled?: boolean
  onPicked(files: PickedFile[]): void
  onError(message: string): void
}

export default function Picker({ room, disabled, onPicked, onError }: PickerProps) {
  const run = (pick: (n: number) => Promise<PickedFile[]>) => () => {
    if (disabled || room <= 0) return
    pick(room).then(onPicked, () => onError('无法读取所选文件，请重试'))
  }
  return (
    <View className='uploader-pickers'>
      <ActionButton small kind='secondary' disabled={disabled || room <= 0} onClick={run(pickImages)}>
        拍照或选择图片
      </ActionButton>
      <ActionButton small kind='secondary' disabled={disabled || room <= 0} onClick={run(pickPdfs)}>
        选择聊天中的 PDF
      </ActionButton>
    </View>
  )
}

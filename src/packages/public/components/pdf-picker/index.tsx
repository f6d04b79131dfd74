// Choosing a report PDF in the mini-program: from a chat (it has no file browser). (H5: index.h5.tsx.)
import ActionButton from '../../../../components/action-button'
import { pickPdfs } from '../../../../components/uploader/pick'

export interface PickedPdf {
  localPath: string
  name: string
  size: number
}

export interface PdfPickerProps {
  disabled?: boolean
  label: string
  onPicked(file: PickedPdf): void
  onError(message: string): void
}

export default function PdfPicker({ disabled, label, onPicked, onError }: PdfPickerProps) {
  const pick = () => {
    if (disabled) return
    pickPdfs(1).then(
      (files) => files[0] && onPicked({ localPath: files[0].localPath, name: files[0].name, size: files[0].size }),
      () => onError('无法读取所选文件，请重试'),
    )
  }
  return (
    <ActionButton kind='secondary' disabled={disabled} onClick={pick}>
      {`${label}（从聊天中选择）`}
    </ActionButton>
  )
}

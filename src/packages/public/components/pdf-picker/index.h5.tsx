// Choosing a report PDF in the browser: a file input, its file handed on as a blob: URL.
import type { ChangeEvent } from 'react'
import type { PdfPickerProps } from './index'
import './index.scss'

export default function PdfPicker({ disabled, label, onPicked }: PdfPickerProps) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target
    const file = input.files?.[0]
    input.value = '' // the same file may be chosen again
    if (file) onPicked({ localPath: URL.createObjectURL(file), name: file.name, size: file.size })
  }
  return (
    <label className={`btn btn-secondary pdf-picker ${disabled ? 'btn-disabled' : ''}`}>
      {label}
      <input className='pdf-picker-input' type='file' accept='application/pdf,.pdf' aria-label={label} disabled={disabled} onChange={onChange} />
    </label>
  )
}

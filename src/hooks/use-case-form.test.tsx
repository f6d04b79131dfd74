import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Uploader from '../components/uploader'
import { resetOutboxRunner, setOutboxTransport } from '../services/outbox/runner'
import { OUTBOX_STORAGE_KEY, useOutboxStore } from '../services/outbox/store'
import { fakeTransport, type FakeTransport } from '../services/outbox/testing'
import { useAuthStore } from '../stores/auth'
import { loginResponse } from '../../test/jest/fixtures'
import { useCaseForm } from './use-case-form'

const mock = (name: string) => (Taro as unknown as Record<string, jest.Mock>)[name]
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
let transport: FakeTransport

/** A case form as small as it gets: one text field, evidence, and 提交. */
function Form() {
  const form = useCaseForm<{ text: string }>({
    formKey: (owner, subject) => `test-case|${owner}|${subject ?? 'self'}`,
    empty: { text: '' },
    detail: (id) => `/packages/test/case?id=${id}`,
    pendingNote: '将自动重新提交。',
  })
  return (
    <div>
      <input aria-label='说明' value={form.data.text} onChange={(e) => form.edit({ text: e.target.value })} />
      <Uploader key={form.formKey} initial={form.savedFiles} onChange={form.onFiles} />
      {form.error && <p role='alert'>{form.error}</p>}
      <button
        onClick={() =>
          void form.submit((ctx) => ({ kind: 'test-case', title: '测试', formKey: ctx.formKey, ownerId: ctx.ownerId, subject: ctx.subject, url: '/cases', body: { text: form.data.text, attachmentIds: ctx.attachmentIds }, resultPath: 'id' }))
        }
      >
        提交
      </button>
    </div>
  )
}

/** The app closed and opened again: the store is read back from device storage only. */
async function restart() {
  const saved = Taro.getStorageSync(OUTBOX_STORAGE_KEY)
  useOutboxStore.setState({ items: [], drafts: {} })
  Taro.setStorageSync(OUTBOX_STORAGE_KEY, saved)
  await act(() => useOutboxStore.persist.rehydrate())
}

async function uploadPhoto(path: string, id: string) {
  mock('chooseMedia').mockResolvedValueOnce({ tempFiles: [{ tempFilePath: path, size: 300_000 }] })
  mock('uploadFile').mockImplementationOnce((o: { success(r: unknown): void }) => {
    setTimeout(() => o.success({ statusCode: 201, data: JSON.stringify({ id, type: 'image/jpeg', size: 300_000, sha256: 'c'.repeat(64) }) }), 0)
    return { onProgressUpdate: () => undefined }
  })
  fireEvent.click(screen.getByText('拍照或选择图片'))
  await settle()
  await settle()
}

beforeEach(() => {
  transport = fakeTransport()
  setOutboxTransport(transport)
  useAuthStore.getState().setSession(loginResponse())
  mock('compressImage').mockImplementation(async ({ src }: { src: string }) => ({ tempFilePath: src }))
  mock('getFileSystemManager').mockReturnValue({ getFileInfo: ({ success }: { success(r: unknown): void }) => success({ size: 300_000 }) })
})
afterEach(() => {
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
})

describe('useCaseForm: evidence kept with the draft', () => {
  it('when the app closes after an upload, then the file is shown again as uploaded and is sent with the case', async () => {
    const first = render(<Form />)
    fireEvent.change(screen.getByLabelText('说明'), { target: { value: '已缴清罚款' } })
    await uploadPhoto('wxfile://tmp/receipt.jpg', 'up-41')
    expect(screen.getByText('已上传')).toBeTruthy()
    first.unmount()
    await restart()

    render(<Form />)
    await settle()
    expect((screen.getByLabelText('说明') as HTMLInputElement).value).toBe('已缴清罚款')
    expect(screen.getByText('receipt.jpg')).toBeTruthy()
    expect(screen.getByText('图片 · 已保存')).toBeTruthy()
    expect(screen.getByText('已上传')).toBeTruthy()

    transport.send.mockResolvedValueOnce({ id: 'case-5' })
    await act(async () => void fireEvent.click(screen.getByText('提交')))
    await settle()
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0].body).toEqual({ text: '已缴清罚款', attachmentIds: ['up-41'] })
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/test/case?id=case-5' })
    // filed: the draft and its evidence are gone
    expect(useOutboxStore.getState().drafts).toEqual({})
  })

  it('a removed file leaves the draft too; a file named with a phone number is kept unnamed, never with the number', async () => {
    const view = render(<Form />)
    await uploadPhoto('wxfile://tmp/13912345678-回执.jpg', 'up-1')
    await uploadPhoto('wxfile://tmp/second.jpg', 'up-2')
    fireEvent.click(screen.getByLabelText('删除 second.jpg'))
    const stored = String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))
    expect(stored).toContain('up-1')
    expect(stored).not.toContain('up-2')
    expect(stored).not.toContain('13912345678')
    view.unmount()
    await restart()

    render(<Form />)
    await settle()
    expect(screen.getByText('证明材料 1')).toBeTruthy()
    expect(screen.queryByText('second.jpg')).toBeNull()
  })

  it('the drafts of another account on the same device are not shown', async () => {
    const view = render(<Form />)
    await uploadPhoto('wxfile://tmp/receipt.jpg', 'up-9')
    view.unmount()
    useAuthStore.getState().setSession(loginResponse({ ...loginResponse().user, id: 'someone-else' }))
    render(<Form />)
    await settle()
    expect(screen.queryByText('receipt.jpg')).toBeNull()
    expect(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))).not.toContain('up-9')
  })
})

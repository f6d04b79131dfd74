import Taro from '@tarojs/taro'
import { useAuthStore } from '../stores/auth'
import { uploadFile } from './uploads'

type UploadOpts = { url: string; filePath: string; name: string; header: Record<string, string>; success(r: unknown): void; fail(e: unknown): void }
type Answer = { status: number; body: unknown; progress?: number[] } | { fail: string }
const uploadMock = Taro.uploadFile as unknown as jest.Mock
const request = Taro.request as unknown as jest.Mock
let sent: UploadOpts[]

/** A fake wx.uploadFile: answers each call from the script, reporting progress first. */
function serve(answers: Answer[]) {
  sent = []
  uploadMock.mockImplementation((opts: UploadOpts) => {
    sent.push(opts)
    const a = answers[sent.length - 1]
    const listeners: Array<(p: { progress: number }) => void> = []
    setTimeout(() => {
      if ('fail' in a) return opts.fail({ errMsg: a.fail })
      for (const p of a.progress ?? []) listeners.forEach((l) => l({ progress: p }))
      opts.success({ statusCode: a.status, data: JSON.stringify(a.body), errMsg: 'uploadFile:ok' })
    }, 0)
    return { onProgressUpdate: (l: (p: { progress: number }) => void) => listeners.push(l), abort: jest.fn() }
  })
}

const uploaded = { id: 'up-1', type: 'image/jpeg', size: 52000, sha256: 'b'.repeat(64) }
const file = { localPath: 'wxfile://tmp_abc.jpg', name: 'tmp_abc.jpg' }
const profile = { id: 'u1', name: '陈**', phone: null, idNumber: null, realNameVerified: true, wechatBound: false, roles: ['citizen'], orgName: null, subjects: [] }

beforeEach(() => {
  uploadMock.mockReset()
  useAuthStore.setState({ accessToken: 'old-access', refreshToken: 'refresh-1', user: profile, actingFor: '91330106MA2H3K5Q7N' })
})

describe('uploadFile', () => {
  it('posts the file as field "file" with the token and acting subject, reports progress and resolves with the server record', async () => {
    serve([{ status: 201, body: uploaded, progress: [30, 100] }])
    const progress: number[] = []
    await expect(uploadFile(file, { onProgress: (p) => progress.push(p) })).resolves.toEqual(uploaded)
    expect(sent[0]).toMatchObject({ filePath: file.localPath, name: 'file' })
    expect(sent[0].url).toMatch(/\/api\/uploads$/)
    expect(sent[0].header).toEqual({ Authorization: 'Bearer old-access', 'X-Subject': '91330106MA2H3K5Q7N' })
    expect(progress).toEqual([30, 100])
  })

  it('uploads as the subject given (null: the user themself)', async () => {
    serve([{ status: 201, body: uploaded }])
    await uploadFile(file, { subject: null })
    expect(sent[0].header).toEqual({ Authorization: 'Bearer old-access' })
  })

  it('when the token has expired, then it refreshes once through the API client and uploads again with the new token', async () => {
    serve([
      { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } } },
      { status: 201, body: uploaded },
    ])
    request.mockImplementation((opts: { url: string; success(r: unknown): void }) =>
      opts.success({ statusCode: 200, header: {}, data: JSON.stringify({ accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900, user: profile }) }),
    )
    await expect(uploadFile(file)).resolves.toEqual(uploaded)
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0][0].url).toMatch(/\/api\/auth\/refresh$/)
    expect(sent.map((s) => s.header.Authorization)).toEqual(['Bearer old-access', 'Bearer new-access'])
  })

  it('when the server refuses the file, then it rejects with the server’s Chinese message', async () => {
    serve([{ status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: '文件不能超过 10 MB' } } }])
    await expect(uploadFile(file)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, message: '文件不能超过 10 MB' })
  })

  it('when the network fails, then it rejects with the network message (status 0: worth retrying)', async () => {
    serve([{ fail: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED' }])
    await expect(uploadFile(file)).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: '网络连接失败，请检查网络后重试' })
  })
})

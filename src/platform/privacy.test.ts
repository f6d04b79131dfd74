type Listener = (resolve: jest.Mock) => void

/** The module as built for one platform, with the Taro instance it talks to. */
function loadFor(weapp: boolean) {
  let privacy: typeof import('./privacy') | undefined
  let onNeed: jest.Mock | undefined
  jest.isolateModules(() => {
    jest.doMock('./env', () => ({ isWeapp: weapp, API_BASE: '' }))
    privacy = require('./privacy')
    onNeed = require('@tarojs/taro').default.onNeedPrivacyAuthorization
  })
  return { privacy: privacy!, onNeed: onNeed! }
}

describe('WeChat privacy authorisation', () => {
  it('when running on H5, then no WeChat listener is registered', () => {
    const { privacy, onNeed } = loadFor(false)
    privacy.listenForWechatPrivacyRequests()
    expect(onNeed).not.toHaveBeenCalled()
  })

  it('when WeChat asks in the mini-program, then the request is pending until the user answers 同意', () => {
    const { privacy, onNeed } = loadFor(true)
    privacy.listenForWechatPrivacyRequests()
    const listener = onNeed.mock.calls[0][0] as Listener
    const resolve = jest.fn()
    const changed = jest.fn()
    privacy.subscribeWechatPrivacyRequests(changed)

    listener(resolve)
    expect(privacy.hasWechatPrivacyRequest()).toBe(true)
    expect(changed).toHaveBeenCalled()

    privacy.reportPrivacyDialogShown()
    privacy.answerWechatPrivacyRequest(true)
    expect(resolve).toHaveBeenNthCalledWith(1, { event: 'exposureAuthorization' })
    expect(resolve).toHaveBeenNthCalledWith(2, { event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID })
    expect(privacy.hasWechatPrivacyRequest()).toBe(false)
  })

  it('when the user answers 不同意, then WeChat is told so', () => {
    const { privacy, onNeed } = loadFor(true)
    privacy.listenForWechatPrivacyRequests()
    const resolve = jest.fn()
    ;(onNeed.mock.calls[0][0] as Listener)(resolve)
    privacy.answerWechatPrivacyRequest(false)
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
  })
})

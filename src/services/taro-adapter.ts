// An axios adapter over Taro.request, so one client works in the mini-program and on H5.
import Taro from '@tarojs/taro'
import axios, { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'

type TaroMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS'

export const taroAdapter: AxiosAdapter = (config: InternalAxiosRequestConfig) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    const url = axios.getUri(config)
    const headers = config.headers.toJSON() as Record<string, string>
    const task: unknown = Taro.request({
      url,
      method: (config.method || 'get').toUpperCase() as TaroMethod,
      data: config.data,
      header: headers,
      timeout: config.timeout || 15000,
      // axios parses the body itself (transformResponse), the same way on every platform.
      dataType: 'text',
      responseType: 'text',
      success(res) {
        const response: AxiosResponse = {
          data: res.data,
          status: res.statusCode,
          statusText: String(res.statusCode),
          headers: lowerCaseKeys(res.header as Record<string, string>),
          config,
          request: null,
        }
        const validate = config.validateStatus
        if (!validate || validate(res.statusCode)) resolve(response)
        else reject(new AxiosError(`Request failed with status ${res.statusCode}`, AxiosError.ERR_BAD_RESPONSE, config, null, response))
      },
      fail(err: { errMsg?: string }) {
        const timeout = /timeout|超时/i.test(err?.errMsg || '')
        reject(new AxiosError(err?.errMsg || 'network error', timeout ? AxiosError.ECONNABORTED : AxiosError.ERR_NETWORK, config))
      },
    })
    // On H5 Taro.request also returns a promise that rejects on failure — after `fail` above has
    // already rejected ours. Left unobserved, every offline request became an uncaught
    // "TypeError: Failed to fetch"; the failure is reported once, through `fail`.
    if (task && typeof (task as Promise<unknown>).catch === 'function') (task as Promise<unknown>).catch(() => undefined)
  })

function lowerCaseKeys(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h || {})) out[k.toLowerCase()] = v
  return out
}

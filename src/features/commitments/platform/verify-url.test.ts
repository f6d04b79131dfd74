import { verifyUrl as weappUrl } from './verify-url'
import { verifyUrl as h5Url } from './verify-url.h5'

describe('the address in a receipt QR code', () => {
  it('in the mini-program, is the verify page path', () => {
    expect(weappUrl('CP20261122K7QM2XRD')).toBe('packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD')
  })

  it('on H5, is the verify page on this site', () => {
    expect(h5Url('CP20261122K7QM2XRD')).toBe(`${window.location.origin}/#/packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD`)
  })
})

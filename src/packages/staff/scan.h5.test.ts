import { cameraProblem } from './scan.h5'

describe('H5 camera problems', () => {
  it('explains a refused, missing or busy camera in Chinese and points to typing the code', () => {
    expect(cameraProblem({ name: 'NotAllowedError' })).toMatch(/^未获得相机权限.*手动输入/)
    expect(cameraProblem({ name: 'NotFoundError' })).toMatch(/^未找到可用的相机.*手动输入/)
    expect(cameraProblem({ name: 'NotReadableError' })).toMatch(/占用.*手动输入/)
    expect(cameraProblem(new Error('x'))).toBe('无法打开相机，请手动输入下方的码')
  })
})

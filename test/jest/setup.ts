import { __reset } from './taro-mock'

beforeEach(() => __reset())

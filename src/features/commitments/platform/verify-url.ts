// What the receipt's QR code carries in the mini-program: the verify page's path, which WeChat
// opens inside this mini-program. (H5: see verify-url.h5.ts.)
import { commitmentRoutes } from '../routes'

export const verifyUrl = (receiptNo: string): string => commitmentRoutes.verify(receiptNo).replace(/^\//, '')

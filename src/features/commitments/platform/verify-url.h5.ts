// What the receipt's QR code carries on H5: the verify page's full address on this site, which
// any phone camera opens without logging in.
import { commitmentRoutes } from '../routes'

export const verifyUrl = (receiptNo: string): string => `${window.location.origin}/#${commitmentRoutes.verify(receiptNo)}`

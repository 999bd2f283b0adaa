import { closeExchange, useExchangeRequest } from '../../ui/exchange-request'
import { ExchangeDialog } from './ExchangeDialog'

/** Shows the Exchange dialog while a view has asked for it (ui/exchange-request.ts). */
export function ExchangeHost() {
  const request = useExchangeRequest()
  return request ? <ExchangeDialog request={request} onClose={closeExchange} /> : null
}

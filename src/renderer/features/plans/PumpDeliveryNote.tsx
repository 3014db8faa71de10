import { Notice } from '../../components/Notice';

/**
 * What the rate the pump can be set to delivers against the dose signed. A difference is a
 * warning the signer and the nurse see beside the pump rate, never hidden by the rounding.
 */
export function PumpDeliveryNote({ delivery }: { delivery: { text: string; differs: boolean } | null }) {
  if (delivery === null) return null;
  if (!delivery.differs) return <Notice tone="info">{delivery.text}</Notice>;
  return (
    <Notice tone="warning" title="The pump rate changes the dose">
      {delivery.text}
    </Notice>
  );
}

import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { type StockEvent, stockEffect } from './stock-events';

export interface StockLevel {
  onHand: number;
  reserved: number;
}

export interface StockState {
  warehouseCode?: string;
  levels: Record<string, StockLevel>;
  reservations: Record<string, { itemCode: string; quantity: number }>;
  transfersIn: Record<string, true>;
}

interface Base {
  warehouseCode: string;
  itemCode: string;
  quantity: number;
  reason: string;
  reference?: string;
}

export type StockCommand =
  | ({ type: 'receive' } & Base)
  | ({ type: 'issue'; reservationId?: string } & Base)
  | ({ type: 'reserve'; reservationId: string } & Base)
  | { type: 'release'; warehouseCode: string; reservationId: string; reason: string }
  | {
      type: 'count';
      warehouseCode: string;
      itemCode: string;
      counted: number;
      reason: string;
      reference?: string;
    }
  | ({ type: 'transferOut'; transferId: string; toWarehouseCode: string } & Base)
  | ({ type: 'transferIn'; transferId: string; fromWarehouseCode: string } & Base);

const level = (state: StockState, itemCode: string): StockLevel =>
  state.levels[itemCode] ?? { onHand: 0, reserved: 0 };
/** Floating quantities (litres, metres) must not drift: three decimals are plenty for stock. */
const round = (value: number) => Math.round(value * 1000) / 1000;

function shortage(command: Base, available: number): DomainError {
  return new DomainError(
    'insufficient_stock',
    `Only ${available} of ${command.itemCode} are available in ${command.warehouseCode}; ${command.quantity} were asked`,
    {
      itemCode: command.itemCode,
      warehouseCode: command.warehouseCode,
      available,
      requested: command.quantity,
    },
  );
}

function positive(command: { quantity: number; itemCode: string }) {
  if (!(command.quantity > 0) || !Number.isFinite(command.quantity)) {
    throw new DomainError('invalid_quantity', 'The quantity must be a positive number', {
      quantity: command.quantity,
    });
  }
}

/**
 * One warehouse's (or van's) stock: movements are the events; on-hand and reserved quantities are
 * what they add up to. Nothing leaves that is not there, and reserved stock is not issued twice.
 */
export const stockDecider: Decider<StockState, StockCommand, StockEvent> = {
  initialState: { levels: {}, reservations: {}, transfersIn: {} },

  evolve(state, event) {
    const effect = stockEffect(event);
    const current = level(state, event.data.itemCode);
    const levels = {
      ...state.levels,
      [event.data.itemCode]: {
        onHand: round(current.onHand + effect.onHand),
        reserved: round(current.reserved + effect.reserved),
      },
    };
    const reservations = { ...state.reservations };
    if (event.type === 'StockReserved')
      reservations[event.data.reservationId] = {
        itemCode: event.data.itemCode,
        quantity: event.data.quantity,
      };
    if (
      event.type === 'StockReservationReleased' ||
      (event.type === 'StockIssued' && event.data.reservationId)
    ) {
      delete reservations[(event.data as { reservationId: string }).reservationId];
    }
    const transfersIn =
      event.type === 'StockTransferredIn'
        ? { ...state.transfersIn, [event.data.transferId]: true as const }
        : state.transfersIn;
    return { warehouseCode: event.data.warehouseCode, levels, reservations, transfersIn };
  },

  decide(command, state) {
    switch (command.type) {
      case 'receive': {
        positive(command);
        const { type: _type, ...data } = command;
        return [{ type: 'StockReceived', data }];
      }
      case 'issue': {
        positive(command);
        const { type: _type, ...data } = command;
        if (command.reservationId) {
          const reservation = state.reservations[command.reservationId];
          if (
            !reservation ||
            reservation.itemCode !== command.itemCode ||
            reservation.quantity !== command.quantity
          ) {
            throw new DomainError(
              'unknown_reservation',
              `There is no reservation ${command.reservationId} of ${command.quantity} ${command.itemCode}`,
              {
                reservationId: command.reservationId,
              },
            );
          }
          return [{ type: 'StockIssued', data }];
        }
        const current = level(state, command.itemCode);
        const available = round(current.onHand - current.reserved);
        if (available < command.quantity) throw shortage(command, available);
        return [{ type: 'StockIssued', data }];
      }
      case 'reserve': {
        positive(command);
        if (state.reservations[command.reservationId]) return [];
        const current = level(state, command.itemCode);
        const available = round(current.onHand - current.reserved);
        if (available < command.quantity) throw shortage(command, available);
        const { type: _type, ...data } = command;
        return [{ type: 'StockReserved', data }];
      }
      case 'release': {
        const reservation = state.reservations[command.reservationId];
        if (!reservation) return [];
        return [
          {
            type: 'StockReservationReleased',
            data: {
              warehouseCode: command.warehouseCode,
              itemCode: reservation.itemCode,
              quantity: reservation.quantity,
              reason: command.reason,
              reservationId: command.reservationId,
            },
          },
        ];
      }
      case 'count': {
        if (!(command.counted >= 0) || !Number.isFinite(command.counted)) {
          throw new DomainError('invalid_quantity', 'A count is zero or more', { counted: command.counted });
        }
        const current = level(state, command.itemCode);
        const difference = round(command.counted - current.onHand);
        if (difference === 0) return [];
        if (command.counted < current.reserved) {
          throw new DomainError(
            'below_reserved',
            `${current.reserved} ${command.itemCode} are reserved; release reservations before counting fewer`,
            {
              reserved: current.reserved,
            },
          );
        }
        const { type: _type, counted, ...rest } = command;
        return [
          { type: 'StockCounted', data: { ...rest, quantity: Math.abs(difference), counted, difference } },
        ];
      }
      case 'transferOut': {
        positive(command);
        const current = level(state, command.itemCode);
        const available = round(current.onHand - current.reserved);
        if (available < command.quantity) throw shortage(command, available);
        const { type: _type, ...data } = command;
        return [{ type: 'StockTransferredOut', data }];
      }
      case 'transferIn': {
        positive(command);
        if (state.transfersIn[command.transferId]) return [];
        const { type: _type, ...data } = command;
        return [{ type: 'StockTransferredIn', data }];
      }
    }
  },
};

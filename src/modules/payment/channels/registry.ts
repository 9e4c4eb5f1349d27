import type { AppContext } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { simulatorAdapter } from '../simulator/adapter.ts';
import { SIM_CHANNELS } from '../simulator/store.ts';
import type { ChannelAdapter } from './types.ts';

/**
 * The channels of this node. Only the built-in simulator's two channels exist for now; a
 * production gateway is another ChannelAdapter added here (keys from its configuration).
 */
const registries = new WeakMap<AppContext, Map<string, ChannelAdapter>>();
const bases = new WeakMap<AppContext, string>();

export function channels(ctx: AppContext): Map<string, ChannelAdapter> {
  let map = registries.get(ctx);
  if (!map) {
    map = new Map(SIM_CHANNELS.map((c) => [c, simulatorAdapter(ctx.config.masterKey, c)]));
    registries.set(ctx, map);
  }
  return map;
}

export function channel(ctx: AppContext, code: string): ChannelAdapter {
  const adapter = channels(ctx).get(code);
  if (!adapter) throw new AppError('CHANNEL_UNKNOWN', 404, { channel: code.slice(0, 40) }, { channel: code.slice(0, 40) });
  return adapter;
}

/** Where channels send callbacks: the public address, else the address this server listens on. */
export function setListenBase(ctx: AppContext, base: string) {
  bases.set(ctx, base);
}

export function callbackUrl(ctx: AppContext, channelCode: string): string {
  const base = ctx.config.publicUrl || bases.get(ctx) || `http://localhost:${ctx.config.port}`;
  return `${base}/api/payment/callbacks/${channelCode}`;
}

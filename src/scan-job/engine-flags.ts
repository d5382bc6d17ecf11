/** The Snowflake-only scan flags as the connection parser takes them. */
import { checkEngineFlags, type ConnectionConfig, type EngineFlags } from '../../connectors/index.js';

export interface SnowflakeScanOptions {
  readonly privateKeyFile?: string;
  readonly allowWarehouseResume?: boolean;
  readonly useSnowflakeClassify?: boolean;
}

/** Fails on Snowflake flags given for another engine (`engine` known once the connection is parsed). */
export function snowflakeFlags(engine: ConnectionConfig['engine'] | undefined, options: SnowflakeScanOptions): EngineFlags {
  const flags = {
    privateKeyFile: options.privateKeyFile,
    allowWarehouseResume: options.allowWarehouseResume ?? false,
    useSnowflakeClassify: options.useSnowflakeClassify ?? false,
  };
  if (engine !== undefined) checkEngineFlags(engine, flags);
  return flags;
}

// The node test environment, with the typed-array constructors of Node's own realm. Jest runs
// tests in a separate V8 context, whose Float32Array is a different constructor; native addons
// such as onnxruntime-node check `instanceof Float32Array` against Node's, and refuse the rest.
import { TestEnvironment } from 'jest-environment-node';

const TYPED_ARRAYS = ['SharedArrayBuffer', 'DataView', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array', 'ArrayBuffer'];

export default class ResonaEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

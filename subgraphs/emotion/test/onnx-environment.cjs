/**
 * Jest runs each test file in its own V8 context, so typed arrays made there are not
 * `instanceof Float32Array` for onnxruntime-node's native addon, and the tensors it returns fail
 * onnxruntime-common's checks ("A float32 tensor's data must be type of Float32Array"). Test
 * files that run ONNX models use this environment, which shares the host's typed-array classes.
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxEnvironment;

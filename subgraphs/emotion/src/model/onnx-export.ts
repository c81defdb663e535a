import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** A standardised linear softmax classifier: p = softmax(((x - mean) / std) · W + b). */
export interface LinearModel {
  featureNames: readonly string[];
  labels: readonly string[];
  mean: Float32Array;
  std: Float32Array;
  /** Row-major [features, labels]. */
  weights: Float32Array;
  bias: Float32Array;
}

/** The ONNX contract every emotion model for this pipeline keeps. */
export const MODEL_INPUT = 'features';
export const MODEL_OUTPUT = 'probabilities';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const tensor = (name: string, dims: number[], values: Float32Array) => onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)) });
const valueInfo = (name: string, width: number) =>
  onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] } } } });

/**
 * Writes `model` as an ONNX graph (opset 13): Sub → Div → MatMul → Add → Softmax, input
 * `features: float32[N, F]`, output `probabilities: float32[N, labels]`. Feature names, labels
 * and any `metadata` go in the model's metadata properties.
 */
export function exportLinearModel(model: LinearModel, metadata: Record<string, string> = {}): Uint8Array {
  const f = model.featureNames.length;
  const k = model.labels.length;
  const graph = onnx.GraphProto.create({
    name: 'resona_emotion',
    input: [valueInfo(MODEL_INPUT, f)],
    output: [valueInfo(MODEL_OUTPUT, k)],
    initializer: [tensor('mean', [f], model.mean), tensor('std', [f], model.std), tensor('W', [f, k], model.weights), tensor('b', [k], model.bias)],
    node: [
      onnx.NodeProto.create({ opType: 'Sub', input: [MODEL_INPUT, 'mean'], output: ['centred'], name: 'centre' }),
      onnx.NodeProto.create({ opType: 'Div', input: ['centred', 'std'], output: ['standardised'], name: 'scale' }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['standardised', 'W'], output: ['xw'], name: 'linear' }),
      onnx.NodeProto.create({ opType: 'Add', input: ['xw', 'b'], output: ['logits'], name: 'bias' }),
      onnx.NodeProto.create({ opType: 'Softmax', input: ['logits'], output: [MODEL_OUTPUT], name: 'softmax', attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 }] }),
    ],
  });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'resona-emotion-train',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
    metadataProps: Object.entries({ feature_names: JSON.stringify(model.featureNames), labels: JSON.stringify(model.labels), ...metadata }).map(([key, value]) => ({ key, value })),
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** The metadata properties of an ONNX model file (to check a model's contract before serving it). */
export function readModelMetadata(bytes: Uint8Array): Record<string, string> {
  const model = onnx.ModelProto.decode(bytes);
  return Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? '']));
}

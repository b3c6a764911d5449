// A Node.js engine logging its experience to OMEGA: decisions, the trades they open (executions) and how those
// trades end (outcomes), each keyed by symbol. Prints one JSON line per record sent.
//
//   node log-experiences.mjs BOOTSTRAP REGISTRY_CCOMPAT_URL SCHEMA_DIR START_EPOCH_MS
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry, TopicWriter, eventId } from './omega-wire.mjs';

const [bootstrap, registryUrl, schemaDir, startArg] = process.argv.slice(2);
const start = Number(startArg);
const MINUTE = 60_000;

const registry = new SchemaRegistry(registryUrl);
const decisions = await TopicWriter.open(registry, schemaDir, 'omega.decisions');
const executions = await TopicWriter.open(registry, schemaDir, 'omega.executions');
const outcomes = await TopicWriter.open(registry, schemaDir, 'omega.outcomes');

// Two symbols, three decisions each a minute apart; the first two of each open a trade that closes ten minutes on.
const batches = { 'omega.decisions': [], 'omega.executions': [], 'omega.outcomes': [] };
const sent = [];
function add(writer, key, value) {
  batches[writer.topic].push(writer.message(key, value));
  sent.push({ topic: writer.topic, key, schema_id: writer.schemaId, value });
}

for (const [s, symbol] of ['NODE-BTC-USDT', 'NODE-ETH-USDT'].entries()) {
  for (let i = 0; i < 3; i++) {
    const time = start + i * MINUTE;
    const price = 1000 * (s + 1) + i;
    const direction = i === 1 ? 'SHORT' : 'LONG';
    const decisionId = eventId('decision', symbol, time);
    add(decisions, symbol, {
      id: decisionId, event_time: time, symbol, price,
      market_features: { rsi_14: 40 + i, volume_z: 0.5 * i },
      direction, confidence: 0.75,
      class_probabilities: { LONG: direction === 'LONG' ? 0.75 : 0.05, SHORT: direction === 'SHORT' ? 0.75 : 0.05, FLAT: 0.2 },
      model_type: 'baseline', model_version: 'node-rules-1', is_shadow: false,
    });
    if (i === 2) continue;
    const tradeId = eventId('trade', symbol, time);
    const size = 0.5 + s;
    add(executions, symbol, {
      id: eventId('execution', tradeId), trade_id: tradeId, decision_id: decisionId, event_time: time + 1000, symbol,
      direction, entry_price: price + 0.5, size, stop_loss: price - 10, take_profit: price + 20,
      fee: 0.25, slippage: 0.125, model_type: 'baseline', model_version: 'node-rules-1', mode: 'PAPER',
    });
    const exitPrice = price + (direction === 'LONG' ? 20 : -20);
    add(outcomes, symbol, {
      id: eventId('outcome', tradeId), trade_id: tradeId, event_time: time + 10 * MINUTE, symbol,
      exit_price: exitPrice, pnl: 19.5 * size - 0.5, pnl_pct: 1.5, duration_ms: 10 * MINUTE - 1000,
      exit_reason: 'TP', model_type: 'baseline', model_version: 'node-rules-1',
    });
  }
}

// Idempotent, so the client's own retries never write a record twice; one request in flight keeps each symbol's
// records in the order they were sent.
const kafka = new Kafka({ clientId: 'omega-node-engine', brokers: [bootstrap], logLevel: logLevel.WARN });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
try {
  await producer.sendBatch({
    acks: -1,
    topicMessages: Object.entries(batches).map(([topic, messages]) => ({ topic, messages })),
  });
} finally {
  await producer.disconnect();
}
for (const record of sent) {
  console.log(JSON.stringify(record));
}

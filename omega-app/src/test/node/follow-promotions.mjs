// A Node.js engine following OMEGA's model registry: reads omega.registry-events from the start and prints each
// event whose model type it is asked about as one JSON line; PROMOTED and ROLLED_BACK say which version now
// trades, and where its artifact is. Stops after EXPECTED events.
//
//   node follow-promotions.mjs BOOTSTRAP REGISTRY_CCOMPAT_URL MODEL_TYPE EXPECTED
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry, decode } from './omega-wire.mjs';

const [bootstrap, registryUrl, modelType, expectedArg] = process.argv.slice(2);
const expected = Number(expectedArg);

const registry = new SchemaRegistry(registryUrl);
const kafka = new Kafka({ clientId: 'omega-node-follower', brokers: [bootstrap], logLevel: logLevel.WARN });
// A group of its own, read from the start: the topic is the registry's whole history, never expired.
const consumer = kafka.consumer({ groupId: `omega-node-follower-${process.pid}-${Date.now()}` });
await consumer.connect();
await consumer.subscribe({ topic: 'omega.registry-events', fromBeginning: true });

let seen = 0;
await new Promise((resolve, reject) => {
  consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key.toString('utf8') !== modelType) {
        return;
      }
      const event = await decode(registry, message.value);
      console.log(JSON.stringify(event));
      if (++seen === expected) {
        resolve();
      }
    },
  }).catch(reject);
});
await consumer.disconnect();

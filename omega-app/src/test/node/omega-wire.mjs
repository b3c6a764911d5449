// OMEGA's topics from Node.js: values are Avro in the Confluent wire format (byte 0, the schema's id as a 4-byte
// big-endian integer, then the Avro binary record), keys are UTF-8 strings. Schema ids come from the schema
// registry's Confluent-compatible API, which is where OMEGA's own serializers get theirs (Apicurio hands out
// content ids there), so OMEGA's consumers decode what this writes and the other way round.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import avro from 'avsc';

const MAGIC = 0;

export class SchemaRegistry {
  /** baseUrl: the Confluent-compatible API, e.g. http://localhost:8080/apis/ccompat/v7 */
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.types = new Map();
  }

  /** Registers a schema under a subject; registering one already there answers the id it has. */
  async register(subject, schema) {
    const response = await fetch(`${this.baseUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schemaType: 'AVRO', schema }),
    });
    if (!response.ok) {
      throw new Error(`registering ${subject}: HTTP ${response.status} ${await response.text()}`);
    }
    return (await response.json()).id;
  }

  /** The Avro type a record was written with, by the id in its first five bytes; cached. */
  async typeOf(id) {
    if (!this.types.has(id)) {
      const response = await fetch(`${this.baseUrl}/schemas/ids/${id}`);
      if (!response.ok) {
        throw new Error(`schema ${id}: HTTP ${response.status} ${await response.text()}`);
      }
      this.types.set(id, avro.Type.forSchema(JSON.parse((await response.json()).schema)));
    }
    return this.types.get(id);
  }
}

/** Writes one topic's values with the schema `omega schemas export` wrote for it. */
export class TopicWriter {
  static async open(registry, exportDir, topicName) {
    const catalogue = JSON.parse(readFileSync(join(exportDir, 'topics.json'), 'utf8'));
    const topic = catalogue.topics.find((t) => t.name === topicName);
    if (!topic || !topic.value.schema_file) {
      throw new Error(`${topicName} is not a record topic of ${exportDir}/topics.json`);
    }
    const schema = JSON.parse(readFileSync(join(exportDir, topic.value.schema_file), 'utf8'));
    // Compact, as OMEGA's serializers register it: the registry keeps text as given, and the same text gets the
    // same id, so Node and OMEGA share one schema version instead of two equal ones.
    const id = await registry.register(topic.value.subject, JSON.stringify(schema));
    return new TopicWriter(topic.name, id, avro.Type.forSchema(schema));
  }

  constructor(topic, schemaId, type) {
    this.topic = topic;
    this.schemaId = schemaId;
    this.type = type;
  }

  /** A kafkajs message: the key as UTF-8, the value in the wire format. Throws when the value breaks the schema. */
  message(key, value) {
    const header = Buffer.alloc(5);
    header.writeUInt8(MAGIC, 0);
    header.writeInt32BE(this.schemaId, 1);
    return { key: Buffer.from(key, 'utf8'), value: Buffer.concat([header, this.type.toBuffer(value)]) };
  }
}

/** Decodes a value in the wire format with the schema it was written with. */
export async function decode(registry, bytes) {
  if (bytes.length < 5 || bytes.readUInt8(0) !== MAGIC) {
    throw new Error(`not in the schema-registry wire format (${bytes.length} bytes)`);
  }
  const type = await registry.typeOf(bytes.readInt32BE(1));
  return type.fromBuffer(bytes.subarray(5));
}

/**
 * The same id every time for the same event (a UUID-shaped digest of what identifies it): an engine that sends an
 * event again after a restart sends it under the id it had, so readers can tell it is the same event.
 */
export function eventId(...parts) {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// Writes a tiny OpenStreetMap .osm.pbf for tests: the format's framing (BlobHeader, zlib
// Blob), a HeaderBlock, and one PrimitiveBlock of plain nodes and ways, encoded by hand from
// the format's .proto files (wiki.openstreetmap.org/wiki/PBF_Format). Written independently
// of the parser under test, so a parser that misreads the format fails the test.
import zlib from 'node:zlib';

class Proto {
  private readonly bytes: number[] = [];
  varint(value: number | bigint): this {
    let v = BigInt(value);
    while (v > 0x7fn) {
      this.bytes.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }
  key(field: number, wire: 0 | 2): this {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, value: number): this {
    return this.key(field, 0).varint(value);
  }
  sint(field: number, value: number): this {
    return this.key(field, 0).varint(zigzag(value));
  }
  message(field: number, data: Uint8Array): this {
    this.key(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, text: string): this {
    return this.message(field, Buffer.from(text, 'utf8'));
  }
  packed(field: number, values: (number | bigint)[]): this {
    const inner = new Proto();
    for (const v of values) inner.varint(v);
    return this.message(field, inner.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (n: number): bigint => (n >= 0 ? BigInt(n) * 2n : BigInt(-n) * 2n - 1n);

export interface TestNode {
  id: number;
  lat: number;
  lon: number;
  tags?: Record<string, string>;
}
export interface TestWay {
  id: number;
  refs: number[];
  tags?: Record<string, string>;
}

function blob(type: 'OSMHeader' | 'OSMData', payload: Uint8Array): Buffer {
  const body = new Proto().uint(2, payload.length).message(3, zlib.deflateSync(payload)).done();
  const header = new Proto().string(1, type).uint(3, body.length).done();
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, body]);
}

/** An .osm.pbf holding `nodes` and `ways` (nodes first, as the format expects). */
export function writeOsmPbf(nodes: TestNode[], ways: TestWay[]): Buffer {
  const strings = [''];
  const index = (s: string) => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  const tagFields = (p: Proto, tags: Record<string, string> = {}) => {
    const entries = Object.entries(tags);
    if (entries.length === 0) return p;
    return p.packed(2, entries.map(([k]) => index(k))).packed(3, entries.map(([, v]) => index(v)));
  };
  const group = new Proto();
  for (const n of nodes) {
    // granularity 100 nanodegrees: coordinates are stored in units of 1e-7 degree
    const node = tagFields(new Proto().sint(1, n.id), n.tags).sint(8, Math.round(n.lat * 1e7)).sint(9, Math.round(n.lon * 1e7));
    group.message(1, node.done());
  }
  for (const w of ways) {
    const way = tagFields(new Proto().uint(1, w.id), w.tags);
    // refs are delta-coded sint64
    const deltas = w.refs.map((r, i) => zigzag(r - (i ? w.refs[i - 1]! : 0)));
    way.packed(8, deltas);
    group.message(3, way.done());
  }
  const groupBytes = group.done();
  const table = new Proto();
  for (const s of strings) table.string(1, s);
  const block = new Proto().message(1, table.done()).message(2, groupBytes).done();
  const header = new Proto().string(4, 'OsmSchema-V0.6').string(16, 'cds-test').done();
  return Buffer.concat([blob('OSMHeader', header), blob('OSMData', block)]);
}

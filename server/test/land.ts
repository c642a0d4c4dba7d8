// For land tests: a minimal Shapefile writer (polygons + dBASE attributes), so tests can
// build the kind of .shp/.dbf pair a cadastral office exports without a GIS install.
// Only what the tests need: Polygon shapes (type 5), character and numeric fields.

type Ring = number[][];

export function polygonShapefile(records: { rings: Ring[]; props: Record<string, string | number> }[], fields: { name: string; type: 'C' | 'N'; length: number }[]): { shp: Buffer; dbf: Buffer } {
  const contents = records.map(({ rings }) => {
    const points = rings.flat();
    const len = 44 + 4 * rings.length + 16 * points.length;
    const b = Buffer.alloc(len);
    b.writeInt32LE(5, 0);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    b.writeDoubleLE(Math.min(...xs), 4);
    b.writeDoubleLE(Math.min(...ys), 12);
    b.writeDoubleLE(Math.max(...xs), 20);
    b.writeDoubleLE(Math.max(...ys), 28);
    b.writeInt32LE(rings.length, 36);
    b.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += r.length;
    });
    let o = 44 + 4 * rings.length;
    for (const p of points) {
      b.writeDoubleLE(p[0]!, o);
      b.writeDoubleLE(p[1]!, o + 8);
      o += 16;
    }
    return b;
  });
  const all = records.flatMap((r) => r.rings.flat());
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + contents.reduce((s, c) => s + 8 + c.length, 0)) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  header.writeDoubleLE(Math.min(...all.map((p) => p[0]!)), 36);
  header.writeDoubleLE(Math.min(...all.map((p) => p[1]!)), 44);
  header.writeDoubleLE(Math.max(...all.map((p) => p[0]!)), 52);
  header.writeDoubleLE(Math.max(...all.map((p) => p[1]!)), 60);
  const recs = contents.map((c, i) => {
    const h = Buffer.alloc(8);
    h.writeInt32BE(i + 1, 0);
    h.writeInt32BE(c.length / 2, 4);
    return Buffer.concat([h, c]);
  });

  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const dbfHeader = Buffer.alloc(32 + 32 * fields.length + 1);
  dbfHeader.writeUInt8(3, 0);
  dbfHeader.writeUInt8(125, 1);
  dbfHeader.writeUInt8(1, 2);
  dbfHeader.writeUInt8(1, 3);
  dbfHeader.writeUInt32LE(records.length, 4);
  dbfHeader.writeUInt16LE(dbfHeader.length, 8);
  dbfHeader.writeUInt16LE(recordLength, 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    dbfHeader.write(f.name.slice(0, 10), at, 'latin1');
    dbfHeader.write(f.type, at + 11, 'latin1');
    dbfHeader.writeUInt8(f.length, at + 16);
  });
  dbfHeader.writeUInt8(0x0d, dbfHeader.length - 1);
  const rows = records.map(({ props }) => {
    const parts = [Buffer.from(' ')];
    for (const f of fields) {
      const raw = String(props[f.name] ?? '');
      const bytes = Buffer.from(raw, 'utf8');
      const cell = Buffer.alloc(f.length, 0x20);
      if (f.type === 'N') bytes.copy(cell, Math.max(0, f.length - bytes.length));
      else bytes.copy(cell, 0, 0, f.length);
      parts.push(cell);
    }
    return Buffer.concat(parts);
  });
  return { shp: Buffer.concat([header, ...recs]), dbf: Buffer.concat([dbfHeader, ...rows, Buffer.from([0x1a])]) };
}

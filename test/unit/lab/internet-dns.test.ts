import { describe, expect, it } from 'vitest';
import { answer, parseQuestion } from '../../../src/lab/internet-dns.js';

function query(name: string, type = 1, id = 0x1234): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, type, 0, 1])]);
}

describe('the lab internet DNS server', () => {
  const records = new Map([['internet.lab', '198.51.100.1']]);

  it('parses the question', () => {
    expect(parseQuestion(query('Internet.LAB'))).toMatchObject({ name: 'internet.lab', type: 1 });
  });

  it('answers a known name with its address', () => {
    const r = answer(query('internet.lab'), records)!;
    expect(r.readUInt16BE(0)).toBe(0x1234);
    expect(r[3]! & 0x0f).toBe(0);
    expect(r.readUInt16BE(6)).toBe(1);
    expect([...r.subarray(r.length - 4)]).toEqual([198, 51, 100, 1]);
  });

  it('answers NXDOMAIN at once for any other name', () => {
    const r = answer(query('example.com'), records)!;
    expect(r[3]! & 0x0f).toBe(3);
    expect(r.readUInt16BE(6)).toBe(0);
  });

  it('gives an empty answer for AAAA of a known name', () => {
    const r = answer(query('internet.lab', 28), records)!;
    expect(r[3]! & 0x0f).toBe(0);
    expect(r.readUInt16BE(6)).toBe(0);
  });

  it('ignores garbage', () => {
    expect(answer(Buffer.from([1, 2, 3]), records)).toBeUndefined();
  });

  it('returns a reply or nothing, never throws, on truncated and random datagrams', () => {
    let seed = 42;
    const byte = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) & 0xff;
    const good = query('internet.lab');
    for (let n = 0; n < 3000; n++) {
      const random = Buffer.from(Array.from({ length: byte() % 80 }, byte));
      const cut = good.subarray(0, n % (good.length + 1));
      for (const msg of [random, cut]) expect(() => answer(msg, records)).not.toThrow();
    }
  });
});

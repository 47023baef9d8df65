import dgram from 'node:dgram';

/**
 * The lab internet's DNS server: a few lab names, and an immediate NXDOMAIN for every other name,
 * so a lookup of something that does not exist fails at once instead of timing out (and no query
 * ever leaves the machine). Its program is internet-dns-main.js: `node internet-dns-main.js <listen-ip> name=ip...`.
 */

export function parseQuestion(msg: Buffer): { name: string; type: number; end: number } | undefined {
  let off = 12;
  const labels: string[] = [];
  while (off < msg.length) {
    const len = msg[off] ?? 0;
    if (len === 0) break;
    if (len > 63) return undefined;
    labels.push(msg.subarray(off + 1, off + 1 + len).toString('ascii'));
    off += len + 1;
  }
  if (off + 5 > msg.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(off + 1), end: off + 5 };
}

export function answer(msg: Buffer, records: Map<string, string>): Buffer | undefined {
  if (msg.length < 12) return undefined;
  const q = parseQuestion(msg);
  if (!q) return undefined;
  const ip = records.get(q.name.replace(/\.$/, ''));
  const header = Buffer.alloc(12);
  msg.copy(header, 0, 0, 2); // id
  const rd = (msg[2] ?? 0) & 0x01;
  header[2] = 0x84 | rd; // QR, AA, RD copied
  const found = ip !== undefined;
  header[3] = found ? 0x80 : 0x83; // RA; rcode 0 or NXDOMAIN
  header.writeUInt16BE(1, 4);
  const isA = q.type === 1;
  header.writeUInt16BE(found && isA ? 1 : 0, 6);
  const question = msg.subarray(12, q.end);
  if (!found || !isA) return Buffer.concat([header, question]);
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
  rr.writeUInt16BE(1, 2); // A
  rr.writeUInt16BE(1, 4); // IN
  rr.writeUInt32BE(60, 6); // TTL
  rr.writeUInt16BE(4, 10);
  ip.split('.').forEach((o, i) => rr.writeUInt8(Number(o), 12 + i));
  return Buffer.concat([header, question, rr]);
}

/**
 * Serve until killed, whatever arrives: a datagram that breaks the parser is dropped, a reply to
 * source port 0 (which no one can receive, and which dgram refuses with ERR_SOCKET_BAD_PORT) is
 * never sent, and a send error is ignored. Only a failed bind ends the program (exit 1), so the
 * lab's health check sees it gone.
 */
export function serve(argv: string[]): void {
  const [listen, ...pairs] = argv;
  const records = new Map(pairs.map((p) => p.split('=') as [string, string]));
  const sock = dgram.createSocket('udp4');
  let bound = false;
  sock.on('error', (err) => {
    if (!bound) {
      process.stderr.write(`internet-dns: ${err.message}\n`);
      process.exit(1);
    }
  });
  sock.on('message', (msg, from) => {
    try {
      if (from.port === 0) return;
      const reply = answer(msg, records);
      if (reply) sock.send(reply, from.port, from.address, () => {});
    } catch {
      /* one bad datagram: dropped */
    }
  });
  sock.bind(53, listen, () => {
    bound = true;
  });
}

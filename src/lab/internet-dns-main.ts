import { serve } from './internet-dns.js';

// The lab internet's DNS server as a program of its own (started by internet.ts, in the internet
// namespace): `node internet-dns-main.js <listen-ip> name=ip...`. Nothing imports this file, so
// the bundled CLI never holds it, and the server never depends on how the CLI was built.
serve(process.argv.slice(2));

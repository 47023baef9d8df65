"""Send hostile UDP datagrams to a DNS server, from any source port (0 included).

Node's dgram cannot send from port 0, and busybox cannot craft a UDP header, so this writes
whole IPv4+UDP packets on a raw socket (IPPROTO_RAW implies IP_HDRINCL): the kernel fills in
the IP checksum, total length and (as it is 0 here) the source address; the UDP checksum is 0,
which IPv4 allows ("none"). Run it inside a lab namespace:
    nsenter --net=/run/netns/<lab>-host1 -- python3 udp-flood.py <dst-ip> <count> <seed>
Mixes, per datagram: a valid query from port 0, a query cut short, random bytes (from port 0 or
a random port), and a header-only message. Prints how many it sent.
"""
import random
import socket
import struct
import sys

dst, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)


def query(name: str, qtype: int = 1) -> bytes:
    head = struct.pack('!HHHHHH', rnd.randrange(65536), 0x0100, 1, 0, 0, 0)
    labels = b''.join(bytes([len(p)]) + p.encode() for p in name.split('.'))
    return head + labels + b'\x00' + struct.pack('!HH', qtype, 1)


def packet(sport: int, payload: bytes) -> bytes:
    udp = struct.pack('!HHHH', sport, 53, 8 + len(payload), 0) + payload
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 0, 0, 0, 64, socket.IPPROTO_UDP, 0,
                     b'\x00\x00\x00\x00', socket.inet_aton(dst))
    return ip + udp


sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
good = query('internet.lab')
sent = 0
for i in range(count):
    kind = i % 4
    if kind == 0:
        payload, sport = query(rnd.choice(['internet.lab', 'example.com', 'x.y'])), 0
    elif kind == 1:
        payload, sport = good[: rnd.randrange(len(good))], rnd.choice([0, rnd.randrange(1, 65536)])
    elif kind == 2:
        payload = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 300)))
        sport = rnd.choice([0, rnd.randrange(1, 65536)])
    else:
        payload, sport = good[:12] + bytes([rnd.randrange(256)]) * rnd.randrange(0, 80), 0
    sock.sendto(packet(sport, payload), (dst, 0))
    sent += 1
print(sent)

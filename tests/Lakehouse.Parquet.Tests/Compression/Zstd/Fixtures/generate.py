#!/usr/bin/env python3
"""Regenerates the zstd fixtures with the reference CLI (zstd 1.5.x). Run from this folder: python3 generate.py

Contents come from small deterministic generators mirrored in FixtureContent.cs, so the tests regenerate the
original bytes instead of storing them. CI does not need the zstd CLI: the .zst files are committed.
"""
import os
import struct
import subprocess

WORDS = ("the of and to in is was for on that with as by at from this be are or an it which not have has "
         "data lake table parquet delta bronze silver gold page column row group schema commit version file "
         "stream block frame literal match offset window checksum huffman entropy state decode encode value "
         "null string integer decimal timestamp date boolean array map struct").split()


class Lcg:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF

    def next(self):
        self.s = (self.s * 1664525 + 1013904223) & 0xFFFFFFFF
        return self.s


def text(n, seed):
    r, out = Lcg(seed), bytearray()
    while len(out) < n:
        out += WORDS[(r.next() >> 24) % len(WORDS)].encode()
        out += b"\n" if (r.next() >> 24) < 20 else b" "
    return bytes(out[:n])


def binary(n, seed):
    r, out, v, i = Lcg(seed), bytearray(), 1000, 0
    while len(out) < n:
        v = (v + (r.next() >> 28)) & 0xFFFFFFFF
        out += struct.pack("<II", i, v)
        i += 1
    return bytes(out[:n])


def random_bytes(n, seed):
    r = Lcg(seed)
    return bytes((r.next() >> 24) for _ in range(n))


def runs(n, seed):
    r, out = Lcg(seed), bytearray(b"A" * 140000)
    while len(out) < n:
        b = r.next() >> 24
        out += bytes([b]) * (1 + (r.next() >> 20))
    return bytes(out[:n])


def skewed(n, seed):
    r = Lcg(seed)
    out = bytearray()
    for _ in range(n):
        x = (r.next() >> 16) | 0x10000
        out.append(ord("a") + ((x & -x).bit_length() - 1))
    return bytes(out)


def uniform16(n, seed):
    r = Lcg(seed)
    return bytes(ord("a") + ((r.next() >> 24) & 15) for _ in range(n))


def nibbles(n, seed):
    r = Lcg(seed)
    return bytes(((r.next() >> 24) & 7) for _ in range(n))


def low_entropy_tail(seed):
    r = Lcg(seed)
    head = bytes(ord("0") + ((r.next() >> 24) & 63) for _ in range(3000))
    tail = bytes(ord("0") + ((r.next() >> 24) & 3) for _ in range(1000))
    return head + tail


def far_match(seed):
    chunk = random_bytes(30000, seed)
    return chunk + bytes(9_000_000) + chunk


def zstd(data, *args, stdin=False):
    if stdin:
        return subprocess.run(["zstd", "-q", "-c", *args, "-"], input=data, capture_output=True, check=True).stdout
    with open("_tmp.bin", "wb") as f:
        f.write(data)
    try:
        return subprocess.run(["zstd", "-q", "-c", "-f", *args, "_tmp.bin"], capture_output=True, check=True).stdout
    finally:
        os.remove("_tmp.bin")


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


text160k = text(160000, 1)
write("empty.zst", zstd(b"", "-3"))
write("hello.zst", zstd(b"hello, zstd", "-3"))
write("text-small-l19.zst", zstd(text(1000, 7), "-19"))
write("text-tiny-l19.zst", zstd(text(300, 10), "-19"))  # one Huffman stream with a tree, predefined sequences
write("uniform16-l1.zst", zstd(uniform16(1000, 11), "-1"))  # Huffman literals, no sequences
write("nibbles-l1.zst", zstd(nibbles(2000, 12), "-1"))  # direct (4-bit) Huffman weights
write("low-entropy-tail-l1.zst", zstd(low_entropy_tail(14), "-1"))  # fourth Huffman stream much shorter
write("text-l1.zst", zstd(text160k, "-1"))
write("text-l3.zst", zstd(text160k, "-3"))
write("text-l19.zst", zstd(text160k, "-19"))
write("text-ultra22-long.zst", zstd(text160k, "--ultra", "-22", "--long=27"))
write("text-l3-nocheck.zst", zstd(text160k, "-3", "--no-check"))
write("text-l3-stream.zst", zstd(text160k, "-3", stdin=True))
write("binary-l3.zst", zstd(binary(60000, 2), "-3"))
write("binary-l19.zst", zstd(binary(60000, 2), "-19"))
write("random.zst", zstd(random_bytes(40000, 3), "-3"))
write("runs-l3.zst", zstd(runs(300000, 4), "-3"))
write("skewed-l3.zst", zstd(skewed(100000, 5), "-3"))
write("skewed-l19.zst", zstd(skewed(150000, 5), "-19"))
write("far-match-long.zst", zstd(far_match(6), "-19", "--long=24"))
skippable = struct.pack("<II", 0x184D2A53, 5) + b"skip!"
write("multi-frame.zst", zstd(text(5000, 8), "-1") + skippable + zstd(binary(7000, 9), "-19", "--no-check") + zstd(b"", "-1"))

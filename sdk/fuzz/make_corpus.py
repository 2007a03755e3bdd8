#!/usr/bin/env python3
"""Regenerates sdk/fuzz/corpus/ from the codec fixtures (sdk/tests/codec/fixtures/*.json).

Every fixture's wire value becomes two seeds for property_decoder_fuzzer: 'J' + compact JSON and 'B' + the binary
google.protobuf.Value (encoded here by hand, so no protobuf Python package is needed). A few binary-only seeds add
what JSON cannot express. Usage: python3 sdk/fuzz/make_corpus.py
"""
import json
import math
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "codec", "fixtures")
CORPUS = os.path.join(HERE, "corpus")


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, wire_type, payload):
    key = varint((num << 3) | wire_type)
    if wire_type == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def value(v):
    """google.protobuf.Value: null=1 (enum), number=2 (double), string=3, bool=4, struct=5, list=6."""
    if v is None:
        return field(1, 0, varint(0))
    if isinstance(v, bool):
        return field(4, 0, varint(int(v)))
    if isinstance(v, (int, float)):
        return field(2, 1, struct.pack("<d", float(v)))
    if isinstance(v, str):
        return field(3, 2, v.encode("utf-8"))
    if isinstance(v, list):
        return field(6, 2, b"".join(field(1, 2, value(e)) for e in v))
    if isinstance(v, dict):
        entries = b"".join(field(1, 2, field(1, 2, k.encode("utf-8")) + field(2, 2, value(e))) for k, e in v.items())
        return field(5, 2, entries)
    raise TypeError(v)


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    os.makedirs(CORPUS)
    count = 0
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(FIXTURES, name)) as f:
            wire = json.load(f)["wire"]
        stem = name[:-5]
        with open(os.path.join(CORPUS, "json_" + stem), "wb") as f:
            f.write(b"J" + json.dumps(wire, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        with open(os.path.join(CORPUS, "bin_" + stem), "wb") as f:
            f.write(b"B" + value(wire))
        count += 2
    extras = {
        "bin_extra_nan": b"B" + field(2, 1, struct.pack("<d", math.nan)),
        "bin_extra_nan_in_secret": b"B" + value({"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                                                 "value": [1.5]}).replace(struct.pack("<d", 1.5), struct.pack("<d", math.nan)),
        "bin_extra_infinity": b"B" + field(2, 1, struct.pack("<d", math.inf)),
        "bin_extra_kind_not_set_in_struct": b"B" + field(5, 2, field(1, 2, field(1, 2, b"k") + field(2, 2, b""))),
        "bin_extra_empty": b"B",
    }
    for stem, data in extras.items():
        with open(os.path.join(CORPUS, stem), "wb") as f:
            f.write(data)
        count += 1
    print(f"{count} seeds in {CORPUS}")


if __name__ == "__main__":
    main()

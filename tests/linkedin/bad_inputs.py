"""Builders of hostile inputs, shared by the bad-input matrices (readers and command line).

Every case is made by the test itself, from nothing: no fixture file can go stale. The zip
bomb is assembled by hand (one compressed MiB of zeros repeated) so that it takes a second
to build, not the ten it takes to compress 1.5 GiB.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
CONNECTION_ROW = "Chloé,Dupont,https://www.linkedin.com/in/chloe-d,,Havas,CM,05 Jan 2026\n"
INVITATIONS_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
INVITATION_ROW = ('Zoé Zed,Camille Laurent,"1/29/26, 2:37 PM","Hello, ""friend""\nsecond line",'
                  "INCOMING,https://www.linkedin.com/in/zoe-zed,\n")
DAY = datetime(2026, 11, 25, 14, 37, 5)


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    """A deflated zip of ``members`` (name → content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_export_zip() -> bytes:
    return zip_bytes({"Connections.csv": CONNECTIONS_HEADER + CONNECTION_ROW,
                      "Invitations.csv": INVITATIONS_HEADER + INVITATION_ROW})


def one_member_zip() -> bytearray:
    return bytearray(zip_bytes({"Connections.csv": CONNECTIONS_HEADER + CONNECTION_ROW}))


def _headers(data: bytearray) -> tuple[int, int]:
    """Offsets of the (single) local header and central directory entry."""
    return data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")


def zip_with_bad_crc() -> bytes:
    data = one_member_zip()
    local, central = _headers(data)
    data[local + 14] ^= 0xFF  # CRC-32 in both headers
    data[central + 16] ^= 0xFF
    return bytes(data)


def zip_with_damaged_data() -> bytes:
    data = one_member_zip()
    local, _ = _headers(data)
    data[local + 30 + len("Connections.csv") + 3] ^= 0xFF  # inside the deflate stream
    return bytes(data)


def zip_encrypted() -> bytes:
    data = one_member_zip()
    local, central = _headers(data)
    data[local + 6] |= 1  # general purpose flag bit 0: encrypted
    data[central + 8] |= 1
    return bytes(data)


def zip_unknown_compression() -> bytes:
    data = one_member_zip()
    local, central = _headers(data)
    data[local + 8] = 99  # compression method 99 (AES), unknown to zipfile
    data[central + 10] = 99
    return bytes(data)


def zip_lying_size() -> bytes:
    """Its directory says 200 bytes; the member inflates to 50 MiB."""
    head = CONNECTIONS_HEADER.encode()
    data, crc = deflated_zeros(50 << 20, head)
    return _single_member_zip("Connections.csv", data, crc, 200)


def deflated_zeros(total: int, head: bytes = b"") -> tuple[bytes, int]:
    """A raw deflate stream of ``head`` then ``total`` zero bytes (a whole number of MiB), and
    its CRC-32. After a full flush every MiB compresses to the same bytes, so one is repeated."""
    mib = b"\0" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)]
    block = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = total // len(mib)
    parts.append(block * (count - 1))
    parts.append(compressor.compress(mib) + compressor.flush())
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(mib, crc)
    return b"".join(parts), crc


def _single_member_zip(name: str, data: bytes, crc: int, size: int) -> bytes:
    raw = name.encode()
    local = struct.pack(zipfile.structFileHeader, zipfile.stringFileHeader, 20, 0, 0,
                        zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size, len(raw), 0) + raw
    central = struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir, 20, 0, 20, 0, 0,
                          zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size, len(raw),
                          0, 0, 0, 0, 0, 0) + raw
    end = struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, 1, 1,
                      len(central), len(local) + len(data), 0)
    return local + data + central + end


def zip_bomb(inflated: int = 1536 << 20) -> bytes:
    """About 1.5 MB that inflate to ``inflated`` bytes (1.5 GiB): a Connections.csv header
    followed by zeros. A valid zip: its CRC is right, so only a size limit stops it."""
    head = CONNECTIONS_HEADER.encode()
    data, crc = deflated_zeros(inflated, head)
    return _single_member_zip("Connections.csv", data, crc, inflated + len(head))


def save_many(folder: str, worker: int, count: int) -> None:
    """One process's share of the concurrent-save test: ``count`` saves, one row each."""
    from invite_triage.linkedin.annotations import save_annotation

    for i in range(count):
        save_annotation(folder=folder, now=DAY, name=f"Worker{worker} Person{i}",
                        mutual_connections=i % 7, decision="ask")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path

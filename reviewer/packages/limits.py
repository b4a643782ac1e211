"""Every size and count limit of a review package, in one place: the reader refuses what exceeds
them (a hostile file must not exhaust memory), and the sealer refuses the same *before writing
anything*, so that a package that seals always opens. See ``docs/package-format.md`` §3 and §4.

Sizing (issue 21): the largest manifest entry, a name of :data:`MAX_NAME_BYTES`, a media type of
:data:`MAX_MEDIA_TYPE` and 16-digit sizes, is 1,610 bytes of canonical JSON; :data:`MAX_ENTRIES`
of them are 32,206,440 bytes, under :data:`MAX_MANIFEST` with ~1.3 MB left for the header, the roster
(~1.5 KB a member with its certificate) and the recipients. A typical entry is ~350 bytes.
"""

from __future__ import annotations

from reviewer.errors import OverLimit
from reviewer.i18n import T

MiB = 1024 * 1024

MAX_MATERIALS = 20_000  # material entries in one package
FIXED_ENTRIES = 5  # standard.json, candidate.json, procedure.json, schedule.json, prior-results.json
MAX_ENTRIES = MAX_MATERIALS + FIXED_ENTRIES
MAX_NAME_BYTES = 1024  # UTF-8 bytes of an entry name, "materials/" included
MAX_MEDIA_TYPE = 255  # characters of an entry's media type (RFC 6838: 127 + "/" + 127)
MAX_MANIFEST = 32 * MiB  # bytes of manifest.json
MAX_SIGNATURE = 64 * 1024  # bytes of signature.json
MAX_CRL = 1 * MiB  # bytes of revocations.crl
FIXED_MEMBERS = ("mimetype", "manifest.json", "signature.json", "revocations.crl")
MAX_MEMBERS = MAX_ENTRIES + len(FIXED_MEMBERS)  # ZIP members (the safe ZIP reader's cap)

_WHAT_TO_DO = (
    "请把材料分成几个评审包，或把一批扫描件等文件夹压缩成一个 ZIP 文件、作为一份材料封装。",
    "Split the materials over several packages, or zip a folder of scans into one file and seal it as "
    "one material.",
)


def check_materials(names: list[str]) -> None:
    """Seal's check of the material list: their number and each name's length (:class:`OverLimit`)."""
    if len(names) > MAX_MATERIALS:
        raise OverLimit(
            T(
                "材料共 {n} 个，超过一个评审包允许的 {max} 个。" + _WHAT_TO_DO[0],
                "There are {n} materials, more than the {max} one package may hold. " + _WHAT_TO_DO[1],
                n=len(names),
                max=MAX_MATERIALS,
            ),
            detail=f"MAX_MATERIALS = {MAX_MATERIALS}",
        )
    for name in names:
        size = len(name.encode("utf-8"))
        if size > MAX_NAME_BYTES:
            raise OverLimit(
                T(
                    "材料名“{name}”长 {n} 字节（UTF-8，含文件夹路径），超过允许的 {max} 字节。请缩短文件名或"
                    "文件夹路径后重新封装。",
                    "The material name “{name}” is {n} bytes long (UTF-8, folders included), more than "
                    "the {max} allowed. Shorten the file or folder names and seal again.",
                    name=name,
                    n=size,
                    max=MAX_NAME_BYTES,
                ),
                detail=f"MAX_NAME_BYTES = {MAX_NAME_BYTES}",
            )


def check_manifest_size(size: int) -> None:
    """Seal's check of the manifest it is about to sign (exact: computed before any entry is written)."""
    if size > MAX_MANIFEST:
        raise OverLimit(
            T(
                "评审包清单将有 {n} 字节，超过允许的 {max} 字节（材料过多、名称过长或专家组过大）。"
                + _WHAT_TO_DO[0],
                "The package manifest would be {n} bytes, more than the {max} allowed (too many "
                "materials, names too long or too large a panel). " + _WHAT_TO_DO[1],
                n=size,
                max=MAX_MANIFEST,
            ),
            detail=f"MAX_MANIFEST = {MAX_MANIFEST}",
        )


def check_crl_size(size: int) -> None:
    """Seal's check of the authority's revocation list, which every package carries."""
    if size > MAX_CRL:
        raise OverLimit(
            T(
                "吊销列表有 {n} 字节，超过评审包允许的 {max} 字节，无法封装。请联系 reviewer 的维护者。",
                "The revocation list is {n} bytes, more than the {max} a package may carry; nothing "
                "can be sealed. Contact the reviewer maintainers.",
                n=size,
                max=MAX_CRL,
            ),
            detail=f"MAX_CRL = {MAX_CRL}",
        )

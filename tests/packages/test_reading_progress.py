"""Reading an entry and checking a whole package report their progress from the core, so both faces
(the GUI's progress bar, the CLI) use the same calls: in bytes, rising, ending at the total."""

from __future__ import annotations

from pkg_world import PASSPHRASE

from reviewer.packages import open_package
from reviewer.trust import PassphraseSource, load_identity


def test_read_and_verify_all_report_their_progress(world) -> None:
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.small_package, identity) as opened:
        entries = opened.manifest.entries
        biggest = max(entries, key=lambda e: e.size)
        seen: list[tuple[int, int, str]] = []
        data = opened.read(biggest.name, lambda done, total, name: seen.append((done, total, name)))
        assert len(data) == biggest.size
        assert seen[0] == (0, biggest.size, biggest.name) and seen[-1] == (
            biggest.size,
            biggest.size,
            biggest.name,
        )
        assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)

        whole: list[tuple[int, int, str]] = []
        checked = opened.verify_all(lambda done, total, name: whole.append((done, total, name)))
        total = sum(e.size for e in entries)
        assert checked == total and whole[-1][:2] == (total, total)
        assert {name for _, _, name in whole[1:]} == {e.name for e in entries if e.size}
        assert opened.read(biggest.name) == data  # no callback: the same bytes

"""``reviewer demo``: builds a complete, openable demo without any prompt, and reuses it."""

from __future__ import annotations

import contextlib
import io

import pytest

from reviewer.cli import main
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
from reviewer.packages import open_package
from reviewer.trust import PassphraseSource, load_identity

pytestmark = pytest.mark.slow


def test_demo_builds_then_reuses_and_every_member_can_open(tmp_path, monkeypatch) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--lang", "en", "--data-dir", str(tmp_path), "demo", "--no-gui"]) == 0
    assert "Built the demo" in out.getvalue()
    folder = tmp_path / "demo"
    assert DEMO_PASSPHRASE in (folder / "README.md").read_text("utf-8")
    demo = build_demo(folder)
    assert demo.reused and len(demo.identities) == 7
    for key, ident in demo.identities.items():
        identity = load_identity(ident, PassphraseSource(explicit=DEMO_PASSPHRASE))
        with open_package(demo.package, identity) as opened:
            assert opened.manifest.candidate["name"] == "示例软件园"
            assert len([m for m in opened.manifest.roster if m.role == "chair"]) == 1
            if key == demo.chair:
                opened.verify_all()
                materials = opened.materials()
                assert len(materials) >= 3
                first = opened.read(materials[0].name)
                assert first.startswith(b"%PDF")


def test_demo_opens_the_gui_with_the_package(tmp_path, monkeypatch) -> None:
    seen = {}

    def fake_run(args):
        seen["file"] = args.file
        return 0

    monkeypatch.setattr("reviewer.cli.gui.run", fake_run)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--data-dir", str(tmp_path), "demo"]) == 0
    assert seen["file"].endswith(".rvpkg")

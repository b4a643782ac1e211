"""A ministry, a panel and sealed packages for the score sheet tests, built once per session.

Everything goes through the colleagues' public APIs (trust, packages). Key generation and
unlocking are the slow parts: identities are unlocked once and kept in :class:`SheetWorld`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.packages import open_package, seal
from reviewer.packages.seal import PanelMember
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    YesNoAnswer,
)
from reviewer.standards import load_standard
from reviewer.standards.model import Standard
from reviewer.trust import (
    Identity,
    PassphraseSource,
    create_authority,
    create_identity,
    install_credential,
    load_identity,
)
from reviewer.trust.authority import Authority, AuthorityKeys
from tests.permissive import permissive_rules

PASSPHRASE = "test-passphrase-0123"
PASS_ENV = "RV_SHEET_TEST_PASSPHRASE"
STANDARD = (
    Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
)
MATERIAL = "materials/申请表.pdf"
PLEDGE_AT = "2026-06-15T01:00:00Z"
CANDIDATE = {"name": "示例软件园", "type": "park", "province": "江苏省", "city": "南京市"}


def source() -> PassphraseSource:
    return PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)


@dataclass(frozen=True)
class SheetWorld:
    root: Path
    authority: Authority
    keys: AuthorityKeys
    standard: Standard
    ids: dict[str, Identity]  # zhang (chair), li, wang, zhou (experts), zhao (outsider), mallory (foreign)
    folders: dict[str, Path]
    credentials: dict[str, Path]
    package: Path  # panel: zhang chair, li, wang, zhou
    other_package: Path  # panel: zhang chair, li
    binding: PackageBinding
    other_binding: PackageBinding

    @property
    def root_cert(self):  # the pinned ministry root
        return self.ids["zhang"].trust_root()


def _enrol(root: Path, authority: Authority, key: str, name: str, org: str) -> tuple[Identity, Path, Path]:
    folder = root / "id" / key
    _, request = create_identity(folder, name=name, org=org, source=source())
    cred = authority.enroll(request.to_bytes(), source())
    cred_path = root / f"{key}.rvcred"
    cred.save(cred_path)
    install_credential(folder, cred_path)
    return load_identity(folder, source()), folder, cred_path


_WORLD: SheetWorld | None = None


def build_world(root: Path) -> SheetWorld:
    global _WORLD
    if _WORLD is not None:
        return _WORLD
    authority = create_authority(root / "ministry", name="工业和信息化部", source=source())
    keys = authority.unlock(source())
    other = create_authority(root / "other", name="冒名机构", source=source())
    people = {
        "zhang": ("张伟", "南京大学", authority),
        "li": ("李娜", "中国软件评测中心", authority),
        "wang": ("王芳", "浙江大学", authority),
        "zhou": ("周淼", "江苏省软件行业协会", authority),
        "zhao": ("赵敏", "局外单位", authority),
        "mallory": ("马洛", "冒名单位", other),
    }
    ids, folders, creds = {}, {}, {}
    for key, (name, org, auth) in people.items():
        ids[key], folders[key], creds[key] = _enrol(root, auth, key, name, org)
    materials = root / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 test material\n" * 50)

    def panel(*members: tuple[str, str]) -> list[PanelMember]:
        return [PanelMember(ids[k].installed(), role) for k, role in members]

    package, other_package = root / "a.rvpkg", root / "b.rvpkg"
    for out, members in (
        (package, panel(("zhang", "chair"), ("li", "expert"), ("wang", "expert"), ("zhou", "expert"))),
        (other_package, panel(("zhang", "chair"), ("li", "expert"))),
    ):
        seal(
            authority,
            keys,
            standard_path=STANDARD,
            candidate=CANDIDATE,
            panel=members,
            materials=[materials],
            out=out,
            panel_rules=permissive_rules(),  # panels of 2 and 4
        )
    with open_package(package, ids["li"]) as opened:
        binding = PackageBinding.of(opened)
    with open_package(other_package, ids["li"]) as opened:
        other_binding = PackageBinding.of(opened)
    _WORLD = SheetWorld(
        root,
        authority,
        keys,
        load_standard(STANDARD),
        ids,
        folders,
        creds,
        package,
        other_package,
        binding,
        other_binding,
    )
    return _WORLD


@pytest.fixture(scope="session")
def sheet_world(tmp_path_factory: pytest.TempPathFactory) -> SheetWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_world(tmp_path_factory.mktemp("sheet-world"))


def full_answers(
    standard: Standard, *, base: Decimal = Decimal("0.5"), bump: dict[str, str] | None = None
) -> SheetAnswers:
    """A complete, valid sheet: each leaf at ``base`` share of its points (rounded to the step),
    with a comment everywhere (so no comment rule can fail), evidence on the first indicator."""
    scores = {}
    for leaf in standard.leaves():
        step = leaf.step or Decimal(1)
        value = (leaf.points * base / step).to_integral_value() * step
        scores[leaf.code] = ScoreAnswer(value, f"comment on {leaf.code}", ())
    first = standard.leaves()[0].code
    scores[first] = ScoreAnswer(scores[first].score, scores[first].comment, (MaterialRef(MATERIAL, 3),))
    for code, value in (bump or {}).items():
        scores[code] = ScoreAnswer(Decimal(value), f"comment on {code}", ())
    return SheetAnswers(
        Declarations(pledge_accepted=True, pledge_at=PLEDGE_AT),
        scores,
        {i.code: YesNoAnswer(True) for i in standard.yes_no},
        {c.code: EligibilityAnswer(True) for c in standard.eligibility},
    )

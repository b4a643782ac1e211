"""An SM-suite ministry (SM2 root, SM2 signing and encryption keys), SM identities and a sealed SM
package, built once per session through the public APIs; import it from any test directory::

    from tests.sm_world import sm_world  # noqa: F401  (the fixture)

    def test_x(sm_world): ...

``sm_world.binding`` is the package's :class:`PackageBinding`; ``sm_world.ministry()`` the
:class:`MinistryReader` of the SM authority (its SM2 encryption key).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.packages import open_package, seal
from reviewer.packages.envelope import MinistryReader
from reviewer.packages.seal import PanelMember
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.standards import load_standard
from reviewer.standards.model import Standard
from reviewer.trust import (
    Identity,
    PassphraseSource,
    create_authority,
    create_identity,
    install_credential,
    load_identity,
    suites,
)
from reviewer.trust.authority import Authority, AuthorityKeys
from tests.permissive import permissive_rules

PASSPHRASE = "sm-test-passphrase-0123"
STANDARD = (
    Path(__file__).resolve().parents[1] / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
)
CANDIDATE = {"name": "示例软件园", "type": "park", "province": "江苏省", "city": "南京市"}
MATERIAL = "materials/申请表.pdf"


def source() -> PassphraseSource:
    return PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)


@dataclass(frozen=True)
class SmWorld:
    root: Path
    authority: Authority
    keys: AuthorityKeys
    standard: Standard
    ids: dict[str, Identity]  # zhang (chair), li, wang (experts), zhao (enrolled, not on the panel)
    credentials: dict[str, Path]
    materials: Path
    package: Path  # panel: zhang chair, li, wang
    binding: PackageBinding

    @property
    def root_cert(self):  # the pinned SM2 root
        return self.ids["zhang"].trust_root()

    def ministry(self) -> MinistryReader:
        return MinistryReader(self.authority.signing_cert, self.keys.encryption)

    def panel(self, *members: tuple[str, str]) -> list[PanelMember]:
        return [PanelMember(self.ids[k].installed(), role) for k, role in members]

    def seal(self, out: Path, members: list[PanelMember] | None = None, **kwargs) -> Path:
        seal(
            self.authority,
            self.keys,
            standard_path=STANDARD,
            candidate=CANDIDATE,
            panel=members or self.panel(("zhang", "chair"), ("li", "expert"), ("wang", "expert")),
            materials=[self.materials],
            out=out,
            panel_rules=permissive_rules(),
            **kwargs,
        )
        return out


def enrol(
    root: Path, authority: Authority, key: str, name: str, org: str, suite: suites.Suite = suites.SM
) -> tuple[Identity, Path]:
    folder = root / "id" / key
    _, request = create_identity(folder, name=name, org=org, source=source(), suite=suite)
    cred = authority.enroll(request.to_bytes(), source())
    cred_path = root / f"{key}.rvcred"
    cred.save(cred_path)
    install_credential(folder, cred_path)
    return load_identity(folder, source()), cred_path


_WORLD: SmWorld | None = None


def build_sm_world(root: Path) -> SmWorld:
    global _WORLD
    if _WORLD is not None:
        return _WORLD
    authority = create_authority(root / "ministry", name="工业和信息化部", source=source(), suite=suites.SM)
    keys = authority.unlock(source())
    people = {
        "zhang": ("张伟", "南京大学"),
        "li": ("李娜", "中国软件评测中心"),
        "wang": ("王芳", "浙江大学"),
        "zhao": ("赵敏", "局外单位"),
    }
    ids, creds = {}, {}
    for key, (name, org) in people.items():
        ids[key], creds[key] = enrol(root, authority, key, name, org)
    materials = root / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 SM test material\n" * 50)
    (materials / "说明.txt").write_text("示例材料\n", encoding="utf-8")
    world = SmWorld(root, authority, keys, load_standard(STANDARD), ids, creds, materials,
                    root / "sm.rvpkg", None)  # type: ignore[arg-type]  # fmt: skip
    world.seal(world.package)
    with open_package(world.package, ids["li"]) as opened:
        binding = PackageBinding.of(opened)
    _WORLD = SmWorld(root, authority, keys, world.standard, ids, creds, materials, world.package, binding)
    return _WORLD


@pytest.fixture(scope="session")
def sm_world(tmp_path_factory: pytest.TempPathFactory) -> SmWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_sm_world(tmp_path_factory.mktemp("sm-world"))

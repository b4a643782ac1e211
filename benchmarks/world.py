"""The benchmarks' fixtures, built through the core API and cached under ``benchmarks/.cache``.

A ministry authority and a panel of seven enrolled members (scrypt and key generation are slow, so
they are made once and reused), in either suite (``world(suite="sm")``: an SM2 authority and SM
identities, in their own folder), generated standards of any number of leaf indicators, sealed packages
and complete result bundles (package, seven signed sheets, the chair's decisions, the reconciliation,
the review record signed by every member and closed by the chair).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reviewer.trust import Identity, PassphraseSource

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("REVIEWER_BENCH_CACHE", ROOT / "benchmarks" / ".cache"))
SAMPLE_STANDARD = ROOT / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
PASSPHRASE = "benchmark-passphrase-not-secret"
AT = "2026-06-17T08:00:00Z"
CHAIR = "wang-kun"
# (key, name, organisation, share of the points this member gives). The chair is last.
PANEL = (
    ("li-zhe", "李喆", "江汉理工大学", "0.8"),
    ("zhang-yue", "张玥", "华夏电子信息标准化研究所", "0.85"),
    ("chen-shen", "陈燊", "南岭科技大学", "0.7"),
    ("zhao-xin", "赵鑫", "中原软件和信息服务业协会", "0.9"),
    ("zhou-miao", "周淼", "金陵恒正会计师事务所", "0.75"),
    ("qian-ben", "钱犇", "西部软件测评中心", "0.8"),
    ("wang-kun", "王堃", "京华软件产业发展研究院", "0.8"),
)
# The record benchmark's panel of eight: one more expert, then the chair (who signs last).
RECORD_PANEL = (*PANEL[:-1], ("sun-li", "孙立", "东海信息技术研究院", "0.8"), PANEL[-1])


def source() -> PassphraseSource:
    return PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)


def world_folder(suite: str = "nist") -> Path:
    """Where the world of ``suite`` ("nist" or "sm") lives in the cache (NIST: where it always was)."""
    return CACHE / ("world" if suite == "nist" else f"world-{suite}")


@dataclass(frozen=True)
class World:
    folder: Path
    suite: str = "nist"  # "nist" | "sm": the authority's suite, and every member's

    @property
    def authority_dir(self) -> Path:
        return self.folder / "authority"

    def identity_dir(self, key: str) -> Path:
        return self.folder / "identities" / key

    def authority(self):
        from reviewer.trust import open_authority

        return open_authority(self.authority_dir)

    def identities(self) -> dict[str, Identity]:
        from reviewer.trust import load_identity

        return {key: load_identity(self.identity_dir(key), source()) for key, *_ in PANEL}

    def identity(self, key: str) -> Identity:
        from reviewer.trust import load_identity

        return load_identity(self.identity_dir(key), source())


def world(folder: Path | None = None, suite: str = "nist") -> World:
    """The authority and the members in ``folder`` (default: the cache's world of ``suite``, "nist"
    or "sm"); missing ones are made now, in that suite."""
    from reviewer.trust import create_authority, create_identity, install_credential, suites
    from reviewer.trust.identity import REQUEST

    algorithms = suites.by_name(suite)
    folder = folder or world_folder(suite)
    w = World(folder, algorithms.short)
    if not (folder / "authority").exists():
        folder.mkdir(parents=True, exist_ok=True)
        create_authority(
            w.authority_dir, name="工业和信息化部（基准测试）", source=source(), suite=algorithms
        )
    for key, name, org, _ in RECORD_PANEL:
        done = folder / "credentials" / f"{key}.rvcred"
        if done.exists():
            continue
        info, _ = create_identity(w.identity_dir(key), name=name, org=org, source=source(), suite=algorithms)
        cred = w.authority().enroll((info.path / REQUEST).read_bytes(), source(), source_name=key)
        tmp = cred.save(folder / "credentials" / f"{key}.tmp")
        install_credential(info.path, tmp)
        os.replace(tmp, done)
    return w


def standard_json(leaves: int) -> dict:
    """A valid park-creation standard with ``leaves`` leaf indicators in 10 groups, 100 points in all."""
    sample = json.loads(SAMPLE_STANDARD.read_text("utf-8"))
    groups = 10
    per_group = [leaves // groups + (1 if g < leaves % groups else 0) for g in range(groups)]
    unit = 10 if leaves <= 1000 else 100  # points in tenths (hundredths for very large standards)
    parts = iter(100 * unit // leaves + (1 if i < 100 * unit % leaves else 0) for i in range(leaves))
    criteria = []
    for g, count in enumerate(per_group, 1):
        children = []
        for c in range(1, count + 1):
            children.append(
                {
                    "code": f"{g}.{c}",
                    "title": {"zh": f"指标 {g}.{c}", "en": f"Indicator {g}.{c}"},
                    "points": float(Decimal(next(parts)) / unit),
                    "step": 1 / unit,
                    "guidance": {"zh": "依据申报材料评分。", "en": "Score on the application."},
                }
            )
        total = sum(Decimal(str(ch["points"])) for ch in children)
        criteria.append(
            {
                "code": str(g),
                "title": {"zh": f"一级指标 {g}", "en": f"Group {g}"},
                "points": float(total),
                "children": children,
            }
        )
    sample["id"] = f"bench-park-creation-{leaves}"
    sample["criteria"] = criteria
    return sample


def standard_file(leaves: int) -> Path:
    path = CACHE / "standards" / f"bench-{leaves}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(standard_json(leaves), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def bench_rules():  # -> reviewer.standards.panel_rules.PanelRules
    """The shipped panel rules with every composition rule turned to a warning: the benchmarks seal
    panels of one member and of any size (the product refuses them; timing is what is measured here)."""
    from reviewer.standards.panel_rules import default_panel_rules_path, parse_panel_rules

    doc = json.loads(default_panel_rules_path().read_text("utf-8"))
    for rule in doc["composition"]:
        rule["action"] = "warn"
    return parse_panel_rules(doc, "benchmark rules")

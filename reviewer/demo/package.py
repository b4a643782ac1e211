"""The demo: a ministry authority, a panel of a chair and six experts, and a sealed sample package.

Everything lives in one folder (``<data dir>/demo``; ``<data dir>/demo-sm`` for ``reviewer demo --suite
sm``, the same demo in the SM suite: SM2 authority and identities, SM2-signed and SM4-encrypted files,
records signed PAdES + SM2) and is reused when it is already complete (of this release's
:data:`DEMO_VERSION` and of the suite asked for), so ``reviewer demo`` can be run again and again. ``reviewer
demo`` adds the worked example of the whole procedure (``result/``, :mod:`reviewer.demo.result`). The keys are protected by a fixed, published demo
passphrase (:data:`DEMO_PASSPHRASE`, written in the folder's README): demo keys protect nothing.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.demo.materials import generate_materials
from reviewer.demo.people import DEMO_PANEL
from reviewer.demo.sheets import SHEETS_DIR, demo_sheet_keys, write_demo_sheet
from reviewer.errors import ReviewerError
from reviewer.packages.reader import open_package, verify_package
from reviewer.packages.seal import PanelMember, seal
from reviewer.paths import resource
from reviewer.trust import (
    PassphraseSource,
    create_authority,
    create_identity,
    install_credential,
    load_credential,
    load_identity,
    open_authority,
    suites,
)
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import CREDENTIAL, REQUEST, load_pinned_root

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "demo-passphrase-not-secret"
DEMO_VERSION = 2  # demo.json's "version": a demo folder of another version is built again
AUTHORITY_NAME = "工业和信息化部（演示）"
PACKAGE_NAME = "示例软件园-创建评审.rvpkg"
STANDARD = resource("standards", "sample-park-creation.json")
CANDIDATE = {
    "name": "示例软件园",
    "type": "park",
    "province": "江苏省",
    "city": "南京市",
    "founded": "2015-06-01",
}


@dataclass(frozen=True)
class Demo:
    folder: Path
    authority: Path
    identities: dict[str, Path]  # key → identity folder
    chair: str
    package: Path
    reused: bool
    sheets: tuple[Path, ...] = ()  # signed sheets of the other experts, for the chair's view
    votes: tuple[Path, ...] = ()  # votes/: the chair's draft decisions, motion and the statements
    suite: suites.Suite = suites.NIST  # the demo authority's (and so every demo file's) suite


def demo_folder_name(suite: suites.Suite = suites.NIST) -> str:
    """``demo`` (NIST) or ``demo-sm``: each suite's demo in its own folder of the data folder."""
    return "demo" if suite is suites.NIST else f"demo-{suite.short}"


def source() -> PassphraseSource:
    return PassphraseSource(explicit=DEMO_PASSPHRASE, use_keyring=False, interactive=False)


def _panel() -> list[tuple[str, str, str, str]]:
    return [(p.key, p.name.zh, p.organisation.zh, "chair" if p.is_chair else "expert") for p in DEMO_PANEL]


def _materials(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return list(generate_materials(folder))


def _existing(folder: Path, suite: suites.Suite) -> Demo | None:
    meta = folder / "demo.json"
    if not meta.exists():
        return None
    try:
        doc = json.loads(meta.read_text("utf-8"))
        if doc.get("version") != DEMO_VERSION:
            raise ValueError(f"demo version {doc.get('version')}, not {DEMO_VERSION}")
        if doc.get("suite", suites.NIST_ID) != suite.id:
            raise ValueError(f"demo suite {doc.get('suite', suites.NIST_ID)}, not {suite.id}")
        demo = Demo(
            folder,
            folder / "authority",
            {k: folder / v for k, v in doc["identities"].items()},
            doc["chair"],
            folder / doc["package"],
            True,
            suite=suite,
        )
        verify_package(demo.package, load_pinned_root(demo.identities[demo.chair]))
        demo = replace(demo, sheets=_sheets(demo))
        return replace(demo, votes=_votes(demo))
    except (OSError, ValueError, KeyError, ReviewerError) as exc:
        log.warning("the demo folder %s is incomplete or stale (%s); building it again", folder, exc)
        return None


def build_demo(folder: str | Path, suite: suites.Suite = suites.NIST) -> Demo:
    """Build (or reuse) the demo in ``folder``, in ``suite`` (the authority's, and so every identity's
    and file's). Runs without any prompt. A folder holding the demo of another suite is built again."""
    folder = Path(folder)
    found = _existing(folder, suite)
    if found:
        return found
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    src = source()
    authority = create_authority(folder / "authority", name=AUTHORITY_NAME, source=src, suite=suite)
    identities, panel, chair = {}, [], ""
    for key, name, org, role in _panel():
        ident = folder / "identities" / key
        info, _ = create_identity(ident, name=name, org=org, source=src, suite=suite)
        cred = authority.enroll((info.path / REQUEST).read_bytes(), src, source_name=key)
        cred.save(folder / "credentials" / f"{key}.rvcred")
        install_credential(ident, folder / "credentials" / f"{key}.rvcred")
        identities[key] = ident
        panel.append(PanelMember(load_credential(ident / CREDENTIAL), role))
        chair = key if role == "chair" else chair
    materials = _materials(folder / "materials")
    package = folder / PACKAGE_NAME
    schedule = [
        {"date": "2026-06-15", "item": "文档审查 document review"},
        {"date": "2026-06-16", "item": "实地考察 site inspection: 示例软件园"},
        {"date": "2026-06-17", "item": "专家组合议 panel deliberation"},
    ]
    seal(
        open_authority(authority.path),
        authority.unlock(src),
        standard_path=STANDARD,
        candidate=CANDIDATE,
        panel=panel,
        materials=materials,
        out=package,
        schedule=schedule,
    )
    meta = {
        "version": DEMO_VERSION,
        "identities": {k: str(v.relative_to(folder)) for k, v in identities.items()},
        "chair": chair,
        "package": PACKAGE_NAME,
        **({} if suite is suites.NIST else {"suite": suite.id}),  # absent = NIST, as before
    }
    (folder / "demo.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    demo = Demo(folder, authority.path, identities, chair, package, False, suite=suite)
    write_readme(demo)
    demo = replace(demo, sheets=_sheets(demo))
    return replace(demo, votes=_votes(demo))


def _sheets(demo: Demo) -> tuple[Path, ...]:
    """The demo experts' signed sheets in ``sheets/``; the missing ones are signed now (idempotent)."""
    from reviewer.scoring.sheet_binding import PackageBinding

    folder = demo.folder / SHEETS_DIR
    keys = demo_sheet_keys()
    if all((folder / f"{key}.rvsheet").exists() for key in keys):
        return tuple(folder / f"{key}.rvsheet" for key in keys)
    identities = {key: load_identity(demo.identities[key], source()) for key in keys}
    with open_package(demo.package, identities[keys[0]]) as opened:
        binding = PackageBinding.of(opened)
    return tuple(write_demo_sheet(binding, key, identities[key], folder) for key in keys)


def _votes(demo: Demo) -> tuple[Path, ...]:
    """The panel's vote on a §64 change and on the opinion, with 赵鑫's own dissent
    (:mod:`reviewer.demo.votes`); written once, kept when present."""
    from reviewer.demo.votes import DECISIONS, MOTION, VOTES_DIR, write_demo_votes
    from reviewer.scoring.sheet_binding import PackageBinding

    folder = demo.folder / VOTES_DIR
    present = sorted(folder.glob("*.rvstatement")) if folder.exists() else []
    if present and (folder / MOTION).exists() and (folder / DECISIONS).exists():
        return (folder / DECISIONS, folder / MOTION, *present)
    identities = {key: load_identity(path, source()) for key, path in demo.identities.items()}
    keys = {ident.fingerprint: key for key, ident in identities.items()}
    with open_package(demo.package, identities[demo.chair]) as opened:
        binding = PackageBinding.of(opened)
    return write_demo_votes(binding, identities, demo.folder, keys)


def write_readme(demo: Demo) -> None:
    """``<demo>/README.md``: what is in the folder, the passphrase, how to try it (deterministic text)."""
    from reviewer.demo.result import RESULT_BUNDLE, RESULT_DIR

    chair, res = demo.chair, RESULT_DIR
    sm_suite = demo.suite is suites.SM
    suite_option = " --suite sm" if sm_suite else ""
    suite_note = (
        "\n算法套件 algorithm suite: 国密 SM2 / SM3 / SM4（`RV1-SM2-SM3-SM4`）。签发机构、专家身份和全部文件使用"
        "国密算法；评审意见表的每个签名同时是 PAdES（ECDSA，供 PDF 阅读器核验）和 SM2 签名。The authority, the "
        "identities and every file use SM2 / SM3 / SM4; each record signature is PAdES (ECDSA, for PDF "
        "readers) with the member's SM2 signature inside (docs/crypto-suites.md).\n"
        if sm_suite
        else ""
    )
    people = "\n".join(
        f"- `identities/{k}`" + ("（组长 chair）" if k == chair else "") for k in demo.identities
    )
    text = f"""# 演示数据 / Demo data

本文件夹由 `reviewer demo{suite_option}` 生成，全部为虚构示例。This folder was made by `reviewer demo{suite_option}`; all of it is fictional.
{suite_note}
- 签发机构 authority: `authority/`（{AUTHORITY_NAME}）
- 评审包 package: `{PACKAGE_NAME}`
- 评分表 sheets: `sheets/`（张玥、陈燊、赵鑫已签署的评分表，周淼的回避表；李喆、欧阳翀和组长在软件中评分
  — signed sheets of 张玥, 陈燊 and 赵鑫 and the recusal of 周淼; 李喆, 欧阳翀 and the chair score in the app）
- 表决 votes: `votes/`（组长对指标 2.1 的变更提请（依据：评分畸高、畸低）和专家组意见草稿 `motion.rvmotion`，
  各成员签署的表决声明，赵鑫本人的保留意见；`decisions.json` 为组长的决定草稿 — the chair's motion on
  2.1 (ground: extreme) and the draft opinion, each member's signed statement, 赵鑫's own dissent)
- 完整示例 worked example: `{res}/`（见下 — see below）
- 专家身份 identities:
{people}

**演示口令 demo passphrase（仅用于演示，不保密 / demo only, not a secret）: `{DEMO_PASSPHRASE}`**

所有演示私钥都用这个口令加密，不使用系统密钥环。All demo keys are encrypted under this passphrase;
the OS keyring is not used. 例如 For example:

    REVIEWER_DEMO_PASS={DEMO_PASSPHRASE} reviewer package open {PACKAGE_NAME} \\
        --identity identities/{chair} --passphrase-env REVIEWER_DEMO_PASS

## 完整示例 / The worked example: `{res}/`

`reviewer demo` 用命令行同样的程序走完一次评审：组长对账（六份评分表和周淼的回避表），按 `votes/`
中的表决将指标 2.1 由计算值 4.38 变更为 4.5；李喆、张玥、赵鑫、欧阳翀会签评审意见表；陈燊书面拒签；
组长最后签署并封闭意见表，载明陈燊拒签，生成结果包。
`reviewer demo` runs one review through the same steps as the command line: the chair reconciles
(six sheets and 周淼's recusal) and, by the panel's vote in `votes/`, takes 4.5 for indicator 2.1
instead of the computed 4.38; 李喆, 张玥, 赵鑫 and 欧阳翀 co-sign the record; 陈燊 refuses in
writing; the chair signs last, closing the record with 陈燊's refusal stated, and writes the result.

- `{res}/record.pdf`：已封闭的评审意见表 the closed review record。其中变更一节列出 2.1 的计算值和采用值、
  变更依据、表决（同意 5 人、反对 1 人，附姓名）和理由；保留意见一节印有赵鑫本人撰写并签署的保留意见；
  签名页有李喆、张玥、赵鑫、欧阳翀的签名，陈燊的签名栏空白，组长的签名中载明“陈燊：拒绝签字，已书面说明
  理由”及其拒签说明的摘要。It prints the change of 2.1 (computed and taken value, ground, the votes
  with names, rationale) and 赵鑫's own dissent under his name; on the signature page 陈燊's field is
  empty and the chair's signature states his refusal with the digest of his reasons.
  查看签名 Check the signatures: `reviewer verify {res}/record.pdf --identity identities/{chair}
  --passphrase-env REVIEWER_DEMO_PASS`（或 or `pdfsig {res}/record.pdf`）
- `{res}/reconciliation.json`、`{res}/decisions.json`：对账结果和组长的决定（含表决和保留意见）
  the reconciliation and the decisions with the votes and the dissent
- `{res}/closing.json`：封闭事实 closing facts（陈燊 `refused`，附理由 with his reasons）
- `{res}/chen-shen-refusal.rvstatement`：陈燊签署的拒签声明 陈燊's signed refusal
- `{res}/{RESULT_BUNDLE}`：结果包，仅演示部里可解密 the result bundle, readable by the demo ministry only

## 部里导入 / The ministry imports the result

在本文件夹中 In this folder:

    REVIEWER_DEMO_PASS={DEMO_PASSPHRASE} reviewer ministry import authority \\
        {res}/{RESULT_BUNDLE} --db authority/registry.sqlite3 --passphrase-env REVIEWER_DEMO_PASS
    reviewer ministry registry --db authority/registry.sqlite3

或在部级工作台 Or in the ministry desk: `reviewer gui --authority authority --passphrase-env
REVIEWER_DEMO_PASS`（文件 › 打开部级工作台…，选择 `authority/` 文件夹 — File › Open ministry desk…, the
`authority/` folder），导入 › 添加文件… 选择 `{res}/{RESULT_BUNDLE}` › 导入 (Import › Add files… › Import)。
部里用签发机构的密钥（口令同上）解密，核验每份评分表、表决声明、拒签声明和每个签名，重新计算结论后登记。
The ministry decrypts it with the authority's key (the same passphrase), checks every sheet, statement,
refusal and signature, recomputes the conclusion, and registers it.

## 部里的一年 / The ministry's year

`ministry-year/`：虚构的 15 个名城、20 个名园（名称均标“示例”）的一年 — a fictional year of 15 cities and
20 parks, every name marked 示例: `data-returns/`（填好的数据报送表与签名的 .rvdata — filled templates and
signed returns）, `evaluation/`（2025 年度评估的公示名单与通告，XLSX 与 PDF — the 公示 list and the 通告）,
`applications/`, `progress/`（收到的申请材料与进展报告 — documents and progress reports received）。
登记册 `authority/registry.sqlite3` 已包含这一年 — the registry holds that year: 打开部级工作台即可查看
（open the ministry desk as above）。详见 docs/ministry.md “The ministry's year”.
"""
    write_atomic(demo.folder / "README.md", text.encode("utf-8"))

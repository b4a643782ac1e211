"""``reviewer package seal|verify|open``: sealed review packages (.rvpkg)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import Refused, Untrusted, UsageError
from reviewer.i18n import T
from reviewer.trust.names import printable

if TYPE_CHECKING:
    from reviewer.packages import Manifest, PackageView
    from reviewer.trust import Authority


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("package", help="seal, verify and open review packages / 评审包")
    psub = p.add_subparsers(dest="package_command", metavar="ACTION", required=True)

    s = psub.add_parser(
        "seal",
        help="seal a review package for one panel (ministry)",
        description="Seal the standard, candidate profile and materials for the members of a panel. "
        "See docs/package-format.md.",
    )
    s.add_argument("authdir", metavar="AUTHDIR")
    s.add_argument("--standard", required=True, metavar="FILE")
    s.add_argument("--candidate", required=True, metavar="FILE")
    s.add_argument("--materials", nargs="+", default=[], metavar="PATH", help="files or folders")
    s.add_argument("--panel", required=True, metavar="FILE")
    s.add_argument("--out", required=True, metavar="PKG")
    s.add_argument("--expires", metavar="DATE", help="YYYY-MM-DD (default: 90 days)")
    s.add_argument(
        "--figures",
        action="append",
        metavar="FILE",
        help="figures for objective indicators (repeatable): the candidate's signed data return (.rvdata, "
        'verified under this authority and bound to the candidate) and/or JSON {"code": "decimal string"} '
        "(e.g. the national figures)",
    )
    s.add_argument(
        "--panel-rules",
        metavar="FILE",
        help="the panel rules to apply (default: AUTHDIR/panel-rules.json, else the shipped file)",
    )
    add_passphrase_option(s)
    s.set_defaults(func=run_seal)

    v = psub.add_parser(
        "verify",
        help="check a package's signature, issuer, validity and recipients",
        description="Verify against the identity's pinned ministry root (or --trust CERT). "
        "Without either, print what the package claims and exit 12.",
    )
    v.add_argument("package", metavar="PKG")
    v.add_argument("--identity", metavar="DIR")
    v.add_argument("--trust", metavar="CERT", help="a ministry root certificate (PEM) to verify against")
    v.set_defaults(func=run_verify)

    o = psub.add_parser(
        "open",
        help="decrypt and check every byte in memory, list the materials",
        description="Verify, unwrap the content key for this identity, and stream-decrypt every "
        "entry in memory (nothing decrypted is written to disk).",
    )
    o.add_argument("package", metavar="PKG")
    o.add_argument("--identity", required=True, metavar="DIR")
    add_passphrase_option(o)
    o.set_defaults(func=run_open)


def _figures(authority: Authority, candidate: dict[str, Any], paths: list[str]) -> dict[str, Decimal]:
    """The figures of every ``--figures`` file: a signed data return is verified under the authority's
    own root and must be the candidate's; a code given by two files is refused."""
    from reviewer.ministry.data_file import read_data_return
    from reviewer.packages.figures import merge_figures, read_figures

    parts: list[tuple[str, Mapping[str, Decimal]]] = []
    for path in paths:
        if Path(path).suffix.lower() != ".rvdata":
            parts.append((path, read_figures(path)))
            continue
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise UsageError(
                T("无法读取数据文件 {path}。", "Cannot read the figures file {path}.", path=path)
            ) from exc
        ret = read_data_return(data, authority.root)
        if (ret.candidate, ret.type) != (candidate["name"], candidate["type"]):
            raise Refused(
                T(
                    "数据报送 {path} 属于“{who}”（{year}年度），不是本评审包的候选对象“{name}”：未封装。",
                    "The data return {path} is “{who}”'s ({year}), not this package's candidate “{name}”: "
                    "not sealed.",
                    path=path,
                    who=ret.candidate,
                    year=ret.year,
                    name=candidate["name"],
                )
            )
        parts.append((path, ret.figures))
    return merge_figures(parts)


def run_seal(args: argparse.Namespace) -> int:
    from reviewer.packages import seal
    from reviewer.packages.composition import check_composition, rules_for, seats_of, warning_text
    from reviewer.packages.figures import check_figures
    from reviewer.packages.inputs import load_candidate, load_panel, parse_expiry
    from reviewer.standards import load_standard
    from reviewer.trust import open_authority

    authority = open_authority(args.authdir)
    panel, schedule = load_panel(args.panel)
    candidate, prior = load_candidate(args.candidate)
    expires = parse_expiry(args.expires) if args.expires else None
    figures = _figures(authority, candidate, args.figures) if args.figures else None
    check_figures(load_standard(Path(args.standard)), figures)  # refused before any passphrase
    rules = rules_for(authority.path, args.panel_rules)
    warnings = check_composition(rules, seats_of(authority, panel))  # refused before any passphrase
    keys = authority.unlock(passphrase_source(args))
    manifest = seal(
        authority,
        keys,
        standard_path=Path(args.standard),
        candidate=candidate,
        panel=panel,
        materials=[Path(m) for m in args.materials],
        out=Path(args.out),
        expires=expires,
        schedule=schedule,
        prior_results=prior,
        panel_rules=rules,
        figures=figures,
    )
    for finding in warnings:
        print(printable(str(warning_text(finding))))
    print(str(T("已封装评审包 {path}", "Sealed the package {path}", path=args.out)))
    print(
        str(
            T(
                "包编号 {id}，{n} 个文件，有效期至 {exp}",
                "Package id {id}, {n} files, valid until {exp}",
                id=manifest.package_id,
                n=len(manifest.entries),
                exp=manifest.expires,
            )
        )
    )
    if warnings:
        print(
            str(
                T(
                    "以上 {n} 条警告已记入签发机构的台账。",
                    "The {n} warnings above are recorded in the authority's ledger.",
                    n=len(warnings),
                )
            )
        )
    return 0


def _describe(view: PackageView, manifest: Manifest | None = None) -> list[str]:
    """The package's public part; with ``manifest`` (an opened package's) the panel, candidate,
    standard and content too, else a note that only the panel and the ministry can read them."""
    from reviewer.packages.manifest import confidential_note
    from reviewer.trust import pretty_fingerprint

    m = view.manifest
    lines = [
        str(T("包编号：{v}", "Package id: {v}", v=m.package_id)),
        str(T("签发机构：{name}", "Issuer: {name}", name=m.issuer.get("name"))),
        str(
            T(
                "  根证书指纹：{fp}",
                "  root fingerprint: {fp}",
                fp=pretty_fingerprint(m.issuer["root_sha256"]),
            )
        ),
        str(
            T(
                "  签名证书指纹：{fp}",
                "  signer fingerprint: {fp}",
                fp=pretty_fingerprint(view.signer_fingerprint),
            )
        ),
        str(T("签发时间：{a}；有效期至：{b}", "Created: {a}; expires: {b}", a=m.created, b=m.expires)),
        str(
            T(
                "可打开者：{n} 个（专家组成员与工业和信息化部）",
                "Recipients: {n} (the panel members and the ministry)",
                n=len(m.recipients),
            )
        ),
    ]
    if manifest is None:
        lines.append(
            str(
                T(
                    "内容：{n} 个加密文件，共 {size} 字节（密文）",
                    "Content: {n} encrypted files, {size} bytes (ciphertext)",
                    n=len(m.entries),
                    size=sum(e.encrypted_size for e in m.entries),
                )
            )
        )
        lines.append(str(confidential_note()))
        return [printable(line) for line in lines]
    return [printable(line) for line in lines + _confidential(manifest)]  # from the file: escaped


def _confidential(m: Manifest) -> list[str]:
    from reviewer.standards.summary import CANDIDATE, KIND

    c = m.candidate
    where = " ".join(x for x in (c.get("province", ""), c.get("city", "")) if x)
    lines = [
        str(T("评审类型：{v}", "Kind: {v}", v=KIND.get(m.kind, m.kind))),
        str(
            T(
                "候选对象：{name}（{type}）{where}",
                "Candidate: {name} ({type}) {where}",
                name=c.get("name", ""),
                type=CANDIDATE.get(c.get("type", ""), c.get("type", "")),
                where=where,
            )
        ),
        str(
            T(
                "评审标准：{id} {ver}",
                "Standard: {id} {ver}",
                id=m.standard.get("id"),
                ver=m.standard.get("version"),
            )
        ),
        str(T("专家组：", "Roster:")),
    ]
    for r in m.roster:
        role = str(T("组长", "chair")) if r.role == "chair" else str(T("专家", "expert"))
        lines.append(f"  - {r.name} · {r.org} · {role} · {r.cert_sha256[:16]}")
    lines.append(
        str(
            T(
                "内容：{n} 个文件，共 {size} 字节",
                "Content: {n} files, {size} bytes",
                n=len(m.entries),
                size=sum(e.size for e in m.entries),
            )
        )
    )
    return lines


def run_verify(args: argparse.Namespace) -> int:
    from reviewer.export.verify_kinds import contents_note
    from reviewer.packages import inspect_package, verify_package
    from reviewer.trust.credential import load_credential, load_pem_cert
    from reviewer.trust.identity import CREDENTIAL, load_pinned_root, read_info

    if args.identity and args.trust:
        raise UsageError(T("--identity 与 --trust 只能选一个。", "Give --identity or --trust, not both."))
    if not args.identity and not args.trust:
        view = inspect_package(args.package)
        print("\n".join(_describe(view)))
        raise Untrusted(
            T(
                "未核验签名：没有信任根。请用 --identity 目录 或 --trust 根证书 重新运行。",
                "Signature NOT checked: no trust anchor. Run again with --identity DIR or --trust CERT.",
            )
        )
    root = (
        load_pinned_root(args.identity)
        if args.identity
        else load_pem_cert(Path(args.trust).read_bytes(), args.trust)
    )
    view = verify_package(args.package, root)
    assert view.contents_checked is not None
    print("\n".join(_describe(view)))
    print(
        str(
            T(
                "签名：有效，由您信任的根证书签发；未被吊销；在有效期内。",
                "Signature: valid, issued under the root you trust; not revoked; within its validity.",
            )
        )
    )
    print(str(contents_note(view.contents_checked.entries, view.contents_checked.encrypted_bytes)))
    if args.identity:
        info = read_info(args.identity)
        cred = load_credential(info.path / CREDENTIAL)
        recipients = {w.recipient for w in view.manifest.recipients}
        if cred.fingerprint in recipients:
            print(
                str(
                    T(
                        "本身份（{name}）可以打开此评审包。",
                        "This identity ({name}) may open this package.",
                        name=info.name,
                    )
                )
            )
        else:
            print(
                str(
                    T(
                        "本身份（{name}）不在本专家组，不能打开此评审包。",
                        "This identity ({name}) is not on this panel and cannot open this package.",
                        name=info.name,
                    )
                )
            )
            return 13
    return 0


def run_open(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.trust import load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(args.package, identity) as opened:
        total = opened.verify_all()
        print("\n".join(_describe(opened.view, opened.manifest)))
        print(
            str(
                T(
                    "已在内存中解密并核验全部 {n} 字节（未写入磁盘）。材料：",
                    "Decrypted and checked all {n} bytes in memory (nothing written to disk). Materials:",
                    n=total,
                )
            )
        )
        for e in opened.materials():
            print(printable(f"  - {e.name}  {e.size}  sha256 {e.sha256[:16]}"))
        if opened.manifest.figures:  # the candidate's figures for the objective indicators
            print(str(T("封装的数据（客观指标）：", "Sealed figures (objective indicators):")))
            for code, value in opened.manifest.figures.items():
                print(printable(f"  - {code} = {value}"))
    return 0

"""``reviewer sheet fill|recuse|show|return``: score sheets (.rvsheet) from the command line.

The same core as the workbench: :mod:`reviewer.scoring.sheet` (build, sign, verify, open) and
:mod:`reviewer.scoring.scores_file` (the scores file format, shown by ``sheet fill --help``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import NotAnArtifact
from reviewer.i18n import T
from reviewer.scoring.file_help import SCORES_FILE

if TYPE_CHECKING:
    from cryptography import x509

    from reviewer.scoring.sheet import VerifiedSheet


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sheet", help="fill, sign and read score sheets / 评分表")
    ssub = p.add_subparsers(dest="sheet_command", metavar="ACTION", required=True)

    fill = ssub.add_parser(
        "fill",
        help="score a package from a CSV or JSON file and sign the sheet",
        description="Check every score against the package's standard (range, step, required comments, "
        "every indicator scored, every yes/no item answered, every eligibility condition confirmed or "
        "flagged), then sign the sheet with the identity's certified key and encrypt it to you, the "
        "chair (whose certificate the package's signed roster carries) and the ministry. Declaring no conflict of interest is implied; a conflict is declared "
        "with `reviewer sheet recuse`.\n\nThe scores file:\n" + SCORES_FILE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fill.add_argument("package", metavar="PKG")
    fill.add_argument("--identity", required=True, metavar="DIR")
    fill.add_argument("--scores", required=True, metavar="FILE", help=".csv or .json (format below)")
    fill.add_argument("--out", required=True, metavar="SHEET")
    fill.add_argument(
        "--accept-pledge",
        action="store_true",
        help="accept the confidentiality pledge now (or set declarations.pledge in a JSON form)",
    )
    _chair_option(fill)
    add_passphrase_option(fill)
    fill.set_defaults(func=run_fill)

    recuse = ssub.add_parser(
        "recuse",
        help="declare a conflict of interest and sign a recusal sheet (no scores)",
        description="Sign a recusal sheet (回避): the declared conflict and its reason, no scores. The "
        "chair counts it as recused.",
    )
    recuse.add_argument("package", metavar="PKG")
    recuse.add_argument("--identity", required=True, metavar="DIR")
    recuse.add_argument("--reason", required=True, metavar="TEXT")
    recuse.add_argument("--out", required=True, metavar="SHEET")
    _chair_option(recuse)
    add_passphrase_option(recuse)
    recuse.set_defaults(func=run_recuse)

    show = ssub.add_parser(
        "show",
        help="verify a sheet and print who signed it, for which package, and its scores",
        description="Verify the signature against the identity's pinned root and decrypt the sheet "
        "(the identity must be a recipient: the expert who signed it, the chair). With --package the "
        "sheet is also checked against the package: bound to it, signer on its roster, not revoked.",
    )
    show.add_argument("sheet", metavar="SHEET")
    show.add_argument("--identity", required=True, metavar="DIR")
    show.add_argument("--package", metavar="PKG", help="check the binding to this package and its roster")
    add_passphrase_option(show)
    show.set_defaults(func=run_show)

    ret = ssub.add_parser(
        "return",
        help="as the chair: return a sheet for correction of named indicators (signed return notice)",
        description="Sign a return notice (.rvreturn) naming one expert's sheet, the indicators or yes/no "
        "items to correct and the reason; it is encrypted to that expert, you and the ministry. The "
        "expert's app accepts it and produces version n+1 in which only the named codes may change.",
    )
    ret.add_argument("sheet", metavar="SHEET", help="the sheet to return (.rvsheet)")
    ret.add_argument("--identity", required=True, metavar="DIR", help="the chair's identity")
    ret.add_argument("--package", required=True, metavar="PKG")
    ret.add_argument("--codes", required=True, metavar="CODES", help="comma-separated, e.g. 1.1,2.3,V1")
    ret.add_argument("--reason", required=True, metavar="TEXT")
    ret.add_argument("--out", required=True, metavar="NOTICE", help="where to write the .rvreturn file")
    add_passphrase_option(ret)
    ret.set_defaults(func=run_return)


def _chair_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--chair-credential",
        metavar="FILE",
        help="optional override: the chair's credential (.rvcred) or certificate (PEM). Not needed: "
        "the sheet is encrypted to the chair's certificate carried in the package's signed roster; "
        "a file given here is used only if its fingerprint is the one the roster names",
    )


def _chair_cert(args: argparse.Namespace) -> x509.Certificate | None:
    from reviewer.trust.credential import load_credential, load_pem_cert

    if not args.chair_credential:
        return None
    path = Path(args.chair_credential)
    try:
        return load_credential(path).certificate
    except NotAnArtifact:
        return load_pem_cert(path.read_bytes(), str(path))


def run_fill(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring import scores_file
    from reviewer.scoring.sheet import build_sheet, write_sheet
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.sheet_model import Declarations
    from reviewer.trust import clock, load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    now = clock.utcnow()
    declarations = Declarations(
        pledge_accepted=args.accept_pledge, pledge_at=clock.iso(now) if args.accept_pledge else None
    )
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    standard = binding.require_standard()
    answers = scores_file.read_scores_file(args.scores, standard, declarations, clock.iso(now))
    data = build_sheet(binding, identity, answers, chair_certificate=_chair_cert(args), now=now)
    write_sheet(args.out, data)
    print(
        str(
            T(
                "已签署评分表 {path}（{n} 项指标），已加密给您本人、组长和工业和信息化部。",
                "Signed the score sheet {path} ({n} indicators), encrypted to you, the chair and the ministry.",
                path=args.out,
                n=len(answers.scores),
            )
        )
    )
    return 0


def run_recuse(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring.sheet import build_recusal, write_sheet
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    data = build_recusal(binding, identity, args.reason, chair_certificate=_chair_cert(args))
    write_sheet(args.out, data)
    print(
        str(
            T(
                "已签署回避表 {path}：您不参与本次评分。",
                "Signed the recusal sheet {path}: you take no part in scoring this review.",
                path=args.out,
            )
        )
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring.sheet import open_sheet, read_sheet_bytes
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    binding = None
    if args.package:
        with open_package(args.package, identity) as opened:
            binding = PackageBinding.of(opened)
    sheet = open_sheet(read_sheet_bytes(args.sheet), identity, binding, identity.trust_root())
    print("\n".join(describe(sheet)))
    return 0


def run_return(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring.return_notice import build_return_notice
    from reviewer.scoring.sheet import open_sheet, read_sheet_bytes, write_sheet
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    sheet = open_sheet(read_sheet_bytes(args.sheet), identity, binding, identity.trust_root())
    codes = [c.strip() for c in args.codes.split(",") if c.strip()]
    data = build_return_notice(identity, binding, sheet, codes, args.reason)
    write_sheet(args.out, data)  # never overwrites, written whole
    print(
        str(
            T(
                "已签署退回更正通知 {path}：{name} 的第 {n} 版评分表，指标 {codes}。",
                "Signed the return notice {path}: version {n} of {name}'s sheet, indicators {codes}.",
                path=args.out,
                name=sheet.header.signer_name,
                n=sheet.revision,
                codes=", ".join(sorted(set(codes))),
            )
        )
    )
    return 0


def describe(sheet: VerifiedSheet) -> list[str]:
    from reviewer.scoring.sheet_model import MaterialRef
    from reviewer.trust import pretty_fingerprint

    h = sheet.header
    kind = str(T("回避表", "recusal sheet")) if h.recused else str(T("评分表", "score sheet"))
    lines = [
        str(T("类型：{k}，第 {n} 版", "Kind: {k}, version {n}", k=kind, n=h.revision)),
        str(
            T(
                "签署人：{name} · {org} · {role}",
                "Signed by: {name} · {org} · {role}",
                name=h.signer_name,
                org=h.signer_org,
                role=h.role,
            )
        ),
        str(
            T(
                "  证书指纹：{fp}",
                "  certificate fingerprint: {fp}",
                fp=pretty_fingerprint(h.signer_fingerprint),
            )
        ),
        str(T("签署时间：{t}", "Signed at: {t}", t=h.created)),
        str(T("评审包：{id}", "Package: {id}", id=h.package_id)),
        str(T("  清单 SHA-256：{h}", "  manifest SHA-256: {h}", h=h.manifest_sha256)),
        str(T("评分表摘要（SHA-256）：{d}", "Sheet digest (SHA-256): {d}", d=h.digest)),
    ]
    if sheet.bound:
        lines.append(
            str(
                T(
                    "签名：有效，由您信任的根证书签发；签署时未被吊销；签署人在本评审包专家组名单中。",
                    "Signature: valid, under the root you trust; not revoked when signed; the signer is on "
                    "this package's roster.",
                )
            )
        )
    else:
        lines.append(
            str(
                T(
                    "签名：有效，由您信任的根证书签发。未对照评审包核验（名单、吊销）：请加 --package PKG。",
                    "Signature: valid, under the root you trust. NOT checked against the package (roster, "
                    "revocation): add --package PKG.",
                )
            )
        )
    if sheet.correction:
        c = sheet.correction
        lines.append(
            str(
                T(
                    "更正：{codes}；理由：{reason}",
                    "Correction of {codes}; reason: {reason}",
                    codes=", ".join(c.codes),
                    reason=c.reason,
                )
            )
        )
    d = sheet.declarations
    if d.conflict_declared:
        lines.append(
            str(T("利益冲突：已声明 — {r}", "Conflict of interest: declared — {r}", r=d.conflict_reason))
        )
    else:
        lines.append(str(T("利益冲突：无", "Conflict of interest: none")))
    lines.append(
        str(T("保密承诺：已于 {t} 接受", "Confidentiality pledge: accepted at {t}", t=d.pledge_at))
        if d.pledge_accepted
        else str(T("保密承诺：未接受", "Confidentiality pledge: not accepted"))
    )
    if sheet.answers.scores:
        lines.append(str(T("评分：", "Scores:")))
    for code, s in sheet.answers.scores.items():
        refs = "; ".join(
            f"{r.material}#{r.page}" if isinstance(r, MaterialRef) else f"{r.name} ({r.sha256[:12]})"
            for r in s.evidence
        )
        line = f"  {code:<6} {s.score!s:>6}  {s.comment}"
        lines.append(line + (f"  [{refs}]" if refs else ""))
    for code, y in sheet.answers.yes_no.items():
        answer = str(T("是", "yes")) if y.answer else str(T("否", "no"))
        lines.append(f"  {code:<6} {answer:>6}  {y.comment}".rstrip())
    for code, e in sheet.answers.eligibility.items():
        status = str(T("确认", "ok")) if e.confirmed else str(T("标记", "flagged"))
        lines.append(f"  {code:<6} {status:>6}  {e.comment}".rstrip())
    return lines

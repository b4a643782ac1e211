"""``reviewer record cosign``: a panel member signs the review record PDF into their own field."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import UsageError
from reviewer.i18n import T


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("record", help="the panel's signed review record (PDF) / 评审意见表")
    rsub = p.add_subparsers(dest="record_command", metavar="ACTION", required=True)
    c = rsub.add_parser(
        "cosign",
        help="sign the record into this member's field (members first, the chair last)",
        description="Check every signature already in the record against the identity's pinned ministry "
        "root, then sign into the field made for this identity's certificate (or --field), as an "
        "incremental update. The file is replaced through a temporary file. See docs/record-format.md.",
    )
    c.add_argument("pdf", metavar="PDF")
    c.add_argument("--identity", required=True, metavar="DIR")
    c.add_argument(
        "--field", metavar="NAME", help="the signature field (default: found from the certificate)"
    )
    add_passphrase_option(c)
    c.set_defaults(func=run_cosign)
    r = rsub.add_parser(
        "refuse",
        help="refuse to sign the record, with written reasons (a signed refusal statement for the chair)",
        description="A member who will not sign the record states why: a signed refusal statement "
        "(.rvstatement), bound to this record (its document id and the reconciliation and decisions "
        "it was made from), encrypted to the member, the chair and the ministry. Give it to the chair, "
        "who closes the record stating the refusal on the signature page (`reviewer panel close "
        "--statements`). Refused once the member has signed the record. See docs/statement-format.md.",
    )
    r.add_argument("pdf", metavar="RECORD.pdf")
    r.add_argument("--package", required=True, metavar="PKG", help="the review package (.rvpkg)")
    r.add_argument("--identity", required=True, metavar="DIR", help="the member's identity")
    r.add_argument("--reason", required=True, metavar="TEXT", help="the written reasons for refusing")
    r.add_argument("--out", required=True, metavar="FILE", help="the refusal to write (.rvstatement)")
    add_passphrase_option(r)
    r.set_defaults(func=run_refuse)


def run_cosign(args: argparse.Namespace) -> int:
    from reviewer.export.pades import record_fields, role_text
    from reviewer.export.panel_outputs import cosign
    from reviewer.export.record_input import MemberRole
    from reviewer.trust import load_identity
    from reviewer.trust.files import write_atomic

    path = Path(args.pdf)
    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取 {path}：{error}", "Cannot read {path}: {error}", path=str(path), error=exc.strerror)
        ) from exc
    identity = load_identity(args.identity, passphrase_source(args))
    signed, target = cosign(pdf, identity, args.field)
    role = target.info.role if target.info else MemberRole.EXPERT
    write_atomic(path, signed)
    left = [f for f in record_fields(signed) if not f.signed]
    print(
        str(
            T(
                "{name}（{role}）已签署 {path}（签名栏 {field}）。",
                "{name} ({role}) signed {path} (field {field}).",
                name=identity.name,
                role=str(role_text(role)),
                path=str(path),
                field=target.name,
            )
        )
    )
    if left:
        print(
            str(
                T(
                    "尚待签署：{who}",
                    "Still to sign: {who}",
                    who="、".join(f.label or f.name for f in left),
                )
            )
        )
    else:
        print(
            str(T("全体成员均已签署，评审意见表已完成。", "Every member has signed; the record is complete."))
        )
    return 0


def run_refuse(args: argparse.Namespace) -> int:
    from reviewer.export.closing import refusal_for
    from reviewer.packages import open_package
    from reviewer.trust import load_identity
    from reviewer.trust.files import write_atomic

    path, out = Path(args.pdf), Path(args.out)
    if not args.reason.strip():
        raise UsageError(T("请用 --reason 写明拒签的理由。", "Give the reasons for refusing with --reason."))
    if out.exists():
        raise UsageError(
            T("{p} 已存在，不会覆盖。", "{p} exists already; it is not overwritten.", p=str(out))
        )
    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取 {path}：{error}", "Cannot read {path}: {error}", path=str(path), error=exc.strerror)
        ) from exc
    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(Path(args.package), identity) as opened:
        data = refusal_for(pdf, identity, opened, reason=args.reason)
    write_atomic(out, data)
    print(
        str(
            T(
                "{name} 已签署拒签声明 {out}（针对 {path}）。请将其交给组长。",
                "{name} signed the refusal {out} (for {path}). Give it to the chair.",
                name=identity.name,
                out=str(out),
                path=str(path),
            )
        )
    )
    return 0

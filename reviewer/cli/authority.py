"""``reviewer authority init|enroll|revoke``: the ministry's side of the chain of trust."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.trust import PassphraseSource


def add_passphrase_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-env",
        metavar="NAME",
        help="read the key passphrase from the environment variable NAME (else: OS keyring, then a prompt)",
    )


def passphrase_source(args: argparse.Namespace) -> PassphraseSource:
    from reviewer.trust import PassphraseSource

    return PassphraseSource(env=getattr(args, "passphrase_env", None))


def add_suite_option(p: argparse.ArgumentParser, whose: str) -> None:
    p.add_argument(
        "--suite",
        choices=("nist", "sm"),
        default="nist",
        help=f"{whose} algorithm suite: nist (ECDSA P-256 / X25519 / AES-256-GCM, default) or sm "
        "(国密 SM2 / SM3 / SM4); chosen once, by the authority, and used by every identity of its panels",
    )


def suite_line(suite: object) -> str:
    return str(T("算法套件：{suite}", "Algorithm suite: {suite}", suite=suite))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("authority", help="the ministry's keys: create, enrol members, revoke / 部级签发机构")
    asub = p.add_subparsers(dest="authority_command", metavar="ACTION", required=True)

    init = asub.add_parser(
        "init",
        help="create the authority (root CA + package-signing key) in DIR",
        description="Create a root CA (ECDSA P-256, or SM2 with --suite sm) and a package-signing key "
        "certified by it. With --suite sm the authority also gets an ECDSA P-256 root used only for the "
        "members' PDF signatures, pinned by the SM2 root. Private keys are PKCS#8, encrypted under a "
        "passphrase: --passphrase-env, else a random one in the OS keyring, else typed at a prompt.",
    )
    init.add_argument("dir", metavar="DIR")
    init.add_argument("--name", required=True, help="the authority's name, e.g. 工业和信息化部")
    add_suite_option(init, "the authority's")
    add_passphrase_option(init)
    init.set_defaults(func=run_init)

    enroll = asub.add_parser("enroll", help="issue a credential for an enrolment request")
    enroll.add_argument("authdir", metavar="AUTHDIR")
    enroll.add_argument(
        "request", metavar="REQUEST", help="enrolment-request.json from `reviewer identity new`"
    )
    enroll.add_argument("--out", required=True, metavar="CREDENTIAL", help="where to write the .rvcred file")
    enroll.add_argument(
        "--category",
        choices=("expert", "representative"),
        default="expert",
        help="expert (专家, default) or representative (采购人或主管部门代表): the panel rules' expert share",
    )
    add_passphrase_option(enroll)
    enroll.set_defaults(func=run_enroll)

    revoke = asub.add_parser("revoke", help="revoke a member's credential (lost laptop...)")
    revoke.add_argument("authdir", metavar="AUTHDIR")
    revoke.add_argument("credential", metavar="CREDENTIAL")
    revoke.add_argument("--reason", required=True, help="why (kept in the ledger)")
    add_passphrase_option(revoke)
    revoke.set_defaults(func=run_revoke)


def run_init(args: argparse.Namespace) -> int:
    from reviewer.trust import create_authority, pretty_fingerprint
    from reviewer.trust.suites import by_name

    authority = create_authority(
        args.dir, name=args.name, source=passphrase_source(args), suite=by_name(args.suite)
    )
    print(
        str(
            T(
                "已创建签发机构“{name}”：{path}",
                "Created the authority “{name}” in {path}",
                name=authority.name,
                path=str(authority.path),
            )
        )
    )
    print(suite_line(authority.suite))
    print(str(T("根证书 SHA-256 指纹：", "Root certificate SHA-256 fingerprint:")))
    print(f"  {pretty_fingerprint(authority.root_fingerprint)}")
    where = (
        T("私钥口令保存在系统密钥环中。", "The key passphrase is kept in the OS keyring.")
        if authority.keyring
        else T(
            "私钥已用您提供的口令加密；请妥善保管口令。",
            "The keys are encrypted under the passphrase you gave; keep it safe.",
        )
    )
    print(str(where))
    return 0


def run_enroll(args: argparse.Namespace) -> int:
    from reviewer.trust import open_authority

    authority = open_authority(args.authdir)
    request = Path(args.request)
    cred = authority.enroll(
        request.read_bytes(), passphrase_source(args), source_name=str(request), category=args.category
    )
    out = cred.save(Path(args.out))
    print(
        str(
            T(
                "已为“{name}”（{org}）签发凭证：{path}",
                "Issued a credential for “{name}” ({org}): {path}",
                name=cred.name,
                org=cred.org,
                path=str(out),
            )
        )
    )
    print(
        str(
            T(
                "证书序列号 {serial}，有效期至 {end}",
                "Certificate serial {serial}, valid until {end}",
                serial=f"{cred.serial:x}",
                end=cred.certificate.not_valid_after_utc.date().isoformat(),
            )
        )
    )
    from reviewer.packages.composition import category_label

    print(str(T("成员类别：{c}", "Category: {c}", c=category_label(args.category))))
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from reviewer.trust import load_credential, open_authority

    authority = open_authority(args.authdir)
    cred = load_credential(args.credential)
    crl = authority.revoke(cred, args.reason, passphrase_source(args))
    print(
        str(
            T(
                "已吊销“{name}”的凭证（序列号 {serial}）。吊销列表编号 {n}；此后封装的评审包都会携带它。",
                "Revoked the credential of “{name}” (serial {serial}). Revocation list number {n}; every "
                "package sealed from now on carries it.",
                name=cred.name,
                serial=f"{cred.serial:x}",
                n=crl.number,
            )
        )
    )
    return 0

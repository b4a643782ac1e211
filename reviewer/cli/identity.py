"""``reviewer identity new|install|show``: an expert's or chair's keys and credential."""

from __future__ import annotations

import argparse

from reviewer.cli.authority import add_passphrase_option, add_suite_option, passphrase_source, suite_line
from reviewer.i18n import T


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "identity", help="your keys as an expert or chair: create, install credential / 专家身份"
    )
    isub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)

    new = isub.add_parser(
        "new",
        help="create signing + encryption keys and an enrolment request in DIR",
        description="Create an ECDSA P-256 signing key and an X25519 encryption key in DIR, encrypted under a "
        "random passphrase kept in the OS keyring; without a usable keyring you are asked for a passphrase "
        "(or give --passphrase-env). With --suite sm (the authority's suite) both keys are SM2 and a "
        "third, ECDSA P-256 key signs PDFs. Send DIR/enrolment-request.json to the ministry.",
    )
    new.add_argument("dir", metavar="DIR")
    new.add_argument("--name", required=True, help="your name as it appears on the credential")
    new.add_argument("--org", required=True, help="your organisation")
    add_suite_option(new, "the identity's (must be the authority's)")
    add_passphrase_option(new)
    new.set_defaults(func=run_new)

    install = isub.add_parser(
        "install", help="install the credential the ministry issued; pin the ministry root"
    )
    install.add_argument("dir", metavar="DIR")
    install.add_argument("credential", metavar="CREDENTIAL")
    install.set_defaults(func=run_install)

    show = isub.add_parser("show", help="print the identity's name, credential and pinned root")
    show.add_argument("dir", metavar="DIR")
    show.set_defaults(func=run_show)


def run_new(args: argparse.Namespace) -> int:
    from reviewer.trust import create_identity
    from reviewer.trust.identity import REQUEST
    from reviewer.trust.suites import by_name

    info, _ = create_identity(
        args.dir, name=args.name, org=args.org, source=passphrase_source(args), suite=by_name(args.suite)
    )
    print(
        str(
            T(
                "已创建身份“{name}”：{path}",
                "Created the identity “{name}” in {path}",
                name=info.name,
                path=str(info.path),
            )
        )
    )
    print(suite_line(info.suite))
    print(
        str(
            T(
                "请将申请文件发送给工业和信息化部：{req}",
                "Send the enrolment request to the ministry: {req}",
                req=str(info.path / REQUEST),
            )
        )
    )
    where = (
        T("私钥口令保存在系统密钥环中。", "The key passphrase is kept in the OS keyring.")
        if info.keyring
        else T(
            "私钥已用您提供的口令加密；每次使用时需再次提供。",
            "The keys are encrypted under the passphrase you gave; you will give it each time.",
        )
    )
    print(str(where))
    return 0


def run_install(args: argparse.Namespace) -> int:
    from reviewer.trust import install_credential, pretty_fingerprint

    cred = install_credential(args.dir, args.credential)
    print(
        str(
            T(
                "已安装“{name}”（{org}）的凭证。",
                "Installed the credential of “{name}” ({org}).",
                name=cred.name,
                org=cred.org,
            )
        )
    )
    print(
        str(
            T(
                "已信任的部级根证书 SHA-256 指纹（请通过电话等其他渠道与工业和信息化部核对）：",
                "Pinned ministry root, SHA-256 fingerprint (compare it with the ministry by another "
                "channel, e.g. by phone):",
            )
        )
    )
    print(f"  {pretty_fingerprint(cred.root_fingerprint)}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from reviewer.trust import pretty_fingerprint, read_info
    from reviewer.trust.credential import load_credential
    from reviewer.trust.identity import CREDENTIAL, load_pinned_root
    from reviewer.trust.keys import cert_fingerprint

    info = read_info(args.dir)
    print(f"{info.name} · {info.org}")
    print(suite_line(info.suite))
    cred_path = info.path / CREDENTIAL
    if not cred_path.exists():
        print(str(T("尚未安装凭证。", "No credential installed yet.")))
        return 0
    cred = load_credential(cred_path)
    print(str(T("证书指纹：{fp}", "Certificate fingerprint: {fp}", fp=pretty_fingerprint(cred.fingerprint))))
    root = load_pinned_root(info.path)
    print(str(T("信任根：{fp}", "Trust root: {fp}", fp=pretty_fingerprint(cert_fingerprint(root)))))
    return 0

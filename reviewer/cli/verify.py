"""``reviewer verify FILE...``: any reviewer file, told by its content; who signed what, whether each
signature is intact and trusted, and what the file claims. The core is :mod:`reviewer.export.verify`."""

from __future__ import annotations

import argparse
import builtins
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import UsageError
from reviewer.i18n import T, Text
from reviewer.trust.names import printable

if TYPE_CHECKING:
    from cryptography import x509

    from reviewer.export.verify import Report

EPILOG = """\
Kinds are told by content, not by the file name: review package (.rvpkg), score sheet (.rvsheet),
return notice (.rvreturn), result bundle (.rvresult), review record (PDF), annual data return (.rvdata).

Trust comes only from --trust CERT or the identity's pinned ministry root (--identity DIR); a root
certificate carried inside a file is never used. Sheets, return notices, motions, statements and result
bundles name nobody: their signer's certificate is encrypted for the recipients. Without --authority only
the signature over the header (by the key the file carries) and the public claims are checked (exit 12:
intact, signer not established); with --authority (the ministry's folder; the ministry is a recipient
of every such file) the signer's certificate is decrypted and chained to the root, and a bundle's every
sheet, the record's signatures and the recomputed reconciliation are checked too.

exit codes (the most serious over all files):
    0  every file is valid: every signature intact and trusted
   11  tampered: a signature does not match the content (changed after signing)
   12  untrusted: a signer does not chain to the trusted root, no trust anchor was given, or the
       signer is readable only by the recipients (no --authority)
   10  not a reviewer file
   other codes as in `reviewer --help` (14 expired, 17 revoked, 18 refused, ...)
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify",
        help="check any reviewer file: who signed it, intact, trusted / 核验文件",
        description="Verify packages, score sheets, return notices, result bundles and review records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--trust", metavar="CERT", help="the ministry root certificate (PEM) to trust")
    p.add_argument("--identity", metavar="DIR", help="use this identity's pinned ministry root")
    p.add_argument(
        "--authority", metavar="DIR", help="the ministry's folder: decrypt and fully check bundles"
    )
    add_passphrase_option(p)
    p.set_defaults(func=run_verify)


def _root(args: argparse.Namespace) -> x509.Certificate | None:
    from reviewer.trust.credential import load_pem_cert
    from reviewer.trust.identity import load_pinned_root

    if args.trust and args.identity:
        raise UsageError(T("--identity 与 --trust 只能选一个。", "Give --identity or --trust, not both."))
    if args.trust:
        try:
            data = Path(args.trust).read_bytes()
        except OSError as exc:
            raise UsageError(
                T("无法读取 {p}：{e}", "Cannot read {p}: {e}", p=args.trust, e=exc.strerror)
            ) from exc
        return load_pem_cert(data, args.trust)
    if args.identity:
        return load_pinned_root(args.identity)
    return None


def _mark(value: bool | None) -> Text:
    if value is None:
        return T("未核验", "not checked")
    return T("是", "yes") if value else T("否", "NO")


def _print(report: Report) -> None:
    """Every line escaped (:func:`~reviewer.trust.names.printable`): names, claims and messages come from
    a file someone else made, and must not forge a line, move the cursor or reorder the text."""
    print = _safe_print
    kind = report.kind.label if report.kind else T("未知", "unknown")
    print(f"== {report.path}: {kind}")
    for claim in report.claims:
        print(f"  {claim}")
    for s in report.signatures:
        print(
            "  "
            + str(
                T(
                    "签名：{who}（{role}，{fp}）签署了{over}；时间 {when}；完好：{ok}；可信：{trusted}",
                    "Signature: {who} ({role}, {fp}) signed {over}; at {when}; intact: {ok}; trusted: {trusted}",
                    who=s.signer,
                    role=s.role,
                    fp=s.fingerprint[:16],
                    over=s.over,
                    when=s.when or "—",
                    ok=_mark(s.intact),
                    trusted=_mark(s.trusted),
                )
            )
        )
    for note in report.notes:
        print(f"  {note}")
    if report.error is None:
        print("  " + str(T("结论：有效。", "Result: VALID.")))
    else:
        print(
            "  "
            + str(
                T(
                    "结论：无效（退出码 {code}）：{why}",
                    "Result: NOT VALID (exit {code}): {why}",
                    code=report.exit_code,
                    why=report.error.message,
                )
            )
        )


def _safe_print(line: object) -> None:
    builtins.print(printable(line))


def run_verify(args: argparse.Namespace) -> int:
    import logging

    from reviewer.export.verify import overall_exit_code, verify_file
    from reviewer.trust import open_authority

    if not args.verbose:  # pyHanko logs every untrusted path with a traceback; the report says it
        logging.getLogger("pyhanko").setLevel(logging.ERROR)
    root = _root(args)
    ministry = None
    if args.authority:
        from reviewer.packages.envelope import MinistryReader

        authority = open_authority(args.authority)
        keys = authority.unlock(passphrase_source(args))
        ministry = MinistryReader(authority.signing_cert, keys.encryption)
        root = root or authority.root
    reports = [
        _data_return(f, root) if _is_data_return(f) else verify_file(f, root, ministry=ministry)
        for f in args.files
    ]
    for report in reports:
        _print(report)
    return overall_exit_code(reports)


def _is_data_return(path: str) -> bool:
    """An annual data return (.rvdata), told by content: JSON whose first member names its format
    (checked here, so that verifying any other file imports nothing of the registry's stack)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and b'"reviewer.data-return/1"' in head


def _data_return(path: str, root: x509.Certificate | None) -> Report:
    from reviewer.ministry.data_file import verify_report

    return verify_report(path, root)

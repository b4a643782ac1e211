"""Installing a credential from the app's first-run wizard, in the app's words.

The trust layer refuses a credential of the other algorithm suite before it writes anything
(:func:`reviewer.trust.identity.install_credential`), with advice for the command line. The wizard
checks the suites first and says it in its own terms: nothing was changed, and the way on is a new
identity, in another folder, created in the suite the ministry's notice names.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.errors import Refused, Untrusted
from reviewer.i18n import T
from reviewer.trust import suites
from reviewer.trust.credential import Credential, load_credential
from reviewer.trust.identity import install_credential, read_info


def install_for_identity(folder: Path, credential_path: Path) -> Credential:
    """Install ``credential_path`` into the identity in ``folder``; :class:`Refused` (nothing written)
    when the credential uses the other suite than the identity."""
    info = read_info(folder)
    cred = load_credential(credential_path)
    try:
        used = suites.of_root(cred.root)
    except Untrusted:
        used = None  # not a suite at all: install_credential says why
    if used is not None and used is not info.suite:
        raise Refused(
            T(
                "该凭证使用{used}，而您的身份使用{expected}，因此无法安装；身份未作任何改动。"
                "请在本向导中返回“创建身份”一步，选择{used}，在另一个文件夹中新建身份，并将新的申请发送给工业和信息化部。",
                "This credential uses {used}, but your identity uses {expected}, so it cannot be "
                "installed; nothing was changed. Go back to the “Create your identity” step of this "
                "setup, choose {used}, create a new identity in another folder and send its new "
                "request to the ministry.",
                used=used.label,
                expected=info.suite.label,
            ),
            detail=f"{used.id} != {info.suite.id}",
        )
    return install_credential(folder, credential_path)

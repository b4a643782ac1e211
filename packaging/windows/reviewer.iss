; Inno Setup 6 script: the Windows installer for reviewer (中国软件名城名园专家评审).
;
; Installs the PyInstaller one-folder build dist\reviewer\ (reviewer.exe, reviewer-gui.exe, _internal\).
; Build (from the repository root, after `pyinstaller packaging/reviewer.spec`):
;
;   iscc /DAppVersion=0.1.0 packaging\windows\reviewer.iss
;   -> dist\installer\reviewer-0.1.0-windows-x64-setup.exe
;
; UTF-8 without BOM (accepted since Inno Setup 6.3). Needs Inno Setup 6.5.0 or later: ChineseSimplified.isl ships in its Languages\ folder from 6.5.0
; on (earlier 6.x releases had it only as an unofficial translation, Languages\Unofficial in the
; source tree / jrsoftware.org/files/istrans). The check below stops an older compiler.
;
; Who installs it:
; * an expert on their own laptop, without administrator rights: the default. Installs for this
;   user only, to %LOCALAPPDATA%\Programs\reviewer ({autopf} under lowest privileges), registry
;   entries under HKCU. No UAC prompt.
; * ministry IT on managed PCs: for all users, to C:\Program Files\reviewer, entries under HKLM.
;   Interactively: the first page asks (PrivilegesRequiredOverridesAllowed=dialog). Silently:
;     reviewer-0.1.0-windows-x64-setup.exe /VERYSILENT /ALLUSERS /SUPPRESSMSGBOXES /NORESTART
;   (/CURRENTUSER forces a per-user install; /TASKS="desktopicon" adds the desktop icon.)
;
; Signing (optional): define a sign tool named "signtool" in the compiler, e.g. on the command line
;   iscc /DAppVersion=0.1.0 /DSign "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f cert.pfx /p PASSWORD $f" packaging\windows\reviewer.iss
; /DSign turns on SignTool=signtool below (the installer and the uninstaller are signed); /S names
; the tool and its command ($f is the file). The executables inside dist\reviewer are signed before
; this, by make-portable-zip.ps1 -Sign or the release workflow.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\reviewer.iss
#endif
#if Ver < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5.0 or later is needed (ChineseSimplified.isl is official from 6.5.0)
#endif

#define AppName "reviewer"
#define AppNameZh "中国软件名城名园专家评审"
#define AppPublisher "reviewer"
#define GuiExe "reviewer-gui.exe"
; relative to this script's folder (packaging\windows): the repository's dist\reviewer
#define SourceDir "..\..\dist\reviewer"

[Setup]
; Never change AppId: it ties upgrades and the uninstaller to earlier installs.
AppId={{6F0D5C1E-2B7A-4C38-9E51-7A3D2C94B8E0}
AppName={#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameZh}
VersionInfoDescription={#AppNameZh} 安装程序 / Reviewer setup
; {autopf}: C:\Program Files for all users, %LOCALAPPDATA%\Programs for one user (lowest privileges)
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppNameZh}
UninstallDisplayIcon={app}\{#GuiExe}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; Windows 10 1809 (build 17763) or later: what Qt 6.11 supports (doc.qt.io/qt-6.11/windows.html)
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; closes a running reviewer-gui.exe before files are replaced (Restart Manager), asks first
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist\installer
OutputBaseFilename=reviewer-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: the wizard is in Chinese unless Windows' UI language matches English
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.PackageType=评审包
english.PackageType=Review package

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:Associate}"

[Files]
; the whole one-folder build: both executables and _internal\ (Python, Qt, the app's resources)
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; Not shipped: portable.txt (the portable zip's marker). An installed copy keeps its data in the
; user's data folder, %LOCALAPPDATA%\reviewer, never beside the program.

[InstallDelete]
; files of an earlier version that this one no longer has (the folder is the build, nothing else)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; File types under HKA: HKCU\Software\Classes for a per-user install, HKLM\Software\Classes for all
; users. uninsdeletekey on keys that are ours alone; on the extension keys only our value goes
; (uninsdeletevalue), so another program's association is not torn out.
Root: HKA; Subkey: "Software\Classes\.rvpkg"; ValueType: string; ValueName: ""; ValueData: "reviewer.rvpkg"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.rvpkg\OpenWithProgids"; ValueType: string; ValueName: "reviewer.rvpkg"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\reviewer.rvpkg"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\reviewer.rvpkg\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\reviewer.rvpkg\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: associate


; "Open with" lists the app by its executable's name
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".rvpkg"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; Only what the installer put in {app}. The user's data -- identities, reviews, signed score sheets,
; settings -- lives in %LOCALAPPDATA%\reviewer (platformdirs' user data folder) and is KEPT on
; uninstall: it holds the expert's private key and unsent work; deleting it is the user's decision.
Type: dirifempty; Name: "{app}"

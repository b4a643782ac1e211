<#
.SYNOPSIS
  Builds reviewer-<version>-windows-x64-portable.zip from the one-folder build dist\reviewer.

.DESCRIPTION
  Copies dist\reviewer to a staging folder, adds portable.txt beside the executables (the marker
  that makes reviewer keep its data in the data\ folder beside them, not in %LOCALAPPDATA%\reviewer),
  and zips it with Compress-Archive. The zip holds one top folder, reviewer-<version>\, so it
  unpacks into its own folder. No installer, no administrator rights, no registry entries: for a
  USB stick or a locked-down laptop.

  Signing (optional, -Sign): reviewer.exe and reviewer-gui.exe in dist\reviewer are signed with
  signtool.exe before they are copied (so the installer built afterwards from dist\reviewer gets
  signed executables too). The certificate comes from the environment:
    WINDOWS_CERT_PFX_PATH   a .pfx file, or
    WINDOWS_CERT_PFX_BASE64 the .pfx, base64-encoded (a CI secret; written to a temporary file)
    WINDOWS_CERT_PASSWORD   its password
    WINDOWS_TIMESTAMP_URL   RFC 3161 time-stamp server (default http://timestamp.digicert.com)
  With -Sign but no certificate in the environment, signing is skipped with a warning: a build
  without secrets still gives an (unsigned) zip.

  Saved as UTF-8 with BOM: Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page,
  which would garble the Chinese text below.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\make-portable-zip.ps1 -Version 0.1.0
.EXAMPLE
  pwsh packaging/windows/make-portable-zip.ps1 -Version 0.1.0 -Sign
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$Dist = (Join-Path $PSScriptRoot '..\..\dist'),
    [switch]$Sign
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$Dist = (Resolve-Path $Dist).Path
$Build = Join-Path $Dist 'reviewer'
foreach ($exe in 'reviewer.exe', 'reviewer-gui.exe') {
    if (-not (Test-Path (Join-Path $Build $exe))) {
        throw "$exe not found in $Build; run 'pyinstaller packaging/reviewer.spec --noconfirm' first."
    }
}

function Find-SignTool {
    $cmd = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    if (Test-Path $kits) {
        $found = Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -match '\\x64\\' } | Sort-Object FullName -Descending | Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    return $null
}

function Invoke-Signing([string[]]$Files) {
    $pfx = $env:WINDOWS_CERT_PFX_PATH
    $temporary = $null
    if (-not $pfx -and $env:WINDOWS_CERT_PFX_BASE64) {
        $temporary = Join-Path ([IO.Path]::GetTempPath()) ("reviewer-sign-" + [Guid]::NewGuid().ToString('N') + '.pfx')
        [IO.File]::WriteAllBytes($temporary, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
        $pfx = $temporary
    }
    if (-not $pfx) {
        Write-Warning 'Signing skipped: neither WINDOWS_CERT_PFX_PATH nor WINDOWS_CERT_PFX_BASE64 is set (the executables stay unsigned).'
        return
    }
    try {
        $signtool = Find-SignTool
        if (-not $signtool) { throw 'signtool.exe not found (install the Windows SDK).' }
        $timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
        $arguments = @('sign', '/fd', 'sha256', '/tr', $timestamp, '/td', 'sha256', '/f', $pfx)
        if ($env:WINDOWS_CERT_PASSWORD) { $arguments += @('/p', $env:WINDOWS_CERT_PASSWORD) }
        & $signtool @arguments @Files
        if ($LASTEXITCODE -ne 0) { throw "signtool sign failed ($LASTEXITCODE)" }
        & $signtool verify /pa @Files
        if ($LASTEXITCODE -ne 0) { throw "signtool verify failed ($LASTEXITCODE)" }
        Write-Host "Signed: $($Files -join ', ')"
    }
    finally {
        if ($temporary) { Remove-Item -Force $temporary -ErrorAction SilentlyContinue }
    }
}

if ($Sign) {
    Invoke-Signing @((Join-Path $Build 'reviewer.exe'), (Join-Path $Build 'reviewer-gui.exe'))
}

$Name = "reviewer-$Version"
$Staging = Join-Path $Dist 'portable-staging'
$Zip = Join-Path $Dist "reviewer-$Version-windows-x64-portable.zip"
if (Test-Path $Staging) { Remove-Item -Recurse -Force $Staging }
if (Test-Path $Zip) { Remove-Item -Force $Zip }
$Top = Join-Path $Staging $Name
New-Item -ItemType Directory -Force -Path $Top | Out-Null
Copy-Item -Recurse -Path (Join-Path $Build '*') -Destination $Top

# The marker: its presence is what counts (reviewer/paths.py), the text is for the person who finds it.
$Marker = @'
便携模式 / Portable mode
========================

本文件与 reviewer.exe、reviewer-gui.exe 位于同一文件夹时，程序以便携模式运行：
身份（含私钥）、评审数据、已签名的评分表和设置都保存在本文件夹下的 data\ 子文件夹中，
而不是当前用户的 %LOCALAPPDATA%\reviewer。整个文件夹可放在 U 盘上随身携带。

请注意：
  * data\ 中保存着您的私钥和未提交的评审工作。请妥善保管本文件夹，不要与他人共享，
    并定期备份（私钥受口令保护，但丢失文件夹即丢失工作）。
  * 请将本文件夹放在您有写入权限的位置（例如 U 盘或“文档”），不要放在 C:\Program Files。
  * 删除本文件后，程序将改用 %LOCALAPPDATA%\reviewer；data\ 中已有的内容不会自动迁移。

When this file sits beside reviewer.exe and reviewer-gui.exe, the program runs in portable mode:
identities (with the private key), review data, signed score sheets and settings are kept in the
data\ folder inside this folder, not in the user's %LOCALAPPDATA%\reviewer. The whole folder can
travel on a USB stick.

Please note:
  * data\ holds your private key and your unsent review work. Keep this folder safe, do not share
    it, and back it up (the key is protected by its passphrase, but a lost folder is lost work).
  * Put this folder where you may write (a USB stick, Documents), not in C:\Program Files.
  * Without this file the program uses %LOCALAPPDATA%\reviewer instead; what is in data\ is not
    moved there by itself.
'@
# UTF-8 with BOM and CRLF line ends, so Notepad on any Windows 10/11 shows the Chinese correctly
$Utf8Bom = New-Object System.Text.UTF8Encoding($true)
[IO.File]::WriteAllText((Join-Path $Top 'portable.txt'), ($Marker -replace "`r?`n", "`r`n"), $Utf8Bom)

Compress-Archive -Path $Top -DestinationPath $Zip -CompressionLevel Optimal
Remove-Item -Recurse -Force $Staging
$Hash = (Get-FileHash -Algorithm SHA256 $Zip).Hash.ToLowerInvariant()
Set-Content -Path "$Zip.sha256" -Value "$Hash  $(Split-Path -Leaf $Zip)" -Encoding ascii
Write-Host "Portable zip: $Zip"
Write-Host "SHA-256: $Hash"

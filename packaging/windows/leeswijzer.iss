; Inno Setup 6 script: installs the PyInstaller bundle dist\leeswijzer\ for the learner (per user,
; no administrator rights); IT administrators can install for all users with /ALLUSERS.
; Build (after `python packaging/build_bundle.py` on Windows), from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\leeswijzer.iss
; Output: dist\leeswijzer-<version>-windows-setup.exe. User data (settings, known words, caches)
; lives in %LOCALAPPDATA%\Leeswijzer, %LOCALAPPDATA%\cache\Leeswijzer and the registry, never in {app}; uninstalling keeps it
; unless the learner ticked the "remove my data" task when installing. That task exists only in a
; per-user install: in an all-users install {localappdata} would be the administrator's folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Leeswijzer"
#define AppId "nl.leeswijzer.Leeswijzer"
#define AppExe "leeswijzer.exe"
#define AppPublisher "Leeswijzer team"
#define AppUrl "https://github.com/leeswijzer/leeswijzer"
#define Root "..\.."

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppUrl}
AppSupportURL={#AppUrl}/issues
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Learners often have no administrator rights, and "remove my data" must remove their own folders:
; install per user. No dialog offers all users; /ALLUSERS on the command line still does.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=leeswijzer-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\icons\leeswijzer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
english.RemoveData=Also remove my Leeswijzer data (known words, settings, caches) when Leeswijzer is uninstalled
dutch.RemoveData=Verwijder ook mijn Leeswijzer-gegevens (bekende woorden, instellingen, cache) bij het verwijderen van Leeswijzer
english.UninstallGroup=Uninstalling:
dutch.UninstallGroup=Verwijderen:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "removedata"; Description: "{cm:RemoveData}"; GroupDescription: "{cm:UninstallGroup}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\leeswijzer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Only with the removedata task: an entry whose key is deleted on uninstall (QSettings lives there).
Root: HKCU; Subkey: "Software\{#AppName}"; ValueType: none; Flags: uninsdeletekey; Tasks: removedata; Check: not IsAdminInstallMode

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The learner's data is deleted only when they asked for it (the unchecked removedata task).
Type: filesandordirs; Name: "{userappdata}\{#AppName}"; Tasks: removedata; Check: not IsAdminInstallMode
Type: filesandordirs; Name: "{localappdata}\{#AppName}"; Tasks: removedata; Check: not IsAdminInstallMode
Type: filesandordirs; Name: "{localappdata}\cache\{#AppName}"; Tasks: removedata; Check: not IsAdminInstallMode

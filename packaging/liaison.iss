; Inno Setup script: a per-user Windows installer for the PyInstaller folder made by packaging/build.py
; (run `py -3.12 packaging\build.py` on Windows first, then: iscc /DAppVersion=0.1.0 packaging\liaison.iss).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0C6F0A-5B7E-4C6B-9B55-2F3E2C1A9D41}
AppName=Liaison
AppVersion={#AppVersion}
AppPublisher=Liaison
DefaultDirName={localappdata}\Programs\Liaison
DefaultGroupName=Liaison
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=Liaison-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\liaison.ico
UninstallDisplayIcon={app}\liaison.exe

[Files]
Source: "..\dist\Liaison-{#AppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Liaison"; Filename: "{app}\liaison.exe"
Name: "{userdesktop}\Liaison"; Filename: "{app}\liaison.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\liaison.exe"; Description: "Open Liaison"; Flags: nowait postinstall skipifsilent

; Muntada's per-user Windows installer (NSIS 3, Modern UI 2), in Arabic and English.
;
; - No administrator rights: installs into %LOCALAPPDATA%\Programs\Muntada, writes only HKCU.
; - A Start-menu shortcut, an entry in "Installed apps" (uninstall), Muntada.exe (windowed) and
;   muntada-cli.exe (console) in one folder.
; - Refuses to install or uninstall while Muntada runs from that folder (the exes are locked).
; - Upgrades in place: the program files are replaced; the user's data is never touched (it lives
;   in %LOCALAPPDATA%\Muntada, or in MuntadaData beside the program in portable mode).
; - Silent install for IT: Muntada-<version>-setup.exe /S [/D=C:\path] ; silent uninstall: uninstall.exe /S
;
; Compiled by packaging/build.py, which writes the defines (version from pyproject.toml, paths):
;   makensis -INPUTCHARSET UTF8 -DDEFINES_FILE=build/release/defines.nsh packaging/installer.nsi
Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST_COMPRESSION  ; build.py on Linux, where the installer only proves the script compiles
  SetCompressor /SOLID zlib
!else
  SetCompressor /SOLID lzma  ; the smallest installer for carrying on USB sticks
!endif

!ifndef DEFINES_FILE
  !error "Pass -DDEFINES_FILE=... (written by packaging/build.py)"
!endif
!include "${DEFINES_FILE}"
!include "MUI2.nsh"
!include "LogicLib.nsh"

!define APP_NAME "Muntada"
!define APP_PUBLISHER "Muntada"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define SETTINGS_KEY "Software\${APP_NAME}"

Name "${APP_NAME} ${APP_VERSION}"
OutFile "${OUTPUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${APP_VERSION}"

VIProductVersion "${APP_VERSION_NUMBERS}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${APP_VERSION} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${APP_PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${APP_ICON}"
!define MUI_UNICON "${APP_ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default (also of a silent install): Arabic, as the app.
!insertmacro MUI_LANGUAGE "Arabic"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString MSG_RUNNING ${LANG_ARABIC} "برنامج منتدى يعمل الآن من $INSTDIR. أغلِق كل نوافذه ثم اضغط «إعادة المحاولة»."
LangString MSG_RUNNING ${LANG_ENGLISH} "Muntada is running from $INSTDIR. Close all its windows, then press Retry."
LangString SHORTCUT_DESCRIPTION ${LANG_ARABIC} "أرشيف منتدى لوقائع المنتديات"
LangString SHORTCUT_DESCRIPTION ${LANG_ENGLISH} "Muntada archive of forum proceedings"

; Sets the error flag when Muntada runs from $INSTDIR: a running exe cannot be opened for writing.
!macro CHECK_NOT_RUNNING
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
    FileOpen $0 "$INSTDIR\${GUI_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${IfNot} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\${CLI_EXE}"
    FileOpen $0 "$INSTDIR\${CLI_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
    ${EndIf}
  ${EndIf}
!macroend

; Waits until Muntada is closed (Retry) or gives up (Cancel; a silent run gives up at once, exit code 2).
!macro REFUSE_WHILE_RUNNING
  ${Do}
    !insertmacro CHECK_NOT_RUNNING
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    IfSilent 0 +3
      SetErrorLevel 2
      Quit
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDRETRY +2
      Quit
  ${Loop}
!macroend

; The program's own files only: never MuntadaData (portable data) or anything the user put there.
!macro REMOVE_PROGRAM_FILES
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"  ; a folder another program's _internal is never emptied
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
!macroend

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Muntada" SectionProgram
  SectionIn RO
  SetShellVarContext current
  !insertmacro REFUSE_WHILE_RUNNING
  !insertmacro REMOVE_PROGRAM_FILES  ; an upgrade leaves no file of the older version behind
  SetOutPath "$INSTDIR"
  File /r "${APP_FOLDER}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0 \
      SW_SHOWNORMAL "" "$(SHORTCUT_DESCRIPTION)"
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro REFUSE_WHILE_RUNNING
  !insertmacro REMOVE_PROGRAM_FILES
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: portable data (MuntadaData) stays
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

"""``otop-desktop-gui --self-test`` (and ``"OTOP Desktop" --self-test`` of the bundle): the checks
of otop_desktop.selftest, then the desktop's own — the translations and the font load, Qt reads
the certificate's Thai text back, and the main window opens offscreen on the temporary register
and shows each of its pages (which imports every part a page needs, so a bundle missing one
fails here, not in a clerk's hands). Prints one line per check; exit status 0 when all passed,
1 (with the reason in Thai and English) when one did not.

Nothing of the user's is touched: the register, the per-user data folder (number floors,
backups, logs) and the settings all live in a temporary folder for the run."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QSettings,
    QThreadPool,
    QTranslator,
)
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.paths import DATA_DIR_ENV, resources_dir
from otop_desktop.selftest import CERTIFICATE_TEXTS, SelfTestFailed, run_core
from otop_desktop.version import program_version
from ui.app import TRANSLATION_PATTERN, configure_application
from ui.main_window import MainWindow
from ui.settings.preferences import Preferences

Report = Callable[[str], None]

EXIT_OK, EXIT_FAILED = 0, 1
#: How long the window may take to close (it may make a backup first).
CLOSE_TIMEOUT_S = 60


def run_self_test() -> int:
    # Before the application is made: no screen is needed, and none is shown on a clerk's PC.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    started = time.perf_counter()

    def report(line: str) -> None:
        print(f"ok  {line}  ({time.perf_counter() - started:.1f} s)", flush=True)

    with tempfile.TemporaryDirectory(prefix="otop-self-test-") as temp:
        folder = Path(temp)
        os.environ[DATA_DIR_ENV] = str(folder / "data")
        try:
            _run(folder, report)
        except UserError as exc:
            print(f"FAILED  {exc.message_th}\n        {exc.message_en}", file=sys.stderr)
            return EXIT_FAILED
        except Exception:
            # A fault of the build itself (a module or file it lacks): the details are what
            # whoever made the build needs, so they are shown whole.
            print("FAILED  ข้อผิดพลาดของโปรแกรม / a fault of the program:", file=sys.stderr)
            traceback.print_exc()
            return EXIT_FAILED
    print("self-test passed", flush=True)
    return EXIT_OK


def _run(folder: Path, report: Report) -> None:

    app = QApplication(sys.argv[:1])
    configure_application(app, "th")
    _check_application(report)
    core = run_core(folder, report)
    with core.register:
        _check_certificate_text(core.certificate_pdf, report)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        _check_main_window(app, core.register, Preferences(settings), report)


def _check_application(report: Report) -> None:

    catalogs = sorted((resources_dir() / "i18n").glob(TRANSLATION_PATTERN))
    for path in catalogs:
        if not QTranslator().load(str(path)):
            raise SelfTestFailed(f"the translation {path.name} does not load")
    if not catalogs:
        raise SelfTestFailed(f"no translations in {resources_dir() / 'i18n'}")
    family = QFontInfo(QGuiApplication.font()).family()
    if "Sarabun" not in family:
        raise SelfTestFailed(f"the screen font is {family}, not Sarabun")
    if QGuiApplication.windowIcon().isNull():
        raise SelfTestFailed("the program's icon does not load")
    report(f"{len(catalogs)} Thai catalogs, the Sarabun font and the icon loaded")


def _check_certificate_text(pdf: bytes, report: Report) -> None:

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() != 1:
        raise SelfTestFailed(f"Qt's PDF reader cannot open the certificate ({document.error()})")
    text = document.getAllText(0).text()
    missing = [wanted for wanted in CERTIFICATE_TEXTS if wanted not in text]
    if missing:
        raise SelfTestFailed(f"the certificate does not say {', '.join(missing)}")
    document.close()
    report(f"the certificate's Thai text reads back ({len(CERTIFICATE_TEXTS)} phrases)")


def _check_main_window(
    app: QApplication, register: Register, preferences: Preferences, report: Report
) -> None:

    # A page's background work that fails reaches the excepthook (ui.jobs.report_error):
    # here it fails the self-test instead of being printed and passed over.
    faults: list[BaseException] = []
    sys.excepthook = lambda _type, error, _tb: faults.append(error)
    window = MainWindow(register, preferences=preferences)
    window.show()
    app.processEvents()
    if program_version() not in window.windowTitle() + app.applicationDisplayName():
        raise SelfTestFailed(f"the window's title {window.windowTitle()} has no version")
    shown = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        app.processEvents()
        if window.stack.currentIndex() != row:
            raise SelfTestFailed(f"the page {window.nav.item(row).text()} did not open")
        shown.append(window.nav.item(row).text())
    window.nav.setCurrentRow(0)  # the overview, with its charts
    # The pages' counts run in the thread pool; their outcomes arrive as queued signals.
    QThreadPool.globalInstance().waitForDone(CLOSE_TIMEOUT_S * 1000)
    app.processEvents()
    if faults:
        fault = faults[0]
        first_line = str(fault).splitlines()[0] if str(fault) else ""
        raise SelfTestFailed(f"a page's work failed: {type(fault).__name__}: {first_line}")
    report(f"main window opened offscreen; pages shown: {', '.join(shown)}")
    window.close()
    deadline = time.monotonic() + CLOSE_TIMEOUT_S
    while window.isVisible() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
    if window.isVisible():
        raise SelfTestFailed(f"the main window did not close within {CLOSE_TIMEOUT_S} s")
    QThreadPool.globalInstance().waitForDone(CLOSE_TIMEOUT_S * 1000)
    report("main window closed")

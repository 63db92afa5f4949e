"""Application set-up: the Thai font, the Thai translations, and the last-resort error hook."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from otop_desktop.errors import FieldError, UserError, ValidationError
from ui.messages import install_excepthook, user_message

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def qt_tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return found


def test_the_application_font_is_sarabun_and_has_thai() -> None:
    font = QApplication.font()
    assert font.family() == "Sarabun"
    assert font.pointSize() == 11
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "กขคที่ปี่กิ่ง฿๑")


def test_thai_is_the_language_and_the_locale() -> None:
    assert QLocale().language() == QLocale.Language.Thai
    assert QCoreApplication.translate("MainWindow", "Overview") == "ภาพรวม"
    # Qt's own strings, which Qt itself does not translate to Thai.
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "ตกลง"
    assert QCoreApplication.translate("QLineEdit", "Select All") == "เลือกทั้งหมด"


def catalogs() -> dict[str, list[str]]:
    """Each translation catalog and its sources: otop_th for main.py and ui/*.py, and one
    ``<package>_th`` per package under ui/ (so that parts of the UI are translated apart)."""
    found = {
        "otop_th": [
            "main.py",
            *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py")),
        ]
    }
    for package in sorted(p.parent for p in (ROOT / "ui").glob("*/__init__.py")):
        found[f"{package.name}_th"] = sorted(str(p.relative_to(ROOT)) for p in package.glob("*.py"))
    return found


@pytest.mark.parametrize("name", sorted(catalogs()))
def test_every_string_in_the_code_is_translated(tmp_path: Path, name: str) -> None:
    ts = tmp_path / f"{name}.ts"
    assert (I18N / f"{name}.ts").is_file(), f"resources/i18n/{name}.ts is missing"
    shutil.copy(I18N / f"{name}.ts", ts)
    subprocess.run(
        [qt_tool("pyside6-lupdate"), *catalogs()[name], "-ts", str(ts), "-locations", "none"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    # "unfinished": a new string nobody translated; "vanished"/"obsolete": a translation
    # whose string is gone from the code.
    for marker in ('type="unfinished"', 'type="vanished"', 'type="obsolete"'):
        assert marker not in text, f"resources/i18n/{name}.ts is out of date ({marker})"


@pytest.mark.parametrize("name", sorted(p.stem for p in I18N.glob("*_th.ts")))
def test_the_shipped_qm_is_the_compiled_ts(tmp_path: Path, name: str) -> None:
    qm = tmp_path / f"{name}.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(I18N / f"{name}.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (I18N / f"{name}.qm").read_bytes(), f"rebuild {name}.qm"


def test_validation_errors_are_listed_per_field_in_thai() -> None:
    error = ValidationError(
        [
            FieldError("office_name", "กรุณากรอกชื่อสำนักงาน", "The office name is required"),
            FieldError("officer_name", "ชื่อยาวเกิน 200 ตัวอักษร", "The name is too long"),
        ]
    )
    assert user_message(error) == "กรุณากรอกชื่อสำนักงาน\nชื่อยาวเกิน 200 ตัวอักษร"


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the code under test showed, as (kind, text), instead of showing them."""
    shown: list[tuple[str, str]] = []

    def recorder(kind: str) -> Callable[[QWidget | None, str, str], None]:
        def show(_parent: QWidget | None, _title: str, text: str) -> None:
            shown.append((kind, text))

        return show

    monkeypatch.setattr(QMessageBox, "critical", recorder("critical"))
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_a_program_fault_is_logged_and_shown_in_thai(
    boxes: list[tuple[str, str]], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    log_file = tmp_path / "otop-desktop.log"
    install_excepthook(log_file)
    exc = raised(RuntimeError("boom"))
    with caplog.at_level(logging.ERROR):
        sys.excepthook(RuntimeError, exc, exc.__traceback__)
    [record] = caplog.records
    assert record.exc_info is not None and record.exc_info[1] is exc
    [(kind, text)] = boxes
    assert kind == "critical"
    assert text.startswith("โปรแกรมเกิดข้อผิดพลาดภายใน")
    assert str(log_file) in text
    assert "Traceback" not in text and "boom" not in text


def test_a_user_error_that_escaped_is_shown_not_logged(
    boxes: list[tuple[str, str]], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    install_excepthook(tmp_path / "otop-desktop.log")
    exc = raised(UserError("ไม่พบทะเบียน", "No register"))
    with caplog.at_level(logging.ERROR):
        sys.excepthook(UserError, exc, exc.__traceback__)
    assert caplog.records == []
    assert boxes == [("warning", "ไม่พบทะเบียน")]

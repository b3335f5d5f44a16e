"""Evidence files are recognised by their bytes: the name must agree, macros and executables are refused."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from evaluation.uploads import OLE2_SIGNATURE, check_evidence_file


def image(fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, fmt)
    return buffer.getvalue()


def ooxml(main_part, *, macro=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{main_part}document.xml", "<x/>")
        if macro:
            package.writestr(f"{main_part}vbaProject.bin", b"\x00")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("a.jpg", image("JPEG"), "jpeg"),
        ("a.PNG", image("PNG"), "png"),
        ("a.webp", image("WEBP"), "webp"),
        ("a.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "pdf"),
        ("a.docx", ooxml("word/"), "docx"),
        ("a.xlsx", ooxml("xl/"), "xlsx"),
        ("a.pptx", ooxml("ppt/"), "pptx"),
        ("a.doc", OLE2_SIGNATURE + b"\x00" * 100, "doc"),
        ("a.xls", OLE2_SIGNATURE + b"\x00" * 100, "xls"),
    ],
)
def test_accepted_kinds(name, data, kind):
    assert check_evidence_file(SimpleUploadedFile(name, data)).kind == kind


@pytest.mark.parametrize(
    "name, data",
    [
        ("a.pdf", b"MZ\x90\x00"),  # an executable named .pdf
        ("a.png", image("JPEG")),  # a JPEG named .png: the name must agree
        ("a.svg", b"<svg onload='alert(1)'/>"),
        ("a.docx", ooxml("xl/")),  # a workbook named .docx
        ("a.docx", ooxml("word/", macro=True)),
        ("a.zip", ooxml("word/")),
        ("a.jpg", b"\xff\xd8\xff broken"),
        ("noextension", image("PNG")),
    ],
)
def test_refused(name, data):
    with pytest.raises(ValidationError):
        check_evidence_file(SimpleUploadedFile(name, data))


def test_more_than_20_mb_is_refused_with_a_chinese_message():
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        check_evidence_file(big)
    assert "最大" in str(error.value.messages[0]) or "20" in str(error.value.messages[0])

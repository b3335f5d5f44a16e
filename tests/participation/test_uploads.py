"""Residents' photos: content-checked, size-capped, re-encoded without EXIF; never SVG or a renamed program."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation.uploads import MAX_BYTES, ResidentImagesField, clean_image


def photo_bytes(fmt="JPEG", size=(64, 48), exif_gps=False):
    image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    kwargs = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (31.0, 47.0, 0.0)}  # GPSInfo: somewhere in Changzhou
        exif[0x010F] = "PhoneMaker"
        kwargs["exif"] = exif
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_jpeg_is_reencoded_without_exif():
    original = photo_bytes(exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif()
    cleaned = clean_image(upload("IMG_0001.jpg", original))
    assert cleaned.name.endswith(".jpg") and "IMG_0001" not in cleaned.name
    result = Image.open(io.BytesIO(cleaned.read()))
    assert result.format == "JPEG"
    assert not result.getexif()


@pytest.mark.parametrize("fmt, ext", [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_are_accepted(fmt, ext):
    assert clean_image(upload(f"a.{ext}", photo_bytes(fmt))).name.endswith(f".{ext}")


@pytest.mark.parametrize(
    "name, data",
    [
        ("virus.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),  # a Windows program renamed .jpg
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("anim.gif", None),
        ("empty.png", b""),
    ],
)
def test_non_images_are_refused_in_chinese(name, data):
    if data is None:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "GIF")
        data = buffer.getvalue()
    with pytest.raises(ValidationError) as error:
        clean_image(upload(name, data))
    assert "不是 JPEG、PNG 或 WebP 图片" in error.value.messages[0]


def test_oversized_file_is_refused():
    big = upload("big.jpg", b"\xff\xd8" + b"\x00" * (MAX_BYTES + 1))
    with pytest.raises(ValidationError) as error:
        clean_image(big)
    assert "图片太大" in error.value.messages[0]


def test_field_cleans_several_and_reports_each_bad_file():
    field = ResidentImagesField(max_count=2)
    assert len(field.clean([upload("a.jpg", photo_bytes()), upload("b.png", photo_bytes("PNG"))])) == 2
    with pytest.raises(ValidationError) as error:
        field.clean([upload("a.jpg", photo_bytes()), upload("bad.jpg", b"not an image")])
    assert any("bad.jpg" in message for message in error.value.messages)
    with pytest.raises(ValidationError) as error:
        field.clean([upload(f"{n}.jpg", photo_bytes()) for n in range(3)])
    assert "最多 2 张图片" in error.value.messages[0]
    assert field.clean([]) == []

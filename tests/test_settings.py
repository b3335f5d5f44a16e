"""Production settings: refuse to start without SECRET_KEY; `check --deploy` clean when configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "RATE_LIMITS",
            "CONN_MAX_AGE",
        }
    }
    base.update(DJANGO_SETTINGS_MODULE="renren_cms.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="renren.example.cn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_required_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
        ALLOWED_HOSTS="renren.example.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_keeps_rate_limits_on_unless_explicitly_switched_off():
    show = (
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.RATE_LIMITS_ENABLED)",
    )
    required = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "renren.example.cn"}
    assert run_manage(*show, **required).stdout.strip() == "True"
    assert run_manage(*show, RATE_LIMITS="of", **required).stdout.strip() == "True"  # a typo keeps them on
    assert run_manage(*show, RATE_LIMITS="off", **required).stdout.strip() == "False"


def test_check_deploy_warns_when_rate_limits_are_off():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        RATE_LIMITS="off",
        SECRET_KEY="k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
        ALLOWED_HOSTS="renren.example.cn",
    )
    assert result.returncode != 0
    assert "participation.W001" in result.stdout + result.stderr


def test_production_database_connections_persist_and_are_health_checked():
    show = (
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
    )
    result = run_manage(*show, SECRET_KEY="x" * 60, ALLOWED_HOSTS="renren.example.cn")
    assert result.stdout.strip() == "60 True", result.stderr
